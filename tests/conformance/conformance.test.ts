/**
 * Conformance: each program in programs/ must print, on our runtime, exactly
 * what real CPython printed when its expected files were recorded (see
 * README.md beside this file; regenerate.sh records them on purpose only).
 *
 * stdout and the exit status are compared exactly. stderr is compared after
 * one normalization applied to both sides: traceback frames from files other
 * than the program itself are dropped (the standard library's paths and line
 * numbers differ between CPython 3.13, which recorded the files, and the
 * runtime's 3.14 in Pyodide, and the runtime may add frames of its own).
 * Programs whose header asks for it also have both streams recorded together,
 * in the order written (`.output`): when a report appears relative to the
 * program's own prints is part of what they claim.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeRuntime, type NodeRuntime } from '../../app/runtime/host/nodeRuntime';

const PROGRAMS_DIR = fileURLToPath(new URL('./programs/', import.meta.url));

/** Program files: `NNN_topic.py`, run in name order. */
const PROGRAMS = readdirSync(PROGRAMS_DIR)
  .filter((name) => /^\d{3}_\w+\.py$/.test(name))
  .sort();

/** The header line of a program whose `.output` holds both streams in order. */
const IN_ORDER_HEADER = /^# Expected output: also in order \(\.output\)$/m;

/** What CPython produced for one program. */
interface Expected {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** stdout and stderr together, in the order written; only for programs that ask. */
  readonly output: string | null;
}

function readExpected(filename: string, source: string): Expected {
  const base = join(PROGRAMS_DIR, filename.replace(/\.py$/, ''));
  const read = (extension: string): string => {
    const path = `${base}.${extension}`;
    if (!existsSync(path)) {
      throw new Error(`${path} is missing: run bash tests/conformance/regenerate.sh ${filename}`);
    }
    return readFileSync(path, 'utf8');
  };
  return {
    stdout: read('stdout'),
    stderr: read('stderr'),
    exitCode: Number.parseInt(read('exit').trim(), 10),
    output: IN_ORDER_HEADER.test(source.split('\n', 12).join('\n')) ? read('output') : null,
  };
}

/** stdin for a program: its `.stdin` file, else nothing (CPython read /dev/null). */
function readStdin(filename: string): string {
  const path = join(PROGRAMS_DIR, filename.replace(/\.py$/, '.stdin'));
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/**
 * A traceback frame header, `  File "name", line N, in function`, possibly
 * inside an exception group's box (`  |   File ...`). Group 1 is the box prefix.
 */
const FRAME_LINE = /^([ |]*) {2}File "([^"]+)", line \d+/;

/**
 * Keeps what both interpreters agree on: drops ` at 0x…` addresses and every
 * traceback frame (header, source line, caret line) whose file is not the
 * program itself.
 */
function normalizeStderr(text: string, filename: string): string {
  const lines = text
    .replace(/\r\n/g, '\n')
    .replace(/ at 0x[0-9a-fA-F]+/g, '')
    .split('\n');
  const kept: string[] = [];
  let skipPrefix: string | null = null;
  for (const line of lines) {
    if (skipPrefix !== null && line.startsWith(skipPrefix)) continue;
    skipPrefix = null;
    const frame = FRAME_LINE.exec(line);
    if (frame !== null && frame[2] !== filename) {
      // A frame's source and caret lines are indented two more than its header.
      skipPrefix = `${frame[1] ?? ''}    `;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n');
}

/** The runtime started from its memory snapshot, as every host starts it, and booted. */
const runtimes = new Map<'snapshot' | 'boot', NodeRuntime>();

beforeAll(async () => {
  runtimes.set('snapshot', await loadNodeRuntime('snapshot'));
  runtimes.set('boot', await loadNodeRuntime('boot'));
}, 120_000);

afterAll(async () => {
  for (const runtime of runtimes.values()) await runtime.close();
});

describe('conformance with CPython', () => {
  it('has the programs and their expected output', () => {
    expect(PROGRAMS.length).toBeGreaterThanOrEqual(48);
  });

  it('gives every program a number of its own', () => {
    const numbers = PROGRAMS.map((name) => name.slice(0, 3));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  // Tracing must not change what a program does, nor how Python was started:
  // every program runs traced and untraced, and traced on a booted interpreter.
  describe.each([
    ['traced', true, 'snapshot'],
    ['untraced', false, 'snapshot'],
    ['traced, after a boot', true, 'boot'],
  ] as const)('%s', (_mode, trace, start) => {
    it.each(PROGRAMS)('%s', (filename) => {
      const runtime = runtimes.get(start);
      if (runtime === undefined) throw new Error('runtime not loaded');
      const source = readFileSync(join(PROGRAMS_DIR, filename), 'utf8');
      const expected = readExpected(filename, source);
      const result = runtime.run({ source, filename, stdin: readStdin(filename), trace });
      // Soft: a failing program reports every difference at once.
      expect
        .soft(result.stderr, 'stderr shows no runtime frames')
        .not.toContain('loopscope_runtime');
      expect.soft(result.stdout, 'stdout').toBe(expected.stdout);
      expect.soft(result.summary.exitCode, 'exit status').toBe(expected.exitCode);
      expect
        .soft(normalizeStderr(result.stderr, filename), 'stderr (normalized)')
        .toBe(normalizeStderr(expected.stderr, filename));
      if (expected.output !== null) {
        expect
          .soft(normalizeStderr(result.output, filename), 'stdout and stderr in order (normalized)')
          .toBe(normalizeStderr(expected.output, filename));
      }
    });
  });
});
