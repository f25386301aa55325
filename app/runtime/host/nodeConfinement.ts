/**
 * Takes Node away from the programs a sandbox thread runs.
 *
 * Pyodide gives Python the thread's global scope (`import js`,
 * `pyodide.code.run_js`, `pyodide_js`) and any JavaScript object it holds is
 * a way back to it (`obj.constructor.constructor` is `Function`). Blocking
 * names in Python cannot close every such path, so the scope itself is
 * emptied: after Pyodide has loaded (its loader needs `process`, `require`
 * and `fetch`; what it captured then stays in its closures, out of reach),
 * every global that is not plain ECMAScript or one of the few Pyodide calls at
 * run time is deleted, and the thread was created with code generation from
 * strings disallowed (nodeSandbox.ts), so `eval`, `Function` and
 * `run_js` throw. Python's routes to JavaScript are removed as well, as a
 * second line (`closeRoutesToJavaScript`, shared with the browser's worker).
 *
 * Pyodide's own module keeps a `require` in its closure, and its C library
 * calls it at run time: `system()` (so `os.system`) spawns a shell through
 * `child_process`, and sockets connect and listen through the `ws` package.
 * Those calls cannot be taken out of the WebAssembly module, so what they
 * reach is: in this thread (each worker has its own copy of Node's modules),
 * the modules that touch the host have their functions replaced by refusals.
 * Must not import DOM or React modules.
 */
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import type { PyodideAPI } from 'pyodide';
import type { PythonRuntime } from './pythonRuntime';

/** What Pyodide reaches through the global scope while it runs Python. */
const RUNTIME_GLOBALS = new Set([
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'queueMicrotask',
  'performance',
  'crypto',
  'TextEncoder',
  'TextDecoder',
  'console',
  // Emscripten's sockets parse addresses with them; they reach nothing.
  'URL',
  'URLSearchParams',
]);

/** Node's modules that reach the host's processes, files, network or debugger. */
const HOST_MODULES = [
  'node:child_process',
  'node:fs',
  'node:fs/promises',
  'node:net',
  'node:http',
  'node:https',
  'node:http2',
  'node:tls',
  'node:dgram',
  'node:dns',
  'node:os',
  'node:inspector',
  'node:cluster',
];

class RefusedError extends Error {
  constructor() {
    super('not available to programs run by Loopscope');
  }
}

function refuse(): never {
  throw new RefusedError();
}

/**
 * As for a shell that is not installed: Emscripten's `system()` reads the
 * status of `spawnSync` (`os.system` then returns 127 << 8), instead of
 * failing inside WebAssembly, which would break the interpreter.
 */
function noShell(): { status: number; signal: null } {
  return { status: 127, signal: null };
}

/** Replaces every function of this thread's host modules, and the `ws` package Pyodide's sockets use. */
function refuseHostModules(): void {
  const require = createRequire(import.meta.url);
  // First, while resolving a package still has the file system.
  const pyodideRequire = createRequire(require.resolve('pyodide/pyodide.asm.mjs'));
  const ws = pyodideRequire.resolve('ws');
  pyodideRequire(ws);
  const cached = pyodideRequire.cache[ws];
  if (cached !== undefined) cached.exports = Object.assign(refuse, { Server: refuse });
  for (const name of HOST_MODULES) {
    const exports = require(name) as Record<string, unknown>;
    for (const key of Object.keys(exports)) {
      if (typeof exports[key] === 'function') exports[key] = refuse;
    }
  }
  (require('node:child_process') as Record<string, unknown>).spawnSync = noShell;
}

/** A console that says nothing: Node's keeps references to the process's streams. */
const SILENT_CONSOLE = Object.freeze({
  log: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
});

/** The globals of an empty ECMAScript realm: what every JavaScript engine has. */
function ecmascriptGlobals(): Set<string> {
  return new Set(Object.getOwnPropertyNames(runInNewContext('globalThis') as object));
}

/** Deletes from this thread's global scope everything a program could use to reach the host. */
function emptyGlobalScope(): void {
  const allowed = ecmascriptGlobals();
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (allowed.has(name) || RUNTIME_GLOBALS.has(name)) continue;
    Reflect.deleteProperty(globalThis, name);
  }
  Reflect.set(globalThis, 'console', SILENT_CONSOLE);
  // From Node 22 on, a list's constructor makes a promise, whose callback
  // would run Python after the run (workerConfinement.ts says more).
  Reflect.deleteProperty(Array, 'fromAsync');
}

/** Removes Pyodide's file systems that mount the host's folders. */
function unmountHostFileSystems(pyodide: PyodideAPI): void {
  const fileSystems = (pyodide.FS as unknown as { filesystems: Record<string, unknown> })
    .filesystems;
  Reflect.deleteProperty(fileSystems, 'NODEFS');
  Reflect.deleteProperty(fileSystems, 'NATIVEFS_ASYNC');
  const module = (pyodide as unknown as { _module: Record<string, unknown> })._module;
  Reflect.deleteProperty(module, 'NODEFS');
}

/** Confines the thread: call once, after Pyodide and the runtime are loaded, before any program. */
export function confine(python: PythonRuntime): void {
  python.closeRoutesToJavaScript();
  unmountHostFileSystems(python.pyodide);
  refuseHostModules();
  emptyGlobalScope();
}
