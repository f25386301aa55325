/**
 * The runtime hosted in Node: loads Pyodide from node_modules and runs
 * programs synchronously. Used by the command line, the tests and the
 * benchmarks. Must not import DOM or React modules.
 */
import { parseEventBatch, type TraceEvent } from '../traceSchema';
import { loadPython } from './nodePython';
import type { PythonRuntime } from './pythonRuntime';
import { createNodeWatchdog } from './nodeWatchdog';
import type { RunRequest, RunSummary } from './runtimeTypes';

/** Real-time budget of one run before the watchdog interrupts it. */
export const DEFAULT_WALL_TIMEOUT_MS = 10_000;

/** A finished run, with its output split by stream, and together. */
export interface NodeRunResult {
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr as one text, in the order the program wrote them. */
  readonly output: string;
  readonly summary: RunSummary;
  readonly events: readonly TraceEvent[];
  /** Why the run was stopped (a limit, or the watchdog), or null. */
  readonly stopMessage: string | null;
}

/** How to run one program in Node. */
export interface NodeRunOptions {
  /** Receives each batch of events as the program runs. */
  readonly onBatch?: (batch: readonly TraceEvent[]) => void;
  /** Real-time budget before Python is interrupted. */
  readonly wallTimeoutMs?: number;
}

/** The runtime in Node. */
export interface NodeRuntime {
  /** Runs a program to the end and returns everything it produced. */
  run(request: RunRequest, options?: NodeRunOptions): NodeRunResult;
  /** Ends the watchdog thread. */
  close(): Promise<void>;
  readonly python: PythonRuntime;
}

/**
 * The message for a run the watchdog had to interrupt. In Node the budget is
 * the whole run's (there is no page to stay responsive for), so it names the run.
 */
export function watchdogMessage(milliseconds: number): string {
  return (
    `Stopped: the run took more than ${milliseconds / 1000} s of real time ` +
    '(is there a loop that never awaits?)'
  );
}

/**
 * The batch's events, or null when it is not one the runtime would send: a
 * program can reach the runtime's sink and send what it likes, and the host
 * must neither crash on it nor write anything but text.
 */
function wellFormedBatch(bytes: Uint8Array): TraceEvent[] | null {
  try {
    const batch = parseEventBatch(bytes);
    const wellFormed =
      Array.isArray(batch) &&
      batch.every(
        (event: unknown) =>
          typeof event === 'object' &&
          event !== null &&
          typeof (event as { type?: unknown }).type === 'string' &&
          ((event as { type: string }).type !== 'output' ||
            typeof (event as { text?: unknown }).text === 'string'),
      );
    return wellFormed ? batch : null;
  } catch {
    return null;
  }
}

/** Gathers a run's batches into a `NodeRunResult`, passing each batch on as it comes. */
export function createRunCollector(onBatch?: (batch: readonly TraceEvent[]) => void): {
  /** Events gathered so far. */
  readonly count: number;
  readonly add: (batch: Uint8Array) => void;
  readonly finish: (summary: RunSummary, hostStop: string | null) => NodeRunResult;
} {
  const events: TraceEvent[] = [];
  let stdout = '';
  let stderr = '';
  let limitMessage: string | null = null;
  return {
    get count() {
      return events.length;
    },
    add(bytes) {
      const batch = wellFormedBatch(bytes);
      if (batch === null) return;
      for (const event of batch) {
        events.push(event);
        if (event.type === 'output') {
          if (event.stream === 'stdout') stdout += event.text;
          else stderr += event.text;
        } else if (event.type === 'limit') {
          limitMessage = event.message;
        }
      }
      onBatch?.(batch);
    },
    finish(summary, hostStop) {
      return {
        stdout,
        stderr,
        // Built only when asked for: most callers want the streams apart.
        get output() {
          return events.map((event) => (event.type === 'output' ? event.text : '')).join('');
        },
        summary,
        events,
        stopMessage: hostStop ?? limitMessage,
      };
    },
  };
}

/**
 * The runtime in this thread, for the tests and benchmarks that reach into
 * the interpreter. It is not a sandbox: a program can reach Node through
 * `import js`. Programs from other people run in `loadNodeSandbox` instead.
 */
export async function loadNodeRuntime(
  start: 'snapshot' | 'boot' = 'snapshot',
): Promise<NodeRuntime> {
  const python = await loadPython(start);
  const watchdog = createNodeWatchdog();
  python.listenForInterrupts(watchdog.interruptBuffer);
  return {
    python,
    run(request, options = {}) {
      const collector = createRunCollector(options.onBatch);
      const timeout = options.wallTimeoutMs ?? DEFAULT_WALL_TIMEOUT_MS;
      const { value: summary, fired } = watchdog.guard(timeout, () =>
        python.run(request, collector.add),
      );
      return collector.finish(
        summary,
        fired && summary.outcome === 'interrupted' ? watchdogMessage(timeout) : null,
      );
    },
    close: async () => {
      await watchdog.close();
    },
  };
}
