/**
 * Takes the web platform away from the programs the sandbox worker runs.
 *
 * Pyodide gives Python the worker's global scope (`import js`), and any
 * JavaScript object Python holds leads further: `obj.constructor.constructor`
 * is `Function`, and a proxy of the scope reaches its prototypes, where the
 * scope's `addEventListener` lives. Closing Python's routes to JavaScript
 * (pythonRuntime.ts) is the second line; the first is that there is nothing
 * to reach: after Pyodide has loaded (its loader needs `fetch`, `location`,
 * `navigator`; what it captured then stays in its closures), every global
 * that is not plain ECMAScript or one of the few objects Pyodide calls at run
 * time is deleted, from the scope and from its prototypes, and building code
 * from strings throws.
 *
 * This has to be done here, in the worker: a module worker loaded from a URL
 * takes its Content-Security-Policy from its own response's headers, not from
 * the page's `<meta>` policy, so on a static host that cannot set headers the
 * worker has no policy at all (docs/security.md).
 *
 * Whatever the worker itself needs afterwards (posting to the page, its
 * message listener) must be captured or installed before `confineWorkerScope`
 * runs. Must not import anything: it runs in the worker, before any program.
 */

/**
 * The global object's properties in ECMAScript (ECMA-262, "The Global
 * Object"), with WebAssembly (the JavaScript interface of WebAssembly, which
 * Pyodide runs on) and the newer ones Chromium ships. None of them reaches
 * anything outside the worker. `eval` is not among them.
 */
const ECMASCRIPT_GLOBALS: readonly string[] = [
  'globalThis',
  'Infinity',
  'NaN',
  'undefined',
  'isFinite',
  'isNaN',
  'parseFloat',
  'parseInt',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'escape',
  'unescape',
  'AggregateError',
  'Array',
  'ArrayBuffer',
  'AsyncDisposableStack',
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'Boolean',
  'DataView',
  'Date',
  'DisposableStack',
  'Error',
  'EvalError',
  'FinalizationRegistry',
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'Function',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Iterator',
  'Map',
  'Number',
  'Object',
  'Promise',
  'Proxy',
  'RangeError',
  'ReferenceError',
  'RegExp',
  'Set',
  'SharedArrayBuffer',
  'String',
  'SuppressedError',
  'Symbol',
  'SyntaxError',
  'TypeError',
  'Uint8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
  'URIError',
  'WeakMap',
  'WeakRef',
  'WeakSet',
  'Atomics',
  'JSON',
  'Math',
  'Reflect',
  'Intl',
  'WebAssembly',
];

/**
 * What Pyodide's C library reaches through the global scope while Python
 * runs: the clock, random bytes, string conversion, and its error reports.
 * Timers are not among them: Loopscope's event loop never calls Pyodide's
 * `scheduleCallback`, so no timer is left for a program to start.
 */
const RUNTIME_GLOBALS: readonly string[] = [
  'performance',
  'crypto',
  'TextEncoder',
  'TextDecoder',
  'console',
];

/** V8's own words, so a program reads the same refusal in the browser as in Node. */
const CODE_GENERATION_REFUSED = 'Code generation from strings disallowed for this context';

/** Stands in for `Function` and its async and generator kin. */
function refuseCodeFromStrings(): never {
  throw new EvalError(CODE_GENERATION_REFUSED);
}

/**
 * Every route from a string to code that a JavaScript object leads to: the
 * `constructor` of the four kinds of function, and `Function` itself (the
 * stand-in keeps `instanceof Function` true for real functions). `eval` is
 * deleted with the other globals; a timer given a string is gone with the
 * timers.
 */
function disableCodeFromStrings(): void {
  const samples = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const sample of samples) {
    Object.defineProperty(Object.getPrototypeOf(sample), 'constructor', {
      value: refuseCodeFromStrings,
      writable: false,
      configurable: false,
    });
  }
  refuseCodeFromStrings.prototype = Function.prototype;
  Object.defineProperty(globalThis, 'Function', {
    value: refuseCodeFromStrings,
    writable: false,
    configurable: false,
  });
}

/**
 * A promise lets a program run Python after its run: a callback given to
 * `then` runs once the run's task is over. A program makes no promise of its
 * own (`Promise` is reached only from a promise), except through the one
 * function that makes one and hangs off an object every program can build
 * (a list's constructor is `Array`).
 */
function removePromiseMakers(): void {
  Reflect.deleteProperty(Array, 'fromAsync');
}

/** The global scope's prototypes (DedicatedWorkerGlobalScope's, WorkerGlobalScope's, EventTarget's). */
function scopePrototypes(): object[] {
  const prototypes: object[] = [];
  for (
    let prototype = Object.getPrototypeOf(globalThis) as object | null;
    prototype !== null && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype) as object | null
  ) {
    prototypes.push(prototype);
  }
  return prototypes;
}

/**
 * Deletes `key`; true if it is gone or is a constant (a WebIDL `const`, such
 * as the old file system API's `TEMPORARY`: a number, which cannot be deleted
 * and reaches nothing).
 */
function takeAway(owner: object, key: string | symbol): boolean {
  if (Reflect.deleteProperty(owner, key)) return true;
  const descriptor = Reflect.getOwnPropertyDescriptor(owner, key);
  if (descriptor === undefined || !('value' in descriptor)) return false;
  const value: unknown = descriptor.value;
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/**
 * Confines the worker: call once, after Pyodide and the runtime are loaded
 * and Python's routes closed, before any program. Throws (and the worker
 * reports that Python failed to start) if anything it must delete stays:
 * better no Python than a sandbox with a hole in it.
 */
export function confineWorkerScope(): void {
  // Some of them are accessors on the scope's prototypes: keep their values.
  const runtimeValues = RUNTIME_GLOBALS.map(
    (name) => [name, Reflect.get(globalThis, name)] as const,
  );
  const ecmascript = new Set(ECMASCRIPT_GLOBALS);
  const stayed: string[] = [];
  for (const key of Reflect.ownKeys(globalThis)) {
    if (typeof key === 'string' && ecmascript.has(key)) continue;
    if (!takeAway(globalThis, key)) stayed.push(String(key));
  }
  // The scope's prototypes hold `addEventListener`, the `onmessage` setter
  // and the rest; nothing in this worker uses them any more.
  for (const prototype of scopePrototypes()) {
    for (const key of Reflect.ownKeys(prototype)) {
      if (!takeAway(prototype, key)) stayed.push(String(key));
    }
  }
  for (const [name, value] of runtimeValues) {
    Object.defineProperty(globalThis, name, { value, writable: false, configurable: false });
  }
  disableCodeFromStrings();
  removePromiseMakers();
  if (stayed.length > 0) {
    throw new Error(`the sandbox could not take away ${stayed.join(', ')}`);
  }
}
