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

/** Runs `load` with `module` as Pyodide's compiled wasm. */
export function withCompiledWasm<T>(
  module: WebAssembly.Module,
  load: () => Promise<T>,
): Promise<T> {
  return redirectingInstantiation(
    async (_original, imports) => ({
      module,
      instance: await WebAssembly.instantiate(module, imports),
    }),
    load,
  );
}

/** Runs `load`, which compiles Pyodide's wasm as usual, and gives the compiled module with its result. */
export async function capturingCompiledWasm<T>(
  load: () => Promise<T>,
): Promise<{ readonly loaded: T; readonly module: WebAssembly.Module | null }> {
  let module: WebAssembly.Module | null = null;
  const loaded = await redirectingInstantiation(async (original) => {
    const instantiated = await original();
    module = instantiated.module;
    return instantiated;
  }, load);
  return { loaded, module };
}
