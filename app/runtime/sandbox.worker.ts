/**
 * The sandbox: a module Web Worker that hosts Pyodide and runs learners'
 * programs for the page, speaking only the messages of protocol.ts.
 *
 * Must not import React, the DOM, app/features or app/shell: there is no
 * document here, and everything imported is loaded before Python can start.
 * It imports only plain runtime modules (the protocol, pythonRuntime, the
 * trace schema) and the `pyodide` package.
 *
 * A worker runs one program: the page gives every run a fresh one
 * (createSandboxClient.ts), so nothing a program leaves behind, in Python or
 * in this scope, meets another program or its text.
 *
 * Runs are synchronous: while Python runs, this worker answers no messages.
 * Event batches still reach the page, because `postMessage` works from inside
 * the Python callback. Stop reaches Python through the shared interrupt
 * buffer, or the page terminates this worker.
 *
 * Programs come from anyone (a shared link, an embed), so before the first
 * one runs the worker takes its own scope away from them
 * (workerConfinement.ts): no network, storage, scripts, workers or timers,
 * and no way to listen to the page's messages or to post its own. What this
 * module needs of the scope afterwards it holds here, in its closure, where
 * no program reaches: `postToPage` and the message listener.
 */
import { loadPyodide, version as pyodideVersion, type PyodideAPI } from 'pyodide';
import {
  installRuntime,
  PYODIDE_OPTIONS,
  recordedSnapshotKey,
  type PythonRuntime,
  type RuntimeSources,
  type SyntaxProblem,
  TRIAL_PROGRAM,
} from './host/pythonRuntime';
import { compileWasm, WASM_FILE, withCompiledWasm } from './host/compiledWasm';
import { snapshotFileName, snapshotKey } from './host/snapshotKey';
import type { RunRequest } from './host/runtimeTypes';
import {
  assertNever,
  type InitMessage,
  type PageToWorkerMessage,
  type RunId,
  SIGINT,
  type WorkerToPageMessage,
} from './protocol';
import { withDownloadProgress } from './downloadProgress';
import { readSnapshot } from './snapshotBytes';
import { confineWorkerScope } from './workerConfinement';

