/**
 * The hostile corpus, Node half: every program in programs/ runs as
 * `npm run trace` runs it (the sandbox and `traceProgram`), ends with what its
 * `.expect.json` says, reaches nothing on this machine, and leaves the next
 * run untouched: the seed example then prints exactly its two lines. One
 * sandbox serves the whole file, as one command line serves many programs:
 * it gives each run a fresh interpreter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeSandbox, type NodeSandbox } from '../../app/runtime/host/nodeSandbox';
import { exitStatus, traceProgram } from '../../tools/trace/traceProgram';
import { JS_STACK_LINE, readCorpus, RUNTIME_PATH, type Expectation } from './corpus';

const SEED = readFileSync(join(import.meta.dirname, '..', 'golden', 'seed_greet.py'), 'utf8');

const corpus = readCorpus();

function trace(sandbox: NodeSandbox, filename: string, source: string, expectation?: Expectation) {
  let stdout = '';
  let stderr = '';
  const result = traceProgram(
    sandbox,
    {
      source,
      filename,
      stdin: '',
      trace: true,
      limits: expectation?.limits ?? {},
      timeoutMs: (expectation?.timeoutSeconds ?? 10) * 1000,
    },
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  );
  return { stdout, stderr, status: exitStatus(result.summary.exitCode) };
}

describe('the hostile corpus in Node', () => {
  let sandbox: NodeSandbox;
  beforeAll(async () => {
    sandbox = await loadNodeSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('turns code generation from strings off in the worker only, not in this thread', () => {
    const add = Reflect.construct(Function, ['a', 'b', 'return a + b']) as (
      a: number,
      b: number,
    ) => number;
    expect(add(2, 3)).toBe(5);
  });

  it('holds at least 40 programs, each with its expectation', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus)('$name: $proves', ({ name, source, expectation }) => {
    const run = trace(sandbox, name, source, expectation);
    expect(run.status).toBe(expectation.exit);
    expect(run.stdout).toBe(expectation.stdout);
    if (expectation.stderr !== undefined) expect(run.stderr).toBe(expectation.stderr);
    if (expectation.stderrEndsWith !== undefined) {
      expect(run.stderr.endsWith(expectation.stderrEndsWith), run.stderr).toBe(true);
    }
    if (expectation.stderrIncludes !== undefined) {
      expect(run.stderr).toContain(expectation.stderrIncludes);
    }
    for (const text of [run.stdout, run.stderr]) {
      expect(text).not.toContain(RUNTIME_PATH);
      expect(text).not.toMatch(JS_STACK_LINE);
    }
    for (const path of expectation.hostPathsAbsent ?? [])
      expect(existsSync(path), path).toBe(false);

    if (expectation.next !== undefined) {
      const after = trace(sandbox, 'next.py', expectation.next.source);
      expect(after).toEqual({ stdout: expectation.next.stdout, stderr: '', status: 0 });
    }
    const next = trace(sandbox, 'seed_greet.py', SEED);
    expect(next).toEqual({ stdout: 'Hello, Alice!\nHello, Bob!\n', stderr: '', status: 0 });
  });
});
