/**
 * Runs other people's programs in Node: the host of the command line
 * (`npm run trace`) and `npm run lessons:check`.
 *
 * Python runs in a worker thread whose global scope holds no Node (no
 * `process`, `require`, `fetch`; nodeConfinement.ts) and which cannot turn
 * strings into code. This thread stays outside and keeps time: it blocks on
 * the worker's messages with a deadline, so no program can stop it from
 * firing. At the deadline it writes SIGINT into Pyodide's interrupt buffer,
 * which ends a run at its next bytecode even if the program ignores SIGINT
 * (the runtime turns it into a stop it re-raises); if Python has not answered
 * after a grace period (a long C call, a stop enforcer defeated through
 * `sys.monitoring`), the worker is terminated, which V8 does even inside
 * WebAssembly.
 *
 * Every run gets a fresh worker and interpreter, terminated when the run
 * ends, so nothing a program changes (the runtime, asyncio, builtins, files)
 * reaches the next program: one student's submission cannot change what the
 * next one prints. A worker takes ~0.3 s to start (from the memory snapshot)
 * and a run of a short program ~50 ms (the workers share Pyodide's compiled
 * wasm, compiledWasm.ts), so from the second run on (a host that
 * runs two programs is likely to run more) the next workers start in
 * advance, two at a time, one per core of a two-core machine; a command line
 * that runs one program starts no second one.
 *
 * Measured on 2 busy cores: SIGINT ends a busy loop 50–150 ms after its
 * deadline; a program that defeats it ends at the deadline plus the grace
 * period. On a quiet machine a worker starts in ~0.3 s and a sandboxed run of
 * the seed example takes ~45 ms. Must not import DOM or React modules.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { isStackOverflow, RECURSION_MESSAGE } from './brokenInterpreter';
import { compilePyodideWasm } from './nodePython';
import {
  createRunCollector,
  DEFAULT_WALL_TIMEOUT_MS,
  watchdogMessage,
  type NodeRunOptions,
  type NodeRunResult,
} from './nodeRuntime';
import type {
  SandboxRunMessage,
  SandboxWorkerData,
  SandboxWorkerMessage,
} from './nodeSandboxProtocol';
import { assertNever } from '../protocol';
import type { RunRequest, RunSummary } from './runtimeTypes';

const SIGINT = 2;

/**
 * How long Python has to answer SIGINT before its thread is terminated. A
 * stop normally lands within milliseconds (the next bytecode); the margin is
 * for a loaded machine, where the stop's clean-up (tracebacks, flushing the
 * last batch) can take a second.
 */
export const INTERRUPT_GRACE_MS = 3_000;

/** How long a fresh interpreter may take to load before the host gives up (cold start is 2–4 s, much more under load). */
const START_LIMIT_MS = 180_000;

/** The exit status of a run that the host had to end: as for a limit or an uncaught exception. */
const STOPPED_EXIT_CODE = 1;

/** Runs the worker module through tsx's require hook, so the sandbox works from `tsx` and from Vitest alike. */
function bootSource(): string {
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cjs/api');
  const worker = fileURLToPath(new URL('./nodeSandboxWorker.ts', import.meta.url));
  return [
    `const { workerData } = require('node:worker_threads');`,
    // Tell the host this thread's scope exists (created without code generation from strings).
    `const started = new Int32Array(workerData.signal);`,
    `Atomics.store(started, 1, 1); Atomics.notify(started, 1);`,
    `require(${JSON.stringify(tsx)}).register();`,
    `require(${JSON.stringify(worker)});`,
  ].join('\n');
}

/** One worker thread with its interpreter. */
interface SandboxThread {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** [0]: messages posted by the worker; [1]: set once the worker's scope exists. */
  readonly signal: Int32Array;
  readonly interrupt: Int32Array;
  /** Its `ready` came: Python is loaded and the thread confined. */
  ready: boolean;
}

/**
 * A V8 flag is read when a scope (context) is created, so the worker's scope
 * is made while code generation from strings is off, and this thread's scope
 * (and any made later) keeps its own setting.
 */
function spawn(wasm: WebAssembly.Module): SandboxThread {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  const workerData: SandboxWorkerData = {
    port: port2,
    signal: signal.buffer,
    interrupt: interrupt.buffer,
    wasm,
  };
  setFlagsFromString('--disallow-code-generation-from-strings');
  try {
    const worker = new Worker(bootSource(), { eval: true, workerData, transferList: [port2] });
    // Errors arrive as messages ('failed'); an 'error' event left unheard would end this process.
    worker.on('error', () => undefined);
    Atomics.wait(signal, 1, 0, START_LIMIT_MS);
    return { worker, port: port1, signal, interrupt, ready: false };
  } finally {
    setFlagsFromString('--no-disallow-code-generation-from-strings');
  }
}

