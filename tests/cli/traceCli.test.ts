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

  it('explains how to call it when called wrongly', () => {
    const result = trace('--bogus');
    expect(result.stderr).toMatch(/usage: npm run trace -- prog\.py/);
    expect(result.status).toBe(2);
  });
});
