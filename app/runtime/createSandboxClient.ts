/**
 * The page's side of the sandbox: starts the worker (sandbox.worker.ts),
 * runs one program at a time and stops runaway ones. No React here: `status`
 * has the subscribe/getSnapshot shape of `useSyncExternalStore`.
 *
 * One run at a time: `run()` while another run is queued or running rejects
 * with `SandboxBusyError`. Queueing a second run silently would start a
 * program after the learner may have changed it; the UI disables Run instead.
 * A run requested while Python is still starting waits for it.
 *
 * A fresh interpreter for every run: a worker runs one program and is then
 * terminated. Whatever the program changed (the runtime, asyncio, builtins,
 * files, JavaScript timers or listeners in its worker) goes with it, and it
 * never receives another program's text: syntax checks asked during a run
 * wait for the next worker. Once a run has ended, the page keeps a spare
 * worker (starting from the memory snapshot in under a second) behind the
 * one for the next run, so that a run that follows at once finds its
 * interpreter ready, and only the one after may wait. The spare starts only
 * once the next run's interpreter is ready and no run waits for it: started
 * beside it, the two shared the machine and the next run waited for both,
 * and a page left after its last run (most often) paid for two starts. A
 * spare is never started beside a run either: on a busy two-core machine
 * that slowed the run, and a Stop.
 *
 * Stopping: when the page is cross-origin isolated, Stop sets the running
 * worker's interrupt buffer and Python raises inside the program. Python
 * checks the buffer only between bytecodes, so when it does not answer within
 * `answerTimeoutMs` (or the page is not isolated, and there is no buffer),
 * the worker is terminated and the next one takes over. Its answer is the stop's
 * `limit` event, sent at once; the run's ending then gets the same time again.
 * The watchdog does the same for a run whose event loop does not move on for
 * `watchdogMs`: no step ends and no iteration begins (the runtime sends a
 * step's end within half a second, trace.py's PROGRESS_INTERVAL). A run that
 * prints but never gives control back is stuck all the same; one whose steps
 * are slow but end is not. Both waits count only the time the page was awake
 * (awakeTimeout.ts): a machine that stalls does not use up a worker's time.
 *
 * The learner's program shares its worker with the runtime and can post
 * messages of its own. Every message is checked (protocol.ts,
 * traceSchema.ts) and must name the run or syntax check it answers by a
 * token the program was never given; anything else is dropped, and the run
 * goes on (nothing it receives from the runtime can be forged without the
 * token). Its ending then says that the program sent messages of its own.
 */
import { setAwakeTimeout } from './awakeTimeout';
import { isStackOverflow, RECURSION_MESSAGE } from './host/brokenInterpreter';
import type { SyntaxProblem } from './host/pythonRuntime';
import type { RunRequest, RunSummary } from './host/runtimeTypes';
import {
  assertNever,
  newToken,
  readWorkerMessage,
  SIGINT,
  type CheckSyntaxMessage,
  type PageToWorkerMessage,
  type RequestId,
  type RunId,
  type StatusMessage,
  type WorkerToPageMessage,
} from './protocol';
import { parseEventBatch, type TraceEvent } from './traceSchema';