/** The runtime package's files, bundled as text: `./python/loopscope_runtime/x.py` → text. */
const RUNTIME_FILES = import.meta.glob<string>('./python/loopscope_runtime/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Pyodide's other large download (with its wasm, 12 of its 12.5 MB): the progress bar counts both. */
const PYODIDE_STDLIB = 'python_stdlib.zip';

/** The memory snapshot that fits this build (snapshotKey.ts), beside Pyodide's files. */
const SNAPSHOT_KEY = snapshotKey(pyodideVersion, runtimeSources());
const SNAPSHOT_FILE = snapshotFileName(SNAPSHOT_KEY);

let runtime: Promise<PythonRuntime> | null = null;
let interrupt: Int32Array | null = null;

/** The scope's `postMessage`, taken before the scope is emptied. */
const postToPage = globalThis.postMessage.bind(globalThis);

function send(message: WorkerToPageMessage): void {
  postToPage(message);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function runtimeSources(): RuntimeSources {
  return new Map(
    Object.entries(RUNTIME_FILES).map(([path, text]) => [
      path.slice(path.lastIndexOf('/') + 1),
      text,
    ]),
  );
}

/**
 * `snapshot`, for `loadPyodide`'s options, which Pyodide keeps for good: a
 * promise there would hold the 30 MB it resolved to for the worker's life.
 * This hands it over once, then holds nothing.
 */
function handedOver(snapshot: Promise<ArrayBuffer>): PromiseLike<ArrayBuffer> {
  let held: Promise<ArrayBuffer> | null = snapshot;
  return {
    then(onFulfilled, onRejected) {
      const promise = held ?? Promise.reject(new Error('the snapshot was handed over already'));
      held = null;
      return promise.then(onFulfilled, onRejected);
    },
  };
}

/** Pyodide's wasm as this worker compiles it, until `ready` hands it to the page. */
let compiledHere: Promise<WebAssembly.Module> | null = null;

/**
 * Pyodide, sharing the wasm the page handed over, or the one this worker
 * compiled already (a boot after a snapshot that failed), or compiling (and
 * keeping) its own, beside the snapshot's download.
 */
function loadInterpreter(
  { indexURL, wasm }: InitMessage,
  snapshot?: Promise<ArrayBuffer>,
): Promise<PyodideAPI> {
  return withCompiledWasm(wasm ?? (compiledHere ??= compileHere(indexURL)), () =>
    loadPyodide({
      ...PYODIDE_OPTIONS,
      // The site's own copy (tools/vite/pyodideAssets.ts); never a CDN.
      indexURL,
      ...(snapshot ? { _loadSnapshot: handedOver(snapshot) } : {}),
    }),
  );
}

/** Compiles Pyodide's wasm here; a compile that fails is not kept, so a later start tries again. */
function compileHere(indexURL: string): Promise<WebAssembly.Module> {
  const compiling = compileWasm(indexURL);
  compiling.catch(() => {
    if (compiledHere === compiling) compiledHere = null;
  });
  return compiling;
}

/**
 * Runs `load` with the progress of the large files it downloads: the
 * interpreter's wasm only when this worker has to compile it, and `more`.
 */
function withProgress<T>(
  { wasm }: InitMessage,
  more: { large: readonly string[]; optional: readonly string[] },
  load: () => Promise<T>,
): Promise<T> {
  const compiles = wasm === undefined && compiledHere === null;
  const large = [...(compiles ? [WASM_FILE] : []), PYODIDE_STDLIB, ...more.large];
  return withDownloadProgress({ large, optional: more.optional }, send, load);
}

/**
 * Python from the build's memory snapshot: the interpreter with the runtime
 * already imported, which starts in a fraction of a boot's time. Checked
 * before it is trusted: the key inside must be this build's, and a first
 * program must run. Null when anything fails: the caller boots as usual.
 */
async function startFromSnapshot(message: InitMessage): Promise<PythonRuntime | null> {
  try {
    const pyodide = await withProgress(
      message,
      { large: [SNAPSHOT_FILE], optional: [SNAPSHOT_FILE] },
      () =>
        loadInterpreter(
          message,
          fetch(new URL(SNAPSHOT_FILE, message.indexURL)).then((response) =>
            readSnapshot(response),
          ),
        ),
    );
    if (recordedSnapshotKey(pyodide) !== SNAPSHOT_KEY) return null;
    const python = installRuntime(pyodide, runtimeSources());
    // A first program must end well before the interpreter is trusted.
    const trial = python.run({ source: TRIAL_PROGRAM, filename: 'trial.py' }, () => undefined);
    return trial.outcome === 'ok' ? python : null;
  } catch {
    return null;
  }
}

async function start(message: InitMessage): Promise<PythonRuntime> {
  send({ type: 'status', phase: 'downloading' });
  const python =
    (await startFromSnapshot(message)) ??
    installRuntime(
      await withProgress(message, { large: [], optional: [] }, () => loadInterpreter(message)),
      runtimeSources(),
    );
  if (message.interruptBuffer) {
    interrupt = new Int32Array(message.interruptBuffer);
    python.listenForInterrupts(interrupt);
  }
  python.closeRoutesToJavaScript();
  python.guard();
  confineWorkerScope();
  return python;
}

function run(python: PythonRuntime, runId: RunId, request: RunRequest): void {
  // The buffer is this worker's alone, and this is its one run: a Stop found
  // here was pressed before the worker got to the run (it was busy with an
  // earlier message), and the run ends before it begins.
  if (interrupt && Atomics.exchange(interrupt, 0, 0) === SIGINT) {
    send({ type: 'failed', runId, message: 'stopped before it began' });
    return;
  }
  // The program can reach the sink (the runtime holds it, and Python can
  // reach whatever Python holds): it then adds text to its own run's trace,
  // which the page validates and shows as text, and nothing once its run ended.
  let open = true;
  try {
    const summary = python.run(request, (batch) => {
      if (open) send({ type: 'events', runId, batch });
    });
    send({ type: 'done', runId, summary });
  } catch (error) {
    send({ type: 'failed', runId, message: describe(error) });
  } finally {
    open = false;
  }
}

async function handle(message: PageToWorkerMessage): Promise<void> {
  switch (message.type) {
    case 'init': {
      if (runtime) return;
      const { lifeline } = message;
      if (lifeline !== undefined && 'locks' in navigator) {
        // Never released: the browser frees it when this worker ends (see InitMessage).
        await new Promise<void>((held) => {
          void navigator.locks.request(lifeline, () => {
            held();
            return new Promise<never>(() => undefined);
          });
        });
      }
      runtime = start(message);
      try {
        await runtime;
        // No program has run here yet: the page may hand this wasm on.
        const wasm = compiledHere === null ? null : await compiledHere;
        compiledHere = null;
        send({ type: 'status', phase: 'ready', ...(wasm ? { wasm } : {}) });
      } catch (error) {
        send({ type: 'failed', message: `Python failed to start: ${describe(error)}` });
      }
      return;
    }
    case 'run': {
      let python: PythonRuntime;
      try {
        if (!runtime) throw new Error('the sandbox was not initialized');
        python = await runtime;
      } catch (error) {
        send({ type: 'failed', runId: message.runId, message: describe(error) });
        return;
      }
      run(python, message.runId, message.request);
      return;
    }
    case 'checkSyntax': {
      let problem: SyntaxProblem | null = null;
      try {
        if (runtime) problem = (await runtime).checkSyntax(message.source, message.filename);
      } catch {
        // No interpreter, no verdict: the run itself will report the problem.
      }
      send({ type: 'syntax', requestId: message.requestId, problem });
      return;
    }
    default:
      assertNever(message);
  }
}

addEventListener('message', (event: MessageEvent<PageToWorkerMessage>) => {
  void handle(event.data);
});
