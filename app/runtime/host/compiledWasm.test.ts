import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileWasm, withCompiledWasm } from './compiledWasm';

/** The smallest valid module: its magic number and version, nothing else. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

describe('withCompiledWasm', () => {
  it("answers the loader's one instantiation with the compiled module", async () => {
    const compiled = await WebAssembly.compile(EMPTY_MODULE);
    const answered = await withCompiledWasm(compiled, () =>
      WebAssembly.instantiate(new Uint8Array([1, 2, 3]), {}),
    );
    expect(answered.module).toBe(compiled);
    expect(answered.instance).toBeInstanceOf(WebAssembly.Instance);
  });

  it('answers a streaming instantiation the same way', async () => {
    const compiled = await WebAssembly.compile(EMPTY_MODULE);
    const answered = await withCompiledWasm(compiled, () =>
      WebAssembly.instantiateStreaming(new Response('not wasm'), {}),
    );
    expect(answered.module).toBe(compiled);
  });

  it('lets a call given a module of its own through, and answers only once', async () => {
    const compiled = await WebAssembly.compile(EMPTY_MODULE);
    const other = await WebAssembly.compile(EMPTY_MODULE);
    await withCompiledWasm(compiled, async () => {
      const own = await WebAssembly.instantiate(other);
      expect(own).toBeInstanceOf(WebAssembly.Instance);
      expect((await WebAssembly.instantiate(EMPTY_MODULE)).module).toBe(compiled);
      // The second call is the real one again: these bytes are not wasm.
      await expect(WebAssembly.instantiate(new Uint8Array([1, 2, 3]))).rejects.toThrow(
        WebAssembly.CompileError,
      );
    });
  });

  it('puts WebAssembly back when the load fails before instantiating', async () => {
    const { instantiate, instantiateStreaming } = WebAssembly;
    const compiled = await WebAssembly.compile(EMPTY_MODULE);
    await expect(
      withCompiledWasm(compiled, () => Promise.reject(new Error('no wasm today'))),
    ).rejects.toThrow('no wasm today');
    expect(WebAssembly.instantiate).toBe(instantiate);
    expect(WebAssembly.instantiateStreaming).toBe(instantiateStreaming);
  });
});

describe('withCompiledWasm and fetch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('takes the module it will be, and waits for it', async () => {
    let compiled: (module: WebAssembly.Module) => void = () => undefined;
    const coming = new Promise<WebAssembly.Module>((resolve) => (compiled = resolve));
    const loading = withCompiledWasm(coming, () =>
      WebAssembly.instantiate(new Uint8Array([1, 2, 3]), {}),
    );
    const module = await WebAssembly.compile(EMPTY_MODULE);
    compiled(module);
    expect((await loading).module).toBe(module);
  });

  it("answers the loader's request for the wasm file with nothing, and fetches the rest", async () => {
    const fetched: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: URL | string) => {
        fetched.push(input.toString());
        return Promise.resolve(new Response('fetched'));
      }),
    );
    const pageFetch = globalThis.fetch;
    const compiled = await WebAssembly.compile(EMPTY_MODULE);
    await withCompiledWasm(compiled, async () => {
      const wasm = await fetch(new URL('https://site.test/app/pyodide/pyodide.asm.wasm'));
      expect(await wasm.arrayBuffer()).toHaveProperty('byteLength', 0);
      const stdlib = await fetch('https://site.test/app/pyodide/python_stdlib.zip');
      expect(await stdlib.text()).toBe('fetched');
    });
    expect(fetched).toEqual(['https://site.test/app/pyodide/python_stdlib.zip']);
    expect(globalThis.fetch).toBe(pageFetch);
  });
});

describe('compileWasm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("compiles the wasm beside Pyodide's index as it downloads", async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(
        new Response(EMPTY_MODULE, { headers: { 'Content-Type': 'application/wasm' } }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const module = await compileWasm('https://site.test/app/pyodide/');
    expect(module).toBeInstanceOf(WebAssembly.Module);
    expect(fetch).toHaveBeenCalledWith(new URL('https://site.test/app/pyodide/pyodide.asm.wasm'));
  });
});
