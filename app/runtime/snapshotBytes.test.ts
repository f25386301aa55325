import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withoutHoles } from './host/snapshotHoles';
import { readSnapshot } from './snapshotBytes';

/** Memory that does not pack into one tiny block, with a long run of zeros left out of its file. */
const MEMORY = Uint8Array.from({ length: 300_000 }, (_, index) =>
  index > 100_000 && index < 200_000 ? 0 : (index * 7919) % 251,
);
/** The file as the build lays it out, before gzip. */
const SNAPSHOT = withoutHoles(MEMORY);

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

/** Compared whole: an element-wise comparison of this much takes a second. */
function expectMemory(bytes: Uint8Array): void {
  expect(Buffer.compare(bytes, MEMORY)).toBe(0);
}

describe('readSnapshot', () => {
  it.each([1, 2, 3, 64 * 1024])(
    'unpacks a gzipped snapshot arriving %i bytes at a time',
    async (size) => {
      expectMemory(await read(chunked(gzipSync(SNAPSHOT), size)));
    },
  );

  it('takes a snapshot the host has unpacked already as it is', async () => {
    expectMemory(await read(chunked(SNAPSHOT, 1)));
    expectMemory(await read(chunked(SNAPSHOT, 4096)));
  });

  it('does not take a first byte of gzip alone for gzip', async () => {
    const almost = Uint8Array.from({ length: 64 }, (_, index) => (index === 0 ? 0x1f : index));
    await expect(read(chunked(almost, 1))).rejects.toThrow(
      'not laid out as this build lays it out',
    );
  });

  it('rejects an empty or one-byte body', async () => {
    await expect(read(chunked(new Uint8Array(0), 1))).rejects.toThrow('cut short');
    await expect(read(chunked(Uint8Array.from([0x1f]), 1))).rejects.toThrow('cut short');
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
