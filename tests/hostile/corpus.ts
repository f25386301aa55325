/**
 * The hostile corpus (programs/, described in programs/README.md) as both of
 * its halves read it: the Node half (hostileCorpus.test.ts) and the browser
 * half (e2e/hostileCorpus.spec.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunLimits } from '../../app/runtime/host/runtimeTypes';

const PROGRAMS = join(import.meta.dirname, 'programs');

/** What the page shows where it differs from the command line (the `browser` key). */
export interface BrowserExpectation {
  /**
   * The status line's exact sentence, when the run did not finish by itself
   * (a limit, the watchdog, a restart); otherwise it says "Finished …".
   */
  readonly status?: string;
  /** The code "Finished with exit code N" names, when not `exit` (the page shows the program's own). */
  readonly exitCode?: number;
  /** The output's stdout lines, when not the command line's. */
  readonly stdout?: string;
  /** Replace all three of the command line's stderr expectations when any is given. */
  readonly stderr?: string;
  readonly stderrEndsWith?: string;
  readonly stderrIncludes?: string;
}

/** What a program must give (its `.expect.json`). */
export interface Expectation {
  /** The process exit status `npm run trace` gives. */
  readonly exit: number;
  readonly stdout: string;
  /** stderr exactly, or its end (the last line of a traceback), or a part of it. */
  readonly stderr?: string;
  readonly stderrEndsWith?: string;
  readonly stderrIncludes?: string;
  /** `--timeout`, when not the default 10 s. */
  readonly timeoutSeconds?: number;
  /** `--limit` values, when not the defaults. */
  readonly limits?: Partial<RunLimits>;
  /** Files on this machine the program tries to create: they must not exist afterwards. */
  readonly hostPathsAbsent?: readonly string[];
  /** A program run right after, that what this one left behind could fool, and its exact output. */
  readonly next?: { readonly source: string; readonly stdout: string };
  /** Where the playground page shows something else than the command line. */
  readonly browser?: BrowserExpectation;
}

/** What the page must show for a program: the command line's expectation with its `browser` key laid over it. */
export interface PageExpectation {
  /** The status line's exact sentence, or null when it says the run finished (with `exitCode`). */
  readonly status: string | null;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr?: string;
  readonly stderrEndsWith?: string;
  readonly stderrIncludes?: string;
}

export function pageExpectation(expectation: Expectation): PageExpectation {
  const browser = expectation.browser ?? {};
  const stderrGiven = ['stderr', 'stderrEndsWith', 'stderrIncludes'].some((key) => key in browser);
  const { stderr, stderrEndsWith, stderrIncludes } = stderrGiven ? browser : expectation;
  return {
    status: browser.status ?? null,
    exitCode: browser.exitCode ?? expectation.exit,
    stdout: browser.stdout ?? expectation.stdout,
    ...(stderr === undefined ? {} : { stderr }),
    ...(stderrEndsWith === undefined ? {} : { stderrEndsWith }),
    ...(stderrIncludes === undefined ? {} : { stderrIncludes }),
  };
}

/** One program of the corpus. */
export interface CorpusProgram {
  /** Its file name, e.g. `busy_loop.py`. */
  readonly name: string;
  readonly source: string;
  readonly expectation: Expectation;
  /** What it proves: its first line. */
  readonly proves: string;
}

/** What must never reach the learner: the runtime's own files. */
export const RUNTIME_PATH = '/home/pyodide/loopscope';

/**
 * A line of a JavaScript stack: V8's own (`    at f (x.js:1:2)`), or one of
 * its frames as Pyodide adds them to a Python traceback
 * (`  File "http://…/x.js", line 1, in f`).
 */
export const JS_STACK_LINE = /^\s+at .+:\d+:\d+\)?$|^\s*File "[^"]*\.m?js", line \d+/m;

/** Every program of the corpus, by name. */
export function readCorpus(): CorpusProgram[] {
  return readdirSync(PROGRAMS)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => {
      const source = readFileSync(join(PROGRAMS, name), 'utf8');
      const expectation = JSON.parse(
        readFileSync(join(PROGRAMS, name.replace(/\.py$/, '.expect.json')), 'utf8'),
      ) as Expectation;
      // The first line of each program says what it proves.
      const proves = /^# (.*)$/m.exec(source)?.[1] ?? name;
      return { name, source, expectation, proves };
    });
}

/** One program of the corpus, by file name. */
export function corpusProgram(name: string): string {
  return readFileSync(join(PROGRAMS, name), 'utf8');
}
