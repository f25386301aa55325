/**
 * The messages between the page and the sandbox worker (sandbox.worker.ts).
 * Plain data only, so a conversation can be logged, recorded and replayed,
 * but for Pyodide's compiled wasm, which a worker that compiled it hands the
 * page as it starts and the page hands the workers after it.
 * Every message about a run carries its `runId`: the page drops messages of
 * runs it no longer waits for. Both sides switch on `type` exhaustively,
 * ending in `assertNever`.
 *
 * The learner's program runs in the worker and can post messages too, so
 * the page reads each one with `readWorkerMessage` before using it, and the
 * ids that pair answers with questions are tokens a program cannot guess.
 */
import type { SyntaxProblem } from './host/pythonRuntime';
import type { RunRequest, RunSummary } from './host/runtimeTypes';
import {
  isBoolean,
  isNumber,
  isRecord,
  isString,
  objectWith,
  oneOf,
  optional,
  orNull,
  type Check,
  type FieldsOf,
} from './plainData';

/**
 * Identifies one run: 128 random bits in hex, new for every run. The worker
 * echoes it from the `run` message it was given; a program that posts
 * messages of its own cannot name the run they would pass for.
 */
export type RunId = string;

/** Pairs a syntax check's answer with its question: a token, as a run id is. */
export type RequestId = string;

/** A new run id or request id, from the browser's cryptographic random numbers. */
export function newToken(): string {
  const words = crypto.getRandomValues(new Uint32Array(4));
  return Array.from(words, (word) => word.toString(16).padStart(8, '0')).join('');
}

// Page → worker.

/** Loads Pyodide and installs the runtime. Sent once, first, to every new worker. */
export interface InitMessage {
  readonly type: 'init';
  /** Absolute URL of the site's own `pyodide/` folder, ending in `/`. */
  readonly indexURL: string;
  /** One Int32 the page sets to 2 (SIGINT) to interrupt Python; only when cross-origin isolated. */
  readonly interruptBuffer?: SharedArrayBuffer;
  /**
   * The name of a Web Lock the worker takes before it answers and holds for
   * as long as it lives: the browser frees it when the worker ends, however
   * it ends, which tells the page that Python is gone.
   */
  readonly lifeline?: string;
  /**
   * Pyodide's wasm as an earlier worker compiled it: the workers share its
   * machine code (host/compiledWasm.ts). Absent while the page has none yet:
   * the worker compiles its own.
   */
  readonly wasm?: WebAssembly.Module;
}

/** Runs one program. The page sends it only when the worker is ready and idle. */
export interface RunMessage {
  readonly type: 'run';
  /** The run this is. */
  readonly runId: RunId;
  /** The program and its options. */
  readonly request: RunRequest;
}

/** Compiles a program without running it. */
export interface CheckSyntaxMessage {
  readonly type: 'checkSyntax';
  /** Pairs the answer with the question. */
  readonly requestId: RequestId;
  /** The program's text. */
  readonly source: string;
  /** The file name the error would name, e.g. `main.py`. */
  readonly filename: string;
}

/** Any message the page sends the worker. */
export type PageToWorkerMessage = InitMessage | RunMessage | CheckSyntaxMessage;

// Worker → page.

/** How far Python's startup has got. */
export type StartupPhase = 'downloading' | 'starting' | 'ready';

/** Startup progress; `ready` means runs can be sent. */
export interface StatusMessage {
  readonly type: 'status';
  /** The startup phase reached. */
  readonly phase: StartupPhase;
  /** While downloading: bytes of Pyodide's large files received so far. */
  readonly loaded?: number;
  /** While downloading: their total size in bytes, when the server says it. */
  readonly total?: number;
  /**
   * With `ready`, from a worker that compiled Pyodide's wasm itself: for the
   * page to hand to the workers after it. Sent before any program ran here.
   */
  readonly wasm?: WebAssembly.Module;
}

