/**
 * Pyodide's machine code, compiled once and shared by every interpreter.
 *
 * Each run gets a fresh interpreter, in a fresh worker. Pyodide compiles its
 * wasm in each one, and V8 compiles a function when it is first called, so
 * every worker compiled again the code its start and first program run: in
 * Node, a start from the snapshot took 360–490 ms, against 220–260 ms with a
 * module compiled once in the host and handed to the worker (a
 * `WebAssembly.Module` crosses to a worker without a copy, and its compiled
 * code with it). Memory stays each instance's own: nothing a program does
 * reaches another through it.
 *
 * Pyodide has no option for this. Its loader makes one call to
 * `WebAssembly.instantiate(bytes, imports)` (Node) or
 * `WebAssembly.instantiateStreaming(response, imports)` (browsers); while
 * `load` runs, that first call is answered with `module`, and both are put
 * back as soon as it is made. A call given a compiled module is not that
 * one (Pyodide instantiates a small module of its own as it is imported)
 * and goes through untouched.
 */
export async function withCompiledWasm<T>(
  module: WebAssembly.Module,
  load: () => Promise<T>,
): Promise<T> {
  const { instantiate, instantiateStreaming } = WebAssembly;
  const restore = (): void => {
    WebAssembly.instantiate = instantiate;
    WebAssembly.instantiateStreaming = instantiateStreaming;
  };
  const fromModule = async (imports?: WebAssembly.Imports) => {
    restore();
    return { module, instance: await instantiate(module, imports) };
  };
  WebAssembly.instantiate = ((
    source: BufferSource | WebAssembly.Module,
    imports?: WebAssembly.Imports,
  ) =>
    source instanceof WebAssembly.Module
      ? instantiate(source, imports)
      : fromModule(imports)) as typeof WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (_source, imports) => fromModule(imports);
  try {
    return await load();
  } finally {
    restore();
  }
}
