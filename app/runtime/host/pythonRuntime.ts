/**
 * The one module that talks to Pyodide: installs the runtime's Python package
 * into an interpreter and calls it. Shared by the Web Worker and Node hosts.
 * Must not import DOM, React or Node modules.
 */
import type { PyodideAPI } from 'pyodide';
import { raceFreeInterruptSlot } from './interruptBuffer.ts';
import type { EventSink, RunRequest, RunSummary } from './runtimeTypes.ts';

/** The runtime package's files: path relative to the package folder -> text. */
export type RuntimeSources = ReadonlyMap<string, string>;

/** Where the package lives inside Pyodide's file system. */
const PACKAGE_PARENT = '/home/pyodide/loopscope';
const PACKAGE_NAME = 'loopscope_runtime';

/** A syntax error as CPython's compiler reports it. */
export interface SyntaxProblem {
  readonly error: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** A Python interpreter with the runtime installed. */
export interface PythonRuntime {
  /** Runs one program to the end, sending events to `sink` in batches. */
  run(request: RunRequest, sink: EventSink): RunSummary;
  /** Compiles a program without running it. */
  checkSyntax(source: string, filename: string): SyntaxProblem | null;
  /**
   * From now on, refuses audit hooks and writes under Python's library and
   * the runtime's folder (guard.py). Each host calls it once, before the
   * first program.
   */
  guard(): void;
  /**
   * Closes Python's ways to JavaScript (`import js`, `pyodide_js`, `run_js`,
   * loading packages from a URL, Pyodide's own event loop's timers). Each host
   * calls it once, before the first program, and then empties its own global
   * scope: this is the second line, not the first (any JavaScript object
   * Python holds still leads to `Function` and to the prototypes).
   */
  closeRoutesToJavaScript(): void;
  /**
   * From now on, a SIGINT (2) another thread stores in `buffer` interrupts
   * the running program, as Ctrl+C would.
   */
  listenForInterrupts(buffer: Int32Array): void;
  /** The interpreter itself, for what the runtime does not wrap (unmounting host file systems). */
  readonly pyodide: PyodideAPI;
}

interface HostApi {
  run(source: string, filename: string, options: string, sink: (batch: unknown) => void): string;
  check_syntax(source: string, filename: string): string;
  guard_interpreter(): void;
  close_routes(): void;
}

/** Pyodide's calls that load code or files from a URL or mount the host's files, on its API object. */
const LOADERS = ['loadPackage', 'loadPackagesFromImports', 'mountNodeFS', 'mountNativeFS'];

/**
 * What every host passes to `loadPyodide`. Fixed string hashes: the same
 * program gives the same trace every time, and a memory snapshot keeps the
 * seed it was made with, so the hosts that make and load one must agree.
 * The runtime captures a program's output itself; the rest is Pyodide's chatter.
 */
export const PYODIDE_OPTIONS = {
  env: { PYTHONHASHSEED: '0' },
  stdout: (): void => undefined,
  stderr: (): void => undefined,
} as const;

/** A first, harmless program: it proves that an interpreter started from a snapshot works. */
export const TRIAL_PROGRAM =
  'import asyncio\nasync def main():\n    await asyncio.sleep(0)\nasyncio.run(main())\n';

/**
 * The batch a Python `bytes` the runtime passed to its sink holds. A program
 * can reach the sink and pass anything: what is not `bytes` is an empty
 * batch, which no host can read (parseEventBatch refuses it).
 */
function batchBytes(value: unknown): Uint8Array {
  if (typeof value !== 'object' || value === null) return new Uint8Array(0);
  const proxy = value as { readonly type?: unknown; readonly toJs?: unknown };
  if (proxy.type !== 'bytes' || typeof proxy.toJs !== 'function') return new Uint8Array(0);
  // A copy: Pyodide frees the proxy, and its memory, once the sink returns.
  const bytes: unknown = (proxy.toJs as () => unknown).call(proxy);
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(0);
}

/** Writes the package into the interpreter's file system and imports it. */
export function installRuntime(pyodide: PyodideAPI, sources: RuntimeSources): PythonRuntime {
  const folder = `${PACKAGE_PARENT}/${PACKAGE_NAME}`;
  pyodide.FS.mkdirTree(folder);
  for (const [path, text] of sources) {
    pyodide.FS.writeFile(`${folder}/${path}`, text);
  }
  pyodide.runPython(
    `import sys\nif ${JSON.stringify(PACKAGE_PARENT)} not in sys.path: sys.path.insert(0, ${JSON.stringify(PACKAGE_PARENT)})`,
  );
  const api = pyodide.pyimport(`${PACKAGE_NAME}.host_api`) as unknown as HostApi;

  const runtime: PythonRuntime = {
    pyodide,
    run(request, sink) {
      const options = JSON.stringify({
        trace: request.trace ?? true,
        stdin: request.stdin ?? '',
        limits: request.limits ?? {},
        networkLatency: request.networkLatency ?? 0,
        check: request.check ?? null,
      });
      const summary = api.run(request.source, request.filename, options, (batch) => {
        sink(batchBytes(batch));
      });
      return JSON.parse(summary) as RunSummary;
    },
    closeRoutesToJavaScript() {
      pyodide.unregisterJsModule('js');
      pyodide.unregisterJsModule('pyodide_js');
      api.close_routes();
      for (const name of LOADERS) Reflect.deleteProperty(pyodide, name);
    },
    guard() {
      api.guard_interpreter();
    },
    listenForInterrupts(buffer) {
      // Pyodide touches only the slot, whatever its type says it wants.
      pyodide.setInterruptBuffer(raceFreeInterruptSlot(buffer) as unknown as Int32Array);
    },
    checkSyntax(source, filename) {
      return JSON.parse(api.check_syntax(source, filename)) as SyntaxProblem | null;
    },
  };
  return runtime;
}

/**
 * Marks an interpreter about to be saved as a snapshot with the snapshot's
 * key (snapshotKey.ts), so that a start from it can tell it fits.
 */
export function recordSnapshotKey(pyodide: PyodideAPI, key: string): void {
  pyodide.runPython(
    `import ${PACKAGE_NAME}\n${PACKAGE_NAME}.snapshot_key = ${JSON.stringify(key)}`,
  );
}

/** The key recorded in an interpreter started from a snapshot, or null. */
export function recordedSnapshotKey(pyodide: PyodideAPI): string | null {
  const key: unknown = pyodide.runPython(
    `import ${PACKAGE_NAME}\ngetattr(${PACKAGE_NAME}, "snapshot_key", None)`,
  );
  return typeof key === 'string' ? key : null;
}
