/**
 * The runtime hosted in Node: loads Pyodide from node_modules and runs
 * programs synchronously. Used by the command line, the tests and the
 * benchmarks. Must not import DOM or React modules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { parseEventBatch, type TraceEvent } from '../traceSchema';
import { installRuntime, type PythonRuntime, type RuntimeSources } from './pythonRuntime';
import { createNodeWatchdog } from './nodeWatchdog';
import type { RunRequest, RunSummary } from './runtimeTypes';

const PACKAGE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'python',
  'loopscope_runtime',
);

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

/** Reads the runtime's Python files from the source tree. */
export function readRuntimeSources(): RuntimeSources {
  const sources = new Map<string, string>();
  for (const name of readdirSync(PACKAGE_DIR)) {
    if (name.endsWith('.py')) {
      sources.set(name, readFileSync(join(PACKAGE_DIR, name), 'utf8'));
    }
  }
  return sources;
}

/** The folder of the installed `pyodide` package, where its wasm and stdlib live. */
function pyodideFolder(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pyodide/package.json'));
}

/** Loads Pyodide with a fixed hash seed, so runs are reproducible. */
export async function loadNodeRuntime(): Promise<NodeRuntime> {
  const pyodide = await loadPyodide({
    indexURL: `${pyodideFolder()}/`,
    env: { PYTHONHASHSEED: '0' },
    // The runtime replaces sys.stdout during runs; anything printed outside
    // a run is Pyodide's own chatter.
    stdout: () => undefined,
    stderr: () => undefined,
  });
  const python = installRuntime(pyodide, readRuntimeSources());
  const watchdog = createNodeWatchdog();
  pyodide.setInterruptBuffer(watchdog.interruptBuffer);
  return {
    python,
    run(request, options = {}) {
      const events: TraceEvent[] = [];
      let stdout = '';
      let stderr = '';
      let stopMessage: string | null = null;
      const timeout = options.wallTimeoutMs ?? DEFAULT_WALL_TIMEOUT_MS;
      const { value: summary, fired } = watchdog.guard(timeout, () =>
        python.run(request, (batchJson) => {
          const batch = parseEventBatch(batchJson);
          for (const event of batch) {
            events.push(event);
            if (event.type === 'output') {
              if (event.stream === 'stdout') stdout += event.text;
              else stderr += event.text;
            } else if (event.type === 'limit') {
              stopMessage = event.message;
            }
          }
          options.onBatch?.(batch);
        }),
      );
      if (fired && summary.outcome === 'interrupted') stopMessage = watchdogMessage(timeout);
      return {
        stdout,
        stderr,
        // Built only when asked for: most callers want the streams apart.
        get output() {
          return events.map((event) => (event.type === 'output' ? event.text : '')).join('');
        },
        summary,
        events,
        stopMessage,
      };
    },
    close: async () => {
      await watchdog.close();
    },
  };
}
