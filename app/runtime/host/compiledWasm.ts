/**
 * Pyodide's machine code, compiled once and shared by every interpreter.
 *
 * Each run gets a fresh interpreter, in a fresh worker. Pyodide compiles its
 * wasm in each one, and V8 compiles a function when it is first called, so
 * every worker compiled again the code its start and first program run: in
 * Node, a start from the snapshot took 360–490 ms, against 220–260 ms with a
 * module compiled once and handed to the worker (a `WebAssembly.Module`
 * crosses to a worker without a copy, and its compiled code with it); in
 * Chromium, a worker's start took ~20 % less. Memory stays each instance's
 * own: nothing a program does reaches another through it.
 *
 * Pyodide has no option for this. Its loader makes one call to
 * `WebAssembly.instantiate(bytes, imports)` (Node) or
 * `WebAssembly.instantiateStreaming(response, imports)` (browsers); while
 * `load` runs, that first call is redirected, and both are put back as soon
 * as it is made. A call given a compiled module is not that one (Pyodide
 * instantiates a small module of its own as it is imported) and goes
 * through untouched.
 */
import { requestFileName } from './requestFileName.ts';

type Instantiated = WebAssembly.WebAssemblyInstantiatedSource;

/** Makes Pyodide's one instantiation with `instead`, which may call the `original` one. */
async function redirectingInstantiation<T>(
  instead: (
    original: () => Promise<Instantiated>,
    imports?: WebAssembly.Imports,
  ) => Promise<Instantiated>,
  load: () => Promise<T>,
): Promise<T> {
  const { instantiate, instantiateStreaming } = WebAssembly;
  const restore = (): void => {
    WebAssembly.instantiate = instantiate;
    WebAssembly.instantiateStreaming = instantiateStreaming;
  };
  WebAssembly.instantiate = ((
    source: BufferSource | WebAssembly.Module,
    imports?: WebAssembly.Imports,
  ) => {
    if (source instanceof WebAssembly.Module) return instantiate(source, imports);
    restore();
    return instead(() => instantiate(source, imports), imports);
  }) as typeof WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (source, imports) => {
    restore();
    return instead(() => instantiateStreaming(source, imports), imports);
  };
  try {
    return await load();
  } finally {
    restore();
  }
}

/** Pyodide's wasm, by the name its loader asks for it under. */
export const WASM_FILE = 'pyodide.asm.wasm';

/**
 * Pyodide's wasm at `indexURL`, compiled while it downloads. A worker starts
 * this beside the snapshot's download: Pyodide's own loader compiles only
 * once it has the snapshot, and the compile then waited for it.
 */
export function compileWasm(indexURL: string): Promise<WebAssembly.Module> {
  return WebAssembly.compileStreaming(fetch(new URL(WASM_FILE, indexURL)));
}

/**
 * Runs `load` with `module` (or the module it will be) as Pyodide's compiled
 * wasm. Pyodide's loader still asks for the wasm file, which it would only
 * hand to the instantiation answered here: in a browser that request is
 * answered with nothing, so no worker reads 9.6 MB it does not use.
 */
export function withCompiledWasm<T>(
  module: WebAssembly.Module | Promise<WebAssembly.Module>,
  load: () => Promise<T>,
): Promise<T> {
  return withoutWasmRequest(() =>
    redirectingInstantiation(async (_original, imports) => {
      const compiled = await module;
      return { module: compiled, instance: await WebAssembly.instantiate(compiled, imports) };
    }, load),
  );
}

/** Runs `load` with requests for Pyodide's wasm answered by an empty response, not fetched. */
async function withoutWasmRequest<T>(load: () => Promise<T>): Promise<T> {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    if (requestFileName(input) === WASM_FILE) {
      return Promise.resolve(new Response(new Uint8Array(0)));
    }
    return originalFetch(input, init);
  };
  try {
    return await load();
  } finally {
    globalThis.fetch = originalFetch;
  }
}