/** A batch of trace events, sent as the runtime flushes it. */
export interface EventsMessage {
  readonly type: 'events';
  /** The run that produced them. */
  readonly runId: RunId;
  /** The events, in order, as the runtime marshalled them (cheap to post; see parseEventBatch). */
  readonly batch: Uint8Array;
}

/** A run ended (normally, with an error, at a limit, or interrupted). */
export interface DoneMessage {
  readonly type: 'done';
  /** The run that ended. */
  readonly runId: RunId;
  /** How it ended. */
  readonly summary: RunSummary;
}

/** Pyodide failed to load, or the worker hit an internal error. */
export interface FailedMessage {
  readonly type: 'failed';
  /** The run that failed, if a run was going on. */
  readonly runId?: RunId;
  /** What went wrong, for a developer more than a learner. */
  readonly message: string;
}

/** The answer to a `checkSyntax` message. */
export interface SyntaxMessage {
  readonly type: 'syntax';
  /** The `requestId` of the question. */
  readonly requestId: RequestId;
  /** The first syntax error, or null when the program compiles. */
  readonly problem: SyntaxProblem | null;
}

/** Any message the worker sends the page. */
export type WorkerToPageMessage =
  StatusMessage | EventsMessage | DoneMessage | FailedMessage | SyntaxMessage;

const SYNTAX_PROBLEM = objectWith({
  error: isString,
  message: isString,
  line: isNumber,
  column: isNumber,
  endLine: optional(isNumber),
  endColumn: optional(isNumber),
} satisfies FieldsOf<SyntaxProblem>);

const RUN_SUMMARY = objectWith({
  outcome: oneOf('ok', 'error', 'limit', 'interrupted'),
  exitCode: isNumber,
  virtualTime: isNumber,
  wallMs: isNumber,
  events: isNumber,
  check: optional(
    objectWith({
      passed: isBoolean,
      message: isString,
      line: orNull(isNumber),
      checkError: optional(isBoolean),
    } satisfies FieldsOf<NonNullable<RunSummary['check']>>),
  ),
  notStarted: optional(isBoolean),
  topLevelAwait: optional(isBoolean),
  inputRanOut: optional(isBoolean),
} satisfies FieldsOf<RunSummary>);

/** Each message type's check. The events batch stays bytes here: parseEventBatch reads it. */
const WORKER_MESSAGES: { readonly [T in WorkerToPageMessage['type']]: Check } = {
  status: objectWith({
    phase: oneOf('downloading', 'starting', 'ready'),
    loaded: optional(isNumber),
    total: optional(isNumber),
    wasm: optional((value) => value instanceof WebAssembly.Module),
  } satisfies FieldsOf<StatusMessage>),
  events: objectWith({
    runId: isString,
    batch: (value) => value instanceof Uint8Array,
  } satisfies FieldsOf<EventsMessage>),
  done: objectWith({
    runId: isString,
    summary: RUN_SUMMARY,
  } satisfies FieldsOf<DoneMessage>),
  failed: objectWith({
    runId: optional(isString),
    message: isString,
  } satisfies FieldsOf<FailedMessage>),
  syntax: objectWith({
    requestId: isString,
    problem: orNull(SYNTAX_PROBLEM),
  } satisfies FieldsOf<SyntaxMessage>),
};

/**
 * The message the worker posted, or null when it is not one this module
 * describes (a program's own, since the runtime only sends these).
 */
export function readWorkerMessage(data: unknown): WorkerToPageMessage | null {
  if (!isRecord(data) || typeof data.type !== 'string') return null;
  if (!Object.hasOwn(WORKER_MESSAGES, data.type)) return null;
  const check = WORKER_MESSAGES[data.type as WorkerToPageMessage['type']];
  return check(data) ? (data as unknown as WorkerToPageMessage) : null;
}

/** The value Pyodide's interrupt buffer takes to raise SIGINT in Python. */
export const SIGINT = 2;

/** Ends an exhaustive `switch`: the compiler proves it unreachable. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
