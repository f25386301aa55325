/**
 * One program of `npm run trace`, from its text to its exit status: what the
 * command line does for each file, shared with the hostile corpus's test so
 * that both go the same way.
 */
import type { NodeRunResult } from '../../app/runtime/host/nodeRuntime';
import type { NodeSandbox } from '../../app/runtime/host/nodeSandbox';
import type { RunLimits } from '../../app/runtime/host/runtimeTypes';
import type { TraceEvent } from '../../app/runtime/traceSchema';

/** Where a run's text goes. */
export interface TraceOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** One program and how to run it. */
export interface TraceProgram {
  readonly source: string;
  /** The name tracebacks show (the file's base name). */
  readonly filename: string;
  readonly stdin: string;
  readonly trace: boolean;
  readonly limits: Partial<RunLimits>;
  readonly timeoutMs: number;
  /** Receives every batch, e.g. to write the trace file. */
  readonly onBatch?: (batch: readonly TraceEvent[]) => void;
}

/**
 * Runs the program, writing its output as it comes and, at the end, the
 * one-line message of a stop (a limit, the timeout, a broken interpreter).
 */
export function traceProgram(
  sandbox: NodeSandbox,
  program: TraceProgram,
  output: TraceOutput,
): NodeRunResult {
  const result = sandbox.run(
    {
      source: program.source,
      filename: program.filename,
      stdin: program.stdin,
      trace: program.trace,
      limits: program.limits,
    },
    {
      wallTimeoutMs: program.timeoutMs,
      onBatch: (batch) => {
        for (const event of batch) {
          if (event.type === 'output') {
            (event.stream === 'stdout' ? output.stdout : output.stderr)(event.text);
          }
        }
        program.onBatch?.(batch);
      },
    },
  );
  if (result.stopMessage !== null) output.stderr(`${result.stopMessage}\n`);
  return result;
}

/**
 * The process exit status for a run's exit code: POSIX keeps its low 8 bits,
 * as CPython's own exit does (`sys.exit(256)` exits 0, `sys.exit(-1)` 255).
 */
export function exitStatus(exitCode: number): number {
  return Number.isSafeInteger(exitCode) ? ((exitCode % 256) + 256) % 256 : 1;
}
