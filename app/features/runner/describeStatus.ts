/**
 * The one sentence the status line shows. Pure: no React, no DOM.
 */
import type { SandboxStatus } from '../../runtime/createSandboxClient';
import type { RunnerSlice } from './runnerSlice';

const STARTING = 'Starting Python…';

function describeSandbox(sandbox: SandboxStatus): string {
  switch (sandbox.phase) {
    case 'downloading':
    case 'starting':
      return STARTING;
    case 'ready':
      return 'Ready';
    case 'running':
      return 'Running…';
    case 'stopping':
      return 'Stopping…';
    case 'failed':
      return sandbox.message;
  }
}

export function describeStatus(
  sandbox: SandboxStatus,
  runner: Pick<RunnerSlice, 'running' | 'result' | 'output'>,
): string {
  // While a run waits for Python to start, say so rather than "Running…".
  if (runner.running) return describeSandbox(sandbox);
  const { result } = runner;
  if (!result) return describeSandbox(sandbox);
  if (result.message !== null) return result.message;
  const { summary } = result;
  if (!summary) return describeSandbox(sandbox);
  // "Finished with exit code 1" would say the program ran.
  if (summary.notStarted === true) return 'The program did not start: it has a syntax error.';
  // An interruption the page did not ask for (the program raised SIGINT at
  // itself) has no message of the page's: the runtime's says what happened,
  // where "Finished with exit code 1" would say nothing of it.
  const stopped = summary.outcome === 'limit' || summary.outcome === 'interrupted';
  if (stopped && runner.output.limitMessage !== null) return runner.output.limitMessage;
  const ending =
    summary.exitCode === 0 ? 'Finished' : `Finished with exit code ${summary.exitCode}`;
  return (
    `${ending}: ${summary.virtualTime.toFixed(1)} s of virtual time, ` +
    `${Math.round(summary.wallMs)} ms on this machine`
  );
}

/** What the progress bar under the status shows while Python loads. */
export interface PythonProgress {
  /** The bar's accessible name: what Python is doing. */
  readonly name: 'Downloading Python' | 'Starting Python';
  /** The step in words, shown beside the bar: "Step 1 of 2: downloading, 3.1 of 12.0 MB". */
  readonly caption: string;
  /**
   * Bytes downloaded and in all, for the bar's value; null when the total is
   * unknown (compressed responses do not say), and the bar is indeterminate.
   */
  readonly bytes: { readonly loaded: number; readonly total: number } | null;
  /** The bytes in words, the bar's value for a screen reader: "3.1 of 12.0 MB". */
  readonly amount: string | null;
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

/**
 * The progress bar while Python downloads and starts; null once it has
 * started (or failed to). Starting has no measure, so its bar is indeterminate.
 */
export function describePythonProgress(sandbox: SandboxStatus): PythonProgress | null {
  if (sandbox.phase === 'starting') {
    return {
      name: 'Starting Python',
      caption: 'Step 2 of 2: starting the interpreter',
      bytes: null,
      amount: null,
    };
  }
  if (sandbox.phase !== 'downloading') return null;
  const { loaded, total } = sandbox;
  const bytes = loaded !== null && total !== null && total > 0 ? { loaded, total } : null;
  const amount =
    loaded === null
      ? null
      : bytes === null
        ? `${megabytes(loaded)} MB so far`
        : `${megabytes(loaded)} of ${megabytes(bytes.total)} MB`;
  return {
    name: 'Downloading Python',
    caption: `Step 1 of 2: downloading${amount === null ? '' : `, ${amount}`}`,
    bytes,
    amount,
  };
}

/** A mistake the last run revealed (a blocking call, an exception never retrieved …). */
export interface RunMistake {
  /** What went wrong, as a phrase: "blocking code froze the event loop". */
  readonly what: string;
  /** The learner's line, if known. */
  readonly line: number | null;
}

/**
 * The status line's one-line warning about the last run's mistakes, which
 * the summary under the timeline explains; null when it made none.
 */
export function describeMistakes(mistakes: readonly RunMistake[]): string | null {
  const [first] = mistakes;
  if (first === undefined) return null;
  const where = first.line === null ? '' : ` at line ${first.line}`;
  const more = mistakes.length > 1 ? ` (and ${mistakes.length - 1} more)` : '';
  const what = first.what.charAt(0).toUpperCase() + first.what.slice(1);
  return `⚠ ${what}${where}${more}: see the summary under the timeline.`;
}
