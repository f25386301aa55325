import { afterEach, describe, expect, it, vi } from 'vitest';
import { withDownloadProgress } from './downloadProgress';
import type { FailedMessage, StatusMessage } from './protocol';

const WASM_URL = 'https://example.test/app/pyodide/pyodide.asm.wasm';
const FILES = { large: ['pyodide.asm.wasm'], optional: [] };

/** A response whose body the test writes, chunk by chunk. */
function streamedResponse(): {
  response: Response;
  write: (bytes: number) => void;
  end: () => void;
} {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const body = new ReadableStream<Uint8Array>({
    start(started) {
      controller = started;
    },
  });
  return {
    response: new Response(body, { headers: { 'Content-Length': '30' } }),
    write: (bytes) => controller?.enqueue(new Uint8Array(bytes)),
    end: () => controller?.close(),
  };
}

/** What `withDownloadProgress` sends while `load` runs, with `response` the answer to every fetch. */
async function progressOf(
  response: Response,
  load: () => Promise<unknown>,
): Promise<(StatusMessage | FailedMessage)[]> {
  vi.stubGlobal('fetch', () => Promise.resolve(response));
  const sent: (StatusMessage | FailedMessage)[] = [];
  await withDownloadProgress(FILES, (message) => sent.push(message), load);
  return sent;
}

/** Lets the counting reader take everything written so far. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('withDownloadProgress', () => {
  it('counts the bytes of a large download as the load reads it, then says Python is starting', async () => {
    const { response, write, end } = streamedResponse();
    const sent = await progressOf(response, async () => {
      const fetched = await fetch(WASM_URL);
      write(10);
      write(20);
      end();
      return new Uint8Array(await fetched.arrayBuffer()).length;
    });
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'status', phase: 'starting' });
    expect(sent).toContainEqual({ type: 'status', phase: 'downloading', loaded: 30, total: 30 });
  });

  it('sends nothing once the load is over, though the count goes on', async () => {
    const { response, write, end } = streamedResponse();
    // A worker handed a compiled wasm fetches the wasm but never reads it.
    const sent = await progressOf(response, () => fetch(WASM_URL));
    const before = sent.length;
    write(30);
    end();
    await settle();
    expect(sent).toHaveLength(before);
  });

  it('says which file could not be downloaded', async () => {
    const sent = await progressOf(new Response('', { status: 404 }), () => fetch(WASM_URL));
    expect(sent).toEqual([
      {
        type: 'failed',
        message:
          'Python could not be downloaded: pyodide.asm.wasm answered 404. Check the connection, then press Run to try again.',
      },
    ]);
  });
});