/** The worker's next message, waiting until `deadline` (performance.now() time); null if none came. */
function nextMessage(thread: SandboxThread, deadline: number): SandboxWorkerMessage | null {
  for (;;) {
    const count = Atomics.load(thread.signal, 0);
    const received = receiveMessageOnPort(thread.port);
    if (received !== undefined) return received.message as SandboxWorkerMessage;
    const left = deadline - performance.now();
    if (left <= 0) return null;
    Atomics.wait(thread.signal, 0, count, left);
  }
}

/** `thread` once it is ready to run; throws when it could not start. */
function whenReady(thread: SandboxThread): SandboxThread {
  if (thread.ready) return thread;
  const message = nextMessage(thread, performance.now() + START_LIMIT_MS);
  if (message?.type !== 'ready') {
    void thread.worker.terminate();
    const reason = message?.type === 'failed' ? message.reason : 'it did not answer';
    throw new Error(`Python could not start: ${reason}`);
  }
  thread.ready = true;
  return thread;
}

/** The one-line message for a run whose interpreter broke. */
export function brokenInterpreterMessage(reason: string): string {
  if (isStackOverflow(reason)) return RECURSION_MESSAGE;
  return `Stopped: the program broke the Python interpreter (${reason})`;
}

/** The summary of a run the host ended itself. */
function endedByHost(outcome: RunSummary['outcome'], events: number, wallMs: number): RunSummary {
  return { outcome, exitCode: STOPPED_EXIT_CODE, virtualTime: 0, wallMs, events };
}

/** Runs programs in a confined worker thread; `run` blocks until the program ends. */
export interface NodeSandbox {
  /** Runs a program to the end (or to its deadline) and returns everything it produced. */
  run(request: RunRequest, options?: NodeRunOptions): NodeRunResult;
  /** Ends the worker thread. */
  close(): Promise<void>;
}

/** Runs `request` in `thread`, which it leaves to be terminated. */
function runIn(thread: SandboxThread, request: RunRequest, options: NodeRunOptions): NodeRunResult {
  const collector = createRunCollector(options.onBatch);
  const timeout = options.wallTimeoutMs ?? DEFAULT_WALL_TIMEOUT_MS;
  const started = performance.now();
  thread.port.postMessage({ type: 'run', request } satisfies SandboxRunMessage);
  let deadline = performance.now() + timeout;
  let interrupted = false;
  for (;;) {
    const message = nextMessage(thread, deadline);
    if (message === null) {
      if (!interrupted) {
        interrupted = true;
        Atomics.store(thread.interrupt, 0, SIGINT);
        deadline = performance.now() + INTERRUPT_GRACE_MS;
        continue;
      }
      const wallMs = performance.now() - started;
      return collector.finish(
        endedByHost('interrupted', collector.count, wallMs),
        watchdogMessage(timeout),
      );
    }
    switch (message.type) {
      case 'ready':
        break;
      case 'batch':
        collector.add(message.batch);
        break;
      case 'done': {
        const stopped = interrupted && message.summary.outcome === 'interrupted';
        return collector.finish(message.summary, stopped ? watchdogMessage(timeout) : null);
      }
      case 'failed': {
        const wallMs = performance.now() - started;
        return collector.finish(
          endedByHost('error', collector.count, wallMs),
          brokenInterpreterMessage(message.reason),
        );
      }
      default:
        return assertNever(message);
    }
  }
}

/** Workers started in advance, from the second run on. */
const WORKERS_IN_ADVANCE = 2;

export async function loadNodeSandbox(): Promise<NodeSandbox> {
  const wasm = await compilePyodideWasm();
  /** Workers for the next runs, in the order they were started; ready once `whenReady` said so. */
  const next: SandboxThread[] = [whenReady(spawn(wasm))];
  let runs = 0;

  return {
    run(request, options = {}) {
      const thread = whenReady(next.shift() ?? spawn(wasm));
      runs += 1;
      if (runs > 1) while (next.length < WORKERS_IN_ADVANCE) next.push(spawn(wasm));
      try {
        return runIn(thread, request, options);
      } finally {
        void thread.worker.terminate();
      }
    },
    close: async () => {
      await Promise.all(next.splice(0).map((thread) => thread.worker.terminate()));
    },
  };
}
