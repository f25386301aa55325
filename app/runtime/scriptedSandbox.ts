/**
 * For tests of what sits on top of the sandbox client: a client whose runs
 * the test drives by hand (send events, end or fail the run), without a
 * worker or Python.
 */
import type { RunResult, SandboxClient } from './createSandboxClient';
import type { RunRequest } from './host/runtimeTypes';
import type { TraceEvent } from './traceSchema';

/** One run the test is driving. */
export interface ScriptedRun {
  readonly request: RunRequest;
  readonly send: (events: readonly TraceEvent[]) => void;
  readonly end: (result: RunResult) => void;
  readonly fail: (error: Error) => void;
}

/** A sandbox whose run the test drives: it sends events and ends the run when told. */
export function scriptedSandbox() {
  const runs: ScriptedRun[] = [];
  let stops = 0;
  const sandbox: SandboxClient = {
    status: { subscribe: () => () => undefined, getSnapshot: () => ({ phase: 'ready' }) },
    canInterrupt: true,
    run: (request, onEvents) =>
      new Promise<RunResult>((resolve, reject) => {
        runs.push({ request, send: onEvents, end: resolve, fail: reject });
      }),
    stop: () => {
      stops += 1;
    },
    checkSyntax: () => Promise.resolve(null),
    dispose: () => undefined,
  };
  return { sandbox, runs, stops: () => stops };
}
