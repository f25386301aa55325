/**
 * The contract between a host (the Web Worker, the Node command line, the
 * tests) and the Python runtime that runs inside Pyodide. Plain data only:
 * no Pyodide, DOM or React types appear here.
 */
/** Caps that stop a runaway program with a one-line message. */
export interface RunLimits {
  /** Largest virtual time, in seconds, a run may reach. */
  readonly maxVirtualTime: number;
  /** Largest number of event-loop iterations. */
  readonly maxIterations: number;
  /** Largest number of trace events kept. */
  readonly maxEvents: number;
  /** Largest number of output characters (stdout and stderr together). */
  readonly maxOutputChars: number;
  /** Largest number of tasks a run may create. */
  readonly maxTasks: number;
}

/** One program to run. */
export interface RunRequest {
  /** The program's text. */
  readonly source: string;
  /** The file name tracebacks show for the program, e.g. `main.py`. */
  readonly filename: string;
  /** Text that `input()` and `sys.stdin` read, line by line. */
  readonly stdin?: string;
  /** Whether to record scheduling events (output events are always sent). */
  readonly trace?: boolean;
  /** Overrides of the default limits. */
  readonly limits?: Partial<RunLimits>;
  /** Virtual latency, in seconds, of each hop on the in-memory network. */
  readonly networkLatency?: number;
  /** A lesson exercise's check, run after the program (which is then always traced). */
  readonly check?: ExerciseCheck;
}

/** The Python code that judges a learner's run (see docs/authoring-lessons.md). */
export interface ExerciseCheck {
  /** The check's code. */
  readonly source: string;
  /** The name its own tracebacks would show, e.g. `lesson-05.md:check`. */
  readonly filename: string;
  /** Whether the program may end with an uncaught exception and still pass. */
  readonly allowError?: boolean;
}

/** A check's verdict on a run, in words for the learner. */
export interface CheckVerdict {
  /** Whether the program does what the exercise asks. */
  readonly passed: boolean;
  /** Why not, in a sentence; empty when it passed. */
  readonly message: string;
  /** The learner's line the message is about, if any. */
  readonly line: number | null;
  /** Set when the check itself crashed: the lesson's bug, not the learner's. */
  readonly checkError?: boolean;
}

/** How a run ended. */
export type RunOutcome =
  /** The program finished normally (or with `sys.exit(0)`). */
  | 'ok'
  /** The program ended with an uncaught exception or a non-zero `sys.exit`. */
  | 'error'
  /** A limit stopped the program (see the `limit` event for which). */
  | 'limit'
  /** The program was interrupted from outside (Stop, or the watchdog). */
  | 'interrupted';

/** What the runtime reports when a run is over. */
export interface RunSummary {
  readonly outcome: RunOutcome;
  /** The process exit status CPython would give: 0, 1, or the `sys.exit` code. */
  readonly exitCode: number;
  /** Virtual seconds the run took. */
  readonly virtualTime: number;
  /** Wall-clock milliseconds spent running Python. */
  readonly wallMs: number;
  /** Number of trace events emitted. */
  readonly events: number;
  /** The exercise check's verdict, when the request had a check. */
  readonly check?: CheckVerdict;
  /** Set when the program did not compile (a syntax error): none of it ran. */
  readonly notStarted?: boolean;
  /** Set when the program awaits outside a function, which plain `python3` refuses. */
  readonly topLevelAwait?: boolean;
  /** Set when the program ended because `input()` found no more stdin. */
  readonly inputRanOut?: boolean;
}

/**
 * Receives trace events as the program runs, in batches: each batch is the
 * bytes of a list of wire events in Python's `marshal` format, passed on as
 * bytes so that a host can forward it (to the page) without reading it.
 * `parseEventBatch` reads it.
 */
export type EventSink = (batch: Uint8Array) => void;
