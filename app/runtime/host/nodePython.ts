/**
 * Python for the Node hosts (the command line, `lessons:check`, the tests and
 * the benchmarks): Pyodide from node_modules with the runtime installed.
 *
 * It starts from a memory snapshot, as the browser does (docs/ARCHITECTURE.md,
 * "Starting from a snapshot"): the first start on a machine makes one for
 * the runtime's files as they are and keeps it in `node_modules/.cache/loopscope/`,
 * later starts load it in a fifth of a boot's time. A snapshot that is
 * missing, unreadable or not this runtime's is made again; one that fails to
 * load is removed, and Python boots the usual way.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, version, type PyodideAPI } from 'pyodide';
import {
  installRuntime,
  PYODIDE_OPTIONS,
  recordedSnapshotKey,
  recordSnapshotKey,
  type PythonRuntime,
  type RuntimeSources,
} from './pythonRuntime.ts';
import { WASM_FILE, withCompiledWasm } from './compiledWasm.ts';
import { snapshotKey } from './snapshotKey.ts';

const PACKAGE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'python',
  'loopscope_runtime',
);

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

/**
 * Where the snapshots are kept: node_modules' cache, gone with a fresh
 * `npm ci`, or the folder LOOPSCOPE_SNAPSHOT_CACHE names.
 */
export function snapshotCacheFolder(): string {
  return (
    process.env.LOOPSCOPE_SNAPSHOT_CACHE ?? join(dirname(pyodideFolder()), '.cache', 'loopscope')
  );
}

/** The kept snapshot's file for the runtime with this key. */
export function keptSnapshotPath(key: string): string {
  return join(snapshotCacheFolder(), `snapshot-${key}.bin`);
}

/** Pyodide's wasm, compiled; a worker thread given it starts without compiling it again (compiledWasm.ts). */
export function compilePyodideWasm(): Promise<WebAssembly.Module> {
  return WebAssembly.compile(readFileSync(join(pyodideFolder(), WASM_FILE)));
}

/**
 * Pyodide from node_modules with the options every host uses, without the
 * runtime; `extra` asks for a snapshot to be made or loaded, and `compiled`
 * is its wasm compiled already.
 */
export function loadInterpreter(
  extra: { readonly _makeSnapshot?: true; readonly _loadSnapshot?: Uint8Array } = {},
  compiled?: WebAssembly.Module,
): Promise<PyodideAPI> {
  const load = () => loadPyodide({ ...PYODIDE_OPTIONS, indexURL: `${pyodideFolder()}/`, ...extra });
  return compiled ? withCompiledWasm(compiled, load) : load();
}

/** A snapshot of the runtime's files as they are now, before any program has run, and its key. */
export async function makeSnapshotBytes(): Promise<{ key: string; bytes: Uint8Array }> {
  const sources = readRuntimeSources();
  const key = snapshotKey(version, sources);
  const pyodide = await loadInterpreter({ _makeSnapshot: true });
  installRuntime(pyodide, sources);
  recordSnapshotKey(pyodide, key);
  return { key, bytes: pyodide.makeMemorySnapshot() };
}

/** Keeps a snapshot for the next start; one that cannot be kept (a read-only folder) is only used. */
function keep(path: string, bytes: Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Written aside, then renamed: another process may be reading or making the same file.
    const aside = `${path}.${process.pid}.${Date.now()}`;
    writeFileSync(aside, bytes);
    renameSync(aside, path);
  } catch {
    // The next start makes it again.
  }
}

/** The kept snapshot of this runtime, made (and kept) now if there is none. */
async function keptSnapshot(path: string): Promise<Uint8Array> {
  try {
    return readFileSync(path);
  } catch {
    const made = await makeSnapshotBytes();
    keep(path, made.bytes);
    return made.bytes;
  }
}

/** Python started from the kept snapshot, or null (and the snapshot removed) if that fails. */
async function startFromSnapshot(compiled?: WebAssembly.Module): Promise<PythonRuntime | null> {
  const sources = readRuntimeSources();
  const key = snapshotKey(version, sources);
  const path = keptSnapshotPath(key);
  try {
    const pyodide = await loadInterpreter({ _loadSnapshot: await keptSnapshot(path) }, compiled);
    if (recordedSnapshotKey(pyodide) !== key) throw new Error('not this runtime’s snapshot');
    return installRuntime(pyodide, sources);
  } catch {
    rmSync(path, { force: true });
    return null;
  }
}

/**
 * Python with the runtime installed: from the kept snapshot, or booted
 * (`'boot'`, or when that fails); `compiled` is Pyodide's wasm compiled already.
 */
export async function loadPython(
  start: 'snapshot' | 'boot' = 'snapshot',
  compiled?: WebAssembly.Module,
): Promise<PythonRuntime> {
  const fromSnapshot = start === 'snapshot' ? await startFromSnapshot(compiled) : null;
  return fromSnapshot ?? installRuntime(await loadInterpreter({}, compiled), readRuntimeSources());
}
