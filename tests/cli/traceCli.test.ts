/**
 * `npm run trace`: run as a learner's instructor would, as a separate process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../app/runtime/traceSchema';

const folder = mkdtempSync(join(tmpdir(), 'loopscope-cli-'));
const SEED = join(import.meta.dirname, '..', 'golden', 'seed_greet.py');

function trace(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'tools/trace/traceCli.ts', ...args], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..', '..'),
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function program(name: string, source: string): string {
  const path = join(folder, name);
  writeFileSync(path, source);
  return path;
}

describe('npm run trace', () => {
  it('prints exactly what the seed example prints, and nothing else', () => {
    expect(trace(SEED)).toEqual({ stdout: 'Hello, Alice!\nHello, Bob!\n', stderr: '', status: 0 });
  });

  it('writes the trace as JSON lines and a readable summary to stderr', () => {
    const out = join(folder, 'seed.jsonl');
    const result = trace(SEED, '--trace', out, '--summary');
    expect(result.stdout).toBe('Hello, Alice!\nHello, Bob!\n');
    expect(result.stderr).toContain('Task-1     created by run at line 10: main()');
    expect(result.stderr).toContain('Run ended: ok (exit 0)');
    const events = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TraceEvent);
    expect(events[0]?.type).toBe('run.start');
    expect(events.at(-1)?.type).toBe('run.end');
  });

  it('keeps stdout and stderr apart and exits 1 on an uncaught exception', () => {
    const path = program('fail.py', 'print("before")\nraise ValueError("nope")\n');
    const result = trace(path);
    expect(result.stdout).toBe('before\n');
    expect(result.stderr).toBe(
      'Traceback (most recent call last):\n  File "fail.py", line 2, in <module>\n    raise ValueError("nope")\nValueError: nope\n',
    );
    expect(result.status).toBe(1);
  });

  it('reads stdin from a file and runs several programs in turn', () => {
    const ask = program('ask.py', 'print("hi", input())\n');
    const exit = program('exit.py', 'import sys\nsys.exit(3)\n');
    const input = program('input.txt', 'Ada\n');
    const result = trace(ask, exit, ask, '--stdin', input);
    expect(result.stdout).toBe('hi Ada\nhi Ada\n');
    expect(result.status).toBe(3);
  });

  it('exits 1 with a one-line message when a limit stops the program', () => {
    const path = program(
      'forever.py',
      'import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(60)\nasyncio.run(main())\n',
    );
    const result = trace(path);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'Stopped: virtual time would pass the 3600 s limit (is there a loop that never ends?)\n',
    );
    expect(result.status).toBe(1);
  });

  it('runs past a default limit when --limit raises it', () => {
    const path = program(
      'two_hours.py',
      'import asyncio\nasync def main():\n    await asyncio.sleep(7200)\n    print("slept", asyncio.get_running_loop().time())\nasyncio.run(main())\n',
    );
    const stopped = trace(path);
    expect(stopped.stderr).toMatch(/^Stopped: virtual time would pass the 3600 s limit/);
    expect(stopped.status).toBe(1);
    const raised = trace(path, '--limit', 'virtual-time=86400', '--limit', 'iterations=5000000');
    expect(raised).toEqual({ stdout: 'slept 7200.0\n', stderr: '', status: 0 });
  });

  it('stops at a lowered limit', () => {
    const path = program(
      'ticks.py',
      'import asyncio\nasync def main():\n    for _ in range(100):\n        await asyncio.sleep(0)\nasyncio.run(main())\n',
    );
    const result = trace(path, '--limit', 'iterations=20');
    expect(result.stderr).toMatch(/^Stopped: the event loop ran 20 iterations/);
    expect(result.status).toBe(1);
  });

  it('refuses an unknown limit with one line naming the accepted ones', () => {
    expect(trace(SEED, '--limit', 'virtual_time=60')).toEqual({
      stdout: '',
      stderr:
        '--limit virtual_time=60: unknown limit; the limits are virtual-time, iterations, events, output, tasks\n',
      status: 2,
    });
    const zero = trace(SEED, '--limit', 'events=0');
    expect(zero.stderr).toBe(
      '--limit events=0: events needs a positive whole number (trace events); the limits are virtual-time, iterations, events, output, tasks\n',
    );
    expect(zero.status).toBe(2);
  });

  it('explains how to call it when called wrongly', () => {
    const result = trace('--bogus');
    expect(result.stderr).toMatch(/usage: npm run trace -- prog\.py/);
    expect(result.status).toBe(2);
  });

  it('lists the limits and their defaults in its help', () => {
    const result = trace('--help');
    expect(result.stderr).toContain('[--limit NAME=VALUE ...]');
    expect(result.stderr).toContain('  virtual-time     3600  virtual seconds\n');
    expect(result.stderr).toContain('  iterations    1000000  event-loop iterations\n');
    expect(result.status).toBe(0);
  });
});
