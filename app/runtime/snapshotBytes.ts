/**
 * The memory snapshot from its response, unpacked while its bytes arrive.
 *
 * The build ships the memory without its long runs of zeros
 * (host/snapshotHoles.ts), gzipped: 6 MB for 30 MB. Reading all of it and
 * then un-gzipping took two turns of ~160 ms each on a warm visit; piped
 * through `DecompressionStream`, each chunk is unpacked and put in its place
 * as soon as it is read. A host may also have decoded the gzip on the way (a
 * server that sends it with `Content-Encoding: gzip`), so the first bytes
 * decide.
 */
import { concatBytes } from '../shared/bytes';
import { HoleFiller } from './host/snapshotHoles';

/** The first two bytes of a gzip stream. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** The interpreter's memory. Rejects when the response is not a success or not a whole snapshot. */
export async function readSnapshot(response: Response): Promise<ArrayBuffer> {
  if (!response.ok || response.body === null) {
    throw new Error(`the snapshot answered ${response.status}`);
  }
  const reader = response.body.getReader();
  const head = await readHead(reader, GZIP_MAGIC.length);
  const body = prepended(head, reader);
  const gzipped = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  const file = (gzipped ? body.pipeThrough(new DecompressionStream('gzip')) : body).getReader();
  const filler = new HoleFiller();
  for (;;) {
    const { done, value } = await file.read();
    if (done) return filler.finish();
    filler.push(value);
  }
}

/** At least `length` bytes from the start of `reader`, or all of them when there are fewer. */
async function readHead(
  reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  let head = new Uint8Array(0);
  while (head.length < length) {
    const { done, value } = await reader.read();
    if (done) break;
    head = concatBytes(head, value);
  }
  return head;
}

/** `head`, then what is left in `reader`, as one stream. */
function prepended(
  head: Uint8Array<ArrayBuffer>,
  reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      if (head.length > 0) controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