/** What the client needs of a Worker; tests pass a fake. */
export interface SandboxWorker {
  postMessage(message: PageToWorkerMessage): void;
  terminate(): void;
  /** What the worker posts is `unknown`: the learner's program can post anything. */
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

/** How to build a client. */
export interface SandboxClientOptions {
  /** Absolute URL of the Pyodide folder; default `<base>pyodide/` of this page. */
  readonly indexURL?: string;
  /** Starts a worker; default the module worker sandbox.worker.ts. */
  readonly createWorker?: () => SandboxWorker;
  /** How long Stop waits for interrupted Python to end the run before restarting it. */
  readonly answerTimeoutMs?: number;
  /** How long a run's event loop may not move on (one step) before it is stopped as stuck. */
  readonly watchdogMs?: number;
  /**
   * Calls `ended` once the worker holding the lock `name` has ended; default
   * the browser's Web Locks, where it has them. Tests pass a fake.
   */
  readonly watchLifeline?: (name: string, ended: () => void) => Promise<void>;
  /**
   * Python starts once this settles, or at the first run asked before;
   * default at once. An embed starts when it is scrolled into view.
   */
  readonly startWhen?: Promise<unknown>;
  /**
   * Keep a spare interpreter behind the next run's (default true). An embed
   * keeps none: several on one page would each hold two workers.
   */
  readonly spare?: boolean;
}

/** Where Python is: starting, idle, busy, or broken. */
export type SandboxStatus =
  /** Fetching Pyodide's files; byte counts when the worker can measure them. */
  | { readonly phase: 'downloading'; readonly loaded: number | null; readonly total: number | null }
  /** Files are in; the interpreter is starting. */
  | { readonly phase: 'starting' }
  /** Idle: a run starts at once. */
  | { readonly phase: 'ready' }
  /** A program is running. */
  | { readonly phase: 'running'; readonly runId: RunId }
  /** Stop was asked; waiting for Python to answer. */
  | { readonly phase: 'stopping'; readonly runId: RunId }
  /** Python could not start; the next run tries again. */
  | { readonly phase: 'failed'; readonly message: string };

/** Who stopped a run. */
export type StopCause = 'user' | 'watchdog';

/** How a run ended, from the page's point of view. */
export interface RunResult {
  /** The runtime's summary; null when the run never reached an end in Python. */
  readonly summary: RunSummary | null;
  /** Who stopped it, or null when it ended by itself. */
  readonly stoppedBy: StopCause | null;
  /** Whether Python was terminated before the run could end (every run gets a fresh one anyway). */
  readonly restarted: boolean;
  /** A sentence for the learner when the run was stopped or failed; otherwise null. */
  readonly message: string | null;
}

/** The page's handle on the sandbox. */
export interface SandboxClient {
  /** Python's state, for `useSyncExternalStore(status.subscribe, status.getSnapshot)`. */
  readonly status: {
    readonly subscribe: (listener: () => void) => () => void;
    readonly getSnapshot: () => SandboxStatus;
  };
  /** Whether Stop can interrupt Python (the page is cross-origin isolated) rather than restart it. */
  readonly canInterrupt: boolean;
  /** Runs a program; `onEvents` receives its trace in batches. Rejects with SandboxBusyError. */
  readonly run: (
    request: RunRequest,
    onEvents: (events: readonly TraceEvent[]) => void,
  ) => Promise<RunResult>;
  /** Stops the current run, if any. A second call does not wait for Python. */
  readonly stop: () => void;
  /** Compiles a program without running it (waits while a run is going on). */
  readonly checkSyntax: (source: string, filename: string) => Promise<SyntaxProblem | null>;
  /** Terminates the worker; pending runs resolve as stopped. */
  readonly dispose: () => void;
}

/** `run()` was called while another run was queued or running. */
export class SandboxBusyError extends Error {
  constructor() {
    super('A program is already running; stop it before starting another.');
    this.name = 'SandboxBusyError';
  }
}

interface ActiveRun {
  readonly runId: RunId;
  readonly request: RunRequest;
  readonly onEvents: (events: readonly TraceEvent[]) => void;
  readonly resolve: (result: RunResult) => void;
  /** Sent to the worker (false while Python is starting). */
  started: boolean;
  stoppedBy: StopCause | null;
  /** Fires when the run's loop has not moved on for `watchdogMs`. */
  cancelWatchdog: (() => void) | null;
  /** Fires when interrupted Python has not answered within `answerTimeoutMs`. */
  cancelEscalation: (() => void) | null;
  /** Python took the interrupt (its trace says the run was stopped): it is ending the run. */
  answered: boolean;
}

interface SyntaxCheck {
  readonly message: CheckSyntaxMessage;
  readonly resolve: (problem: SyntaxProblem | null) => void;
}

function createModuleWorker(): SandboxWorker {
  return new Worker(new URL('./sandbox.worker.ts', import.meta.url), {
    type: 'module',
    name: 'loopscope-sandbox',
  });
}

/** Events that show the loop moved on: a step returned, or the loop took its next iteration. */
const PROGRESS_EVENTS: ReadonlySet<TraceEvent['type']> = new Set([
  'iteration',
  'step',
  'task.suspend',
  'task.end',
  'run.end',
]);

/** What a run's ending says when its program posted messages the runtime does not send. */
const TAMPERED_MESSAGE = 'The program sent the page messages of its own: they were ignored.';

/** A batch with the run's own token that is not a trace: the program reached the runtime's channel. */
const UNREADABLE_TRACE_MESSAGE =
  'Stopped: the page received a trace it could not read (did the program tamper with ' +
  "Loopscope's messages?), so Python was restarted.";

/** A worker that ended without the page ending it: the browser closed it, or a program did. */
const ENDED_MESSAGE =
  'Python stopped unexpectedly (its worker was closed), so it was restarted. Run the program again.';

/** A worker that ended before Python was ready: trying again at once could loop. */
const ENDED_STARTING_MESSAGE =
  'Python stopped while starting (its worker was closed). Press Run to try again.';

/** One worker with its interpreter, as the page knows it. */
interface Interpreter {
  readonly worker: SandboxWorker;
  /** Its own interrupt buffer (isolated pages only): a Stop reaches no other interpreter. */
  readonly interrupt: Int32Array | null;
  /** Where its startup is, as it last said. */
  startup: SandboxStatus;
}

/** What a worker's startup message says, as the page's status. */
function startupStatus(message: StatusMessage): SandboxStatus {
  if (message.phase === 'ready' || message.phase === 'starting') return { phase: message.phase };
  return { phase: 'downloading', loaded: message.loaded ?? null, total: message.total ?? null };
}

/** Waits for the lock the worker holds while it lives (InitMessage.lifeline). */
async function watchLockLifeline(name: string, ended: () => void): Promise<void> {
  if (!('locks' in navigator)) return;
  // A worker that could not take it (no Web Locks in its scope) has no
  // lifeline: the lock would be granted at once, as if it had ended.
  const { held = [] } = await navigator.locks.query();
  if (!held.some((lock) => lock.name === name)) return;
  await navigator.locks.request(name, () => {
    ended();
  });
}

function seconds(milliseconds: number): string {
  return `${milliseconds / 1000} s`;
}

function describeWorkerError(event: Event): string {
  const message = (event as Partial<ErrorEvent>).message;
  return typeof message === 'string' && message !== '' ? message : 'the worker failed to load';
}

export function createSandboxClient(options: SandboxClientOptions = {}): SandboxClient {
  const indexURL = options.indexURL ?? new URL('pyodide/', document.baseURI).href;
  const createWorker = options.createWorker ?? createModuleWorker;
  // Python answers in well under a second, but a worker starved of CPU on a
  // busy two-core machine was seen to miss 2 s; a restart costs seconds
  // too, and a second Stop restarts at once for a learner who won't wait.
  const answerTimeoutMs = options.answerTimeoutMs ?? 5000;
  const watchdogMs = options.watchdogMs ?? 8000;
  const watchLifeline =
    options.watchLifeline ?? (typeof navigator === 'undefined' ? null : watchLockLifeline);
  // SharedArrayBuffer exists only on cross-origin isolated pages. Outside a
  // browser (unit tests) the flag is undefined, whatever the types say.
  const isolated = (globalThis.crossOriginIsolated as boolean | undefined) === true;

  const listeners = new Set<() => void>();
  const syntaxChecks = new Map<RequestId, SyntaxCheck>();
  let status: SandboxStatus = { phase: 'downloading', loaded: null, total: null };
  /** The interpreter for the next run and the syntax checks; null once Python failed or was disposed. */
  let python: Interpreter | null = null;
  /** The one after it, started once a run has ended and `python` is ready. */
  let spare: Interpreter | null = null;
  /** A run has ended: from now on a spare follows every ready interpreter (when spares are wanted). */
  let keepSpare = false;
  const sparesWanted = options.spare ?? true;
  /** The first interpreter was launched (see `startWhen`). */
  let started = false;
  let disposed = false;
  let current: ActiveRun | null = null;
  /** The running program posted messages the runtime does not send. */
  let tampered = false;
  /**
   * Pyodide's wasm as the first worker to start compiled it, handed to the
   * workers after it (host/compiledWasm.ts). Taken only from a worker that
   * has run nothing, and never replaced.
   */
  let wasm: WebAssembly.Module | null = null;

  function setStatus(next: SandboxStatus): void {
    status = next;
    for (const listener of listeners) listener();
  }

  function isReady(): boolean {
    return python?.startup.phase === 'ready';
  }

  /** Starts a worker and its interpreter; its messages go to whichever role it has by then. */
  function launch(): Interpreter {
    const interruptBuffer = isolated ? new SharedArrayBuffer(4) : null;
    const interpreter: Interpreter = {
      worker: createWorker(),
      interrupt: interruptBuffer ? new Int32Array(interruptBuffer) : null,
      startup: { phase: 'downloading', loaded: null, total: null },
    };
    const lifeline = `loopscope-sandbox-${newToken()}`;
    let watching = false;
    interpreter.worker.addEventListener('message', (event) => {
      // Messages from a worker that was replaced are stale, whatever they say.
      if (interpreter !== python && interpreter !== spare) return;
      // The worker holds its lifeline before it says anything.
      if (!watching && watchLifeline) {
        watching = true;
        void watchLifeline(lifeline, () => {
          ended(interpreter);
        });
      }
      const message = readWorkerMessage(event.data);
      if (interpreter === spare) receiveFromSpare(interpreter, message);
      else if (message) receive(message);
      else distrust();
    });
    interpreter.worker.addEventListener('error', (event) => {
      if (interpreter === python) crash(describeWorkerError(event));
      else if (interpreter === spare) dropSpare();
    });
    interpreter.worker.postMessage({
      type: 'init',
      indexURL,
      lifeline,
      ...(interruptBuffer ? { interruptBuffer } : {}),
      ...(wasm ? { wasm } : {}),
    });
    return interpreter;
  }

  /** The spare has run nothing: it can only be starting, and anything else is not the runtime's. */
  function receiveFromSpare(interpreter: Interpreter, message: WorkerToPageMessage | null): void {
    if (message?.type === 'status' && interpreter.startup.phase !== 'ready') {
      noteStartup(interpreter, message);
    } else {
      // It failed to start (another is started when one is needed), or it said what it cannot.
      dropSpare();
    }
  }

  /** A starting interpreter's status, and the compiled wasm it may hand on (only while it starts). */
  function noteStartup(interpreter: Interpreter, message: StatusMessage): void {
    interpreter.startup = startupStatus(message);
    wasm ??= message.wasm ?? null;
  }

  function dropSpare(): void {
    spare?.worker.terminate();
    spare = null;
  }

  /**
   * Ends the current interpreter and hands its place to the spare, or to a
   * new one when there is none; the pending syntax checks go to it.
   */
  function replaceInterpreter(): void {
    python?.worker.terminate();
    const next = spare ?? launch();
    spare = null;
    python = next;
    tampered = false;
    for (const check of syntaxChecks.values()) next.worker.postMessage(check.message);
    setStatus(next.startup);
    // A spare may be ready already, and will not say so again.
    startWaitingRun();
    startSpare();
  }

  /** Starts the spare once the next run's interpreter is ready and nothing runs or waits. */
  function startSpare(): void {
    if (sparesWanted && keepSpare && !spare && !current && isReady()) spare = launch();
  }

  /** Starts the run that waits for Python, if there is one and its interpreter is ready. */
  function startWaitingRun(): void {
    if (isReady() && current && !current.started) startRun(current);
  }

  function clearTimers(run: ActiveRun): void {
    run.cancelWatchdog?.();
    run.cancelEscalation?.();
    run.cancelWatchdog = run.cancelEscalation = null;
  }

  function armWatchdog(run: ActiveRun): void {
    run.cancelWatchdog?.();
    run.cancelWatchdog = setAwakeTimeout(() => {
      stopRun(run, 'watchdog');
    }, watchdogMs);
  }

  function finish(run: ActiveRun, result: RunResult): void {
    if (current !== run) return;
    clearTimers(run);
    current = null;
    if (!run.started || !python) {
      // Its interpreter ran nothing and serves the next run, or Python is gone.
      if (isReady()) setStatus({ phase: 'ready' });
      run.resolve(result);
      return;
    }
    const message = result.message ?? (tampered ? TAMPERED_MESSAGE : null);
    keepSpare = true;
    replaceInterpreter();
    run.resolve({ ...result, message });
  }

  /** The worker posted something the runtime never sends: a program's forgery, dropped. */
  function distrust(): void {
    if (current?.started) tampered = true;
    // A worker that has run nothing cannot hold a program: replace it all the same.
    else replaceInterpreter();
  }

  /** Hands a batch of the current run to its listener; a batch that is not a trace ends the run. */
  function receiveEvents(run: ActiveRun, batch: Uint8Array): void {
    let events: TraceEvent[];
    try {
      events = parseEventBatch(batch);
    } catch {
      restartDuringRun(run, UNREADABLE_TRACE_MESSAGE);
      return;
    }
    run.onEvents(events);
    if (run.stoppedBy === null) {
      if (events.some((event) => PROGRESS_EVENTS.has(event.type))) armWatchdog(run);
    } else if (!run.answered && events.some((event) => event.type === 'limit')) {
      // Python took the interrupt: the wait starts again for the rest of the
      // run's ending, which a busy machine can make slow. Once only, so that
      // a program cannot put the restart off for good.
      run.answered = true;
      armEscalation(run);
    }
  }

  function startRun(run: ActiveRun): void {
    run.started = true;
    python?.worker.postMessage({ type: 'run', runId: run.runId, request: run.request });
    setStatus({ phase: 'running', runId: run.runId });
    armWatchdog(run);
  }

  function watchdogMessage(): string {
    return (
      `Stopped: the program ran for ${seconds(watchdogMs)} without giving control back ` +
      '(is there a loop that never awaits, like `while True: pass`?)'
    );
  }

  /** Ends a run by terminating its Python; `why` is the learner's sentence. */
  function restartDuringRun(run: ActiveRun, why: string): void {
    finish(run, { summary: null, stoppedBy: run.stoppedBy, restarted: true, message: why });
  }

  function stopRun(run: ActiveRun, cause: StopCause): void {
    if (current !== run) return;
    if (!run.started) {
      finish(run, { summary: null, stoppedBy: cause, restarted: false, message: 'Stopped.' });
      return;
    }
    if (run.stoppedBy !== null) {
      // Asked again while waiting for Python: wait no longer.
      restartDuringRun(run, 'Stopped: Python was restarted.');
      return;
    }
    run.stoppedBy = cause;
    clearTimers(run);
    const reason = cause === 'watchdog' ? `${watchdogMessage()} ` : 'Stopped: ';
    const interrupt = python?.interrupt;
    if (!interrupt) {
      restartDuringRun(
        run,
        cause === 'watchdog'
          ? `${reason}Python was restarted.`
          : `${reason}Python was restarted (this page cannot interrupt a running program).`,
      );
      return;
    }
    Atomics.store(interrupt, 0, SIGINT);
    setStatus({ phase: 'stopping', runId: run.runId });
    armEscalation(run);
  }

  /** Restarts Python if the interrupted run has not ended within `answerTimeoutMs`. */
  function armEscalation(run: ActiveRun): void {
    run.cancelEscalation?.();
    const reason = run.stoppedBy === 'watchdog' ? `${watchdogMessage()} ` : 'Stopped: ';
    run.cancelEscalation = setAwakeTimeout(() => {
      restartDuringRun(
        run,
        `${reason}Python did not answer within ${seconds(answerTimeoutMs)}, so it was restarted.`,
      );
    }, answerTimeoutMs);
  }

  function interruptedMessage(run: ActiveRun): string | null {
    if (run.stoppedBy === 'watchdog') return watchdogMessage();
    if (run.stoppedBy === 'user') return 'Stopped.';
    return null;
  }

  /** A worker ended without the page ending it. */
  function ended(interpreter: Interpreter): void {
    if (interpreter === spare) {
      dropSpare();
      return;
    }
    if (interpreter !== python) return;
    if (!isReady()) {
      crash(ENDED_STARTING_MESSAGE);
      return;
    }
    const run = current?.started ? current : null;
    if (run) restartDuringRun(run, ENDED_MESSAGE);
    else replaceInterpreter();
  }

  function crash(message: string): void {
    python?.worker.terminate();
    python = null;
    dropSpare();
    setStatus({ phase: 'failed', message });
    for (const check of syntaxChecks.values()) check.resolve(null);
    syntaxChecks.clear();
    if (current) {
      finish(current, { summary: null, stoppedBy: current.stoppedBy, restarted: false, message });
    }
  }

  function receive(message: WorkerToPageMessage): void {
    const run = current?.started ? current : null;
    switch (message.type) {
      case 'status':
        // Startup is over once Python is ready: a later status is a program's.
        if (isReady() || !python) {
          distrust();
          return;
        }
        noteStartup(python, message);
        setStatus(python.startup);
        startWaitingRun();
        startSpare();
        return;
      case 'events':
        if (run?.runId === message.runId) receiveEvents(run, message.batch);
        else distrust();
        return;
      case 'done': {
        if (run?.runId !== message.runId) {
          distrust();
          return;
        }
        const interrupted = message.summary.outcome === 'interrupted';
        finish(run, {
          summary: message.summary,
          stoppedBy: interrupted ? run.stoppedBy : null,
          restarted: false,
          message: interrupted ? interruptedMessage(run) : null,
        });
        return;
      }
      case 'failed':
        if (message.runId === undefined) {
          // Only Python's startup fails without a run; once ready, it is a program's.
          if (isReady()) distrust();
          else crash(message.message);
        } else if (run?.runId === message.runId) {
          if (run.stoppedBy !== null) {
            // The interrupt landed outside the program (e.g. as the run ended).
            finish(run, {
              summary: null,
              stoppedBy: run.stoppedBy,
              restarted: false,
              message: interruptedMessage(run),
            });
          } else if (isStackOverflow(message.message)) {
            // The program's own doing (a recursion with its limit raised), not Python's.
            restartDuringRun(run, `${RECURSION_MESSAGE} Python was restarted.`);
          } else {
            restartDuringRun(
              run,
              `Python hit an internal error and was restarted: ${message.message}`,
            );
          }
        } else {
          distrust();
        }
        return;
      case 'syntax': {
        const check = syntaxChecks.get(message.requestId);
        if (!check) {
          distrust();
          return;
        }
        syntaxChecks.delete(message.requestId);
        check.resolve(message.problem);
        return;
      }
      default:
        assertNever(message);
    }
  }

  /** Launches the first interpreter, once. */
  function start(): void {
    if (started || disposed) return;
    started = true;
    replaceInterpreter();
  }

  if (options.startWhen) void options.startWhen.then(start, start);
  else start();

  return {
    status: {
      subscribe(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      getSnapshot: () => status,
    },
    canInterrupt: isolated,

    run(request, onEvents) {
      if (disposed) return Promise.reject(new Error('The sandbox was disposed.'));
      if (current) return Promise.reject(new SandboxBusyError());
      return new Promise<RunResult>((resolve) => {
        const run: ActiveRun = {
          runId: newToken(),
          request,
          onEvents,
          resolve,
          started: false,
          stoppedBy: null,
          cancelWatchdog: null,
          cancelEscalation: null,
          answered: false,
        };
        current = run;
        start();
        if (isReady()) startRun(run);
        else if (status.phase === 'failed') replaceInterpreter(); // try again; runs once ready
      });
    },

    stop() {
      if (current) stopRun(current, 'user');
    },

    checkSyntax(source, filename) {
      // Python failed to start, or was disposed: no verdict.
      if (!python) return Promise.resolve(null);
      const target = python;
      return new Promise((resolve) => {
        const message: CheckSyntaxMessage = {
          type: 'checkSyntax',
          requestId: newToken(),
          source,
          filename,
        };
        syntaxChecks.set(message.requestId, { message, resolve });
        // A running program never sees another's text: the check waits for the next worker.
        if (!current?.started) target.worker.postMessage(message);
      });
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      crash('The sandbox was closed.');
      listeners.clear();
    },
  };
}

/** Python has started, or failed to: it is no longer downloading or starting. */
export function isSettled(status: SandboxStatus): boolean {
  return status.phase !== 'downloading' && status.phase !== 'starting';
}

/** Resolves once Python is ready or failed to start: work that would slow its start can begin. */
export function pythonSettled(sandbox: SandboxClient): Promise<void> {
  return new Promise((resolve) => {
    const settled = (): boolean => isSettled(sandbox.status.getSnapshot());
    if (settled()) {
      resolve();
      return;
    }
    const unsubscribe = sandbox.status.subscribe(() => {
      if (!settled()) return;
      unsubscribe();
      resolve();
    });
  });
}
