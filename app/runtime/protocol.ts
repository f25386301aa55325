/**
 * The messages between the page and the sandbox worker (sandbox.worker.ts).
 * Plain data only, so a conversation can be logged, recorded and replayed.
 * Every message about a run carries its `runId`: the page drops messages of
 * runs it no longer waits for. Both sides switch on `type` exhaustively,
 * ending in `assertNever`.
 */
import type { SyntaxProblem } from './host/pythonRuntime';
import type { RunRequest, RunSummary } from './host/runtimeTypes';

/** Identifies one run; the page numbers runs from 1 and never reuses a number. */
export type RunId = number;

// Page → worker.

/** Loads Pyodide and installs the runtime. Sent once, first, to every new worker. */
export interface InitMessage {
  readonly type: 'init';
  /** Absolute URL of the site's own `pyodide/` folder, ending in `/`. */
  readonly indexURL: string;
  /** One Int32 the page sets to 2 (SIGINT) to interrupt Python; only when cross-origin isolated. */
  readonly interruptBuffer?: SharedArrayBuffer;
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
  readonly requestId: number;
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
}

/** A batch of trace events, sent as the runtime flushes it. */
export interface EventsMessage {
  readonly type: 'events';
  /** The run that produced them. */
  readonly runId: RunId;
  /** The events, in order, as the JSON text of an array (cheap to post; see parseEventBatch). */
  readonly batch: string;
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
  readonly requestId: number;
  /** The first syntax error, or null when the program compiles. */
  readonly problem: SyntaxProblem | null;
}

/** Any message the worker sends the page. */
export type WorkerToPageMessage =
  StatusMessage | EventsMessage | DoneMessage | FailedMessage | SyntaxMessage;

/** The value Pyodide's interrupt buffer takes to raise SIGINT in Python. */
export const SIGINT = 2;

/** Ends an exhaustive `switch`: the compiler proves it unreachable. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
