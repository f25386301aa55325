import { describe, expect, it } from 'vitest';
import { capturingCompiledWasm, withCompiledWasm } from './compiledWasm';

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

describe('capturingCompiledWasm', () => {
  it('gives the module the loader compiled itself', async () => {
    const { loaded, module } = await capturingCompiledWasm(() =>
      WebAssembly.instantiate(EMPTY_MODULE),
    );
    expect(module).toBeInstanceOf(WebAssembly.Module);
    expect(loaded.module).toBe(module);
  });

  it('gives none when the loader instantiated nothing', async () => {
    const { loaded, module } = await capturingCompiledWasm(() => Promise.resolve('no wasm'));
    expect(loaded).toBe('no wasm');
    expect(module).toBeNull();
  });
});
