import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from './snapshotBytes';

/** Bytes that do not start as gzip does, and do not pack into one tiny block. */
const SNAPSHOT = Uint8Array.from({ length: 100_000 }, (_, index) => (index * 7919) % 251);

/** A response whose body arrives in chunks of `size` bytes. */
function chunked(bytes: Uint8Array, size: number, status = 200): Response {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
  return new Response(body, { status });
}

async function read(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await readSnapshot(response));
}

describe('readSnapshot', () => {
  it.each([1, 2, 3, 64 * 1024])(
    'unpacks a gzipped snapshot arriving %i bytes at a time',
    async (size) => {
      expect(await read(chunked(gzipSync(SNAPSHOT), size))).toEqual(SNAPSHOT);
    },
  );

  it('takes a snapshot the host has unpacked already as it is', async () => {
    expect(await read(chunked(SNAPSHOT, 1))).toEqual(SNAPSHOT);
    expect(await read(chunked(SNAPSHOT, 4096))).toEqual(SNAPSHOT);
  });

  it('does not take a first byte of gzip alone for gzip', async () => {
    const almost = Uint8Array.from([0x1f, 0x00, 1, 2, 3]);
    expect(await read(chunked(almost, 1))).toEqual(almost);
  });

  it('reads an empty or one-byte body as it is', async () => {
    expect(await read(chunked(new Uint8Array(0), 1))).toEqual(new Uint8Array(0));
    expect(await read(chunked(Uint8Array.from([0x1f]), 1))).toEqual(Uint8Array.from([0x1f]));
  });

  it('rejects a gzip stream cut short', async () => {
    const packed = gzipSync(SNAPSHOT);
    await expect(read(chunked(packed.subarray(0, packed.length >> 1), 4096))).rejects.toThrow();
  });

  it('rejects an answer that is not a success', async () => {
    await expect(read(chunked(gzipSync(SNAPSHOT), 4096, 404))).rejects.toThrow(
      'the snapshot answered 404',
    );
  });
});
