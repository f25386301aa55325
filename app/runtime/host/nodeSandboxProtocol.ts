/**
 * Messages between the Node sandbox (nodeSandbox.ts, the command line's
 * thread) and its worker thread (nodeSandboxWorker.ts). Plain data only.
 */
import type { MessagePort } from 'node:worker_threads';
import type { RunRequest, RunSummary } from './runtimeTypes';

/** What the worker thread is given when it starts. */
export interface SandboxWorkerData {
  /** Where the worker posts its messages; the host reads them synchronously. */
  readonly port: MessagePort;
  /** signal[0] counts the messages posted, so the host can `Atomics.wait` for the next one. */
  readonly signal: SharedArrayBuffer;
  /** Pyodide's interrupt buffer: the host writes SIGINT there when a run is out of time. */
  readonly interrupt: SharedArrayBuffer;
  /** Pyodide's wasm, compiled once by the host for all its threads. */
  readonly wasm: WebAssembly.Module;
}

/** The host asks for the one run this worker makes. */
export interface SandboxRunMessage {
  readonly type: 'run';
  readonly request: RunRequest;
}

/** What the worker thread says, in order: `ready`, then its run's batches and one ending. */
export type SandboxWorkerMessage =
  /** Python is loaded and the worker's scope is confined: the run may start. */
  | { readonly type: 'ready' }
  /** One batch of trace events (the bytes the runtime sent). */
  | { readonly type: 'batch'; readonly batch: Uint8Array }
  /** The run ended. */
  | { readonly type: 'done'; readonly summary: RunSummary }
  /** The interpreter broke (a fatal error in Pyodide, os._exit): the run is over. */
  | { readonly type: 'failed'; readonly reason: string };
