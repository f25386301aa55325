/**
 * The memory snapshot's file layout: the interpreter's memory without its
 * long runs of zeros, which the file then gzips.
 *
 * Half of the 30 MB snapshot is zeros, in two runs of 10 and 5 MB. Gzip
 * packs them into almost nothing, but un-gzipping still writes every zero
 * byte: 155 ms for the whole file in Chromium, and Python's zlib took half
 * the time without them. So the file holds only the memory's other parts,
 * each after where it goes, and the reader writes them into zeroed memory.
 *
 *     "LSHOLES1"  total length (u32)  part count (u32)
 *     per part: offset (u32), length (u32)      in order, not overlapping
 *     the parts' bytes, one after the other
 *
 * Numbers are little-endian. Plain TypeScript: the build packs (Node), the
 * sandbox worker unpacks.
 */
import { concatBytes } from '../../shared/bytes.ts';

const MAGIC = 'LSHOLES1';
const HEADER_BYTES = MAGIC.length + 8;
const PART_BYTES = 8;
/** Zeros are left out in whole pages, and only in runs of at least this many. */
const PAGE = 4096;
const SHORTEST_HOLE_PAGES = 16;
/** More than a snapshot ever has (it has a handful): a header asking for more is not one. */
const MOST_PARTS = 1 << 16;

interface Part {
  readonly offset: number;
  readonly length: number;
}

/** Whether the page of `memory` that starts at `start` holds only zeros. */
function zeroPage(memory: Uint8Array, start: number): boolean {
  const end = Math.min(start + PAGE, memory.length);
  for (let i = start; i < end; i++) if (memory[i] !== 0) return false;
  return true;
}

/** The parts of `memory` outside its long runs of zero pages. */
function partsOf(memory: Uint8Array): Part[] {
  const parts: Part[] = [];
  let partStart = 0;
  let page = 0;
  while (page * PAGE < memory.length) {
    let zeros = 0;
    while ((page + zeros) * PAGE < memory.length && zeroPage(memory, (page + zeros) * PAGE)) {
      zeros++;
    }
    if (zeros >= SHORTEST_HOLE_PAGES) {
      const holeStart = page * PAGE;
      if (holeStart > partStart) parts.push({ offset: partStart, length: holeStart - partStart });
      partStart = Math.min((page + zeros) * PAGE, memory.length);
    }
    page += Math.max(zeros, 1);
  }
  if (partStart < memory.length) {
    parts.push({ offset: partStart, length: memory.length - partStart });
  }
  return parts;
}

/** `memory` laid out as the snapshot file holds it, before gzip. */
export function withoutHoles(memory: Uint8Array): Uint8Array {
  const parts = partsOf(memory);
  const headerLength = HEADER_BYTES + parts.length * PART_BYTES;
  const kept = parts.reduce((sum, part) => sum + part.length, 0);
  const file = new Uint8Array(headerLength + kept);
  const view = new DataView(file.buffer);
  file.set(new TextEncoder().encode(MAGIC));
  view.setUint32(MAGIC.length, memory.length, true);
  view.setUint32(MAGIC.length + 4, parts.length, true);
  let at = headerLength;
  parts.forEach((part, index) => {
    view.setUint32(HEADER_BYTES + index * PART_BYTES, part.offset, true);
    view.setUint32(HEADER_BYTES + index * PART_BYTES + 4, part.length, true);
    file.set(memory.subarray(part.offset, part.offset + part.length), at);
    at += part.length;
  });
  return file;
}

/** Rebuilds the memory from the file's bytes as they arrive, in chunks of any size. */
export class HoleFiller {
  private header = new Uint8Array(0);
  private parts: Part[] | null = null;
  private memory: Uint8Array<ArrayBuffer> | null = null;
  private part = 0;
  private written = 0;

  push(chunk: Uint8Array): void {
    let rest = chunk;
    if (this.parts === null) {
      const after = this.readHeader(chunk);
      if (after === null) return;
      rest = after;
    }
    const { parts, memory } = this;
    if (parts === null || memory === null) return;
    while (rest.length > 0) {
      const part = parts[this.part];
      if (part === undefined) throw new Error('the snapshot runs on past its parts');
      const take = Math.min(part.length - this.written, rest.length);
      memory.set(rest.subarray(0, take), part.offset + this.written);
      rest = rest.subarray(take);
      this.written += take;
      if (this.written === part.length) {
        this.part++;
        this.written = 0;
      }
    }
  }

  /** The whole memory; throws when the file ended before its parts did. */
  finish(): ArrayBuffer {
    if (this.memory === null || this.parts === null || this.part < this.parts.length) {
      throw new Error('the snapshot is cut short');
    }
    return this.memory.buffer;
  }

  /** Takes the header from the start of the file; returns what follows it in `chunk`, or null until it is whole. */
  private readHeader(chunk: Uint8Array): Uint8Array | null {
    const joined = concatBytes(this.header, chunk);
    this.header = joined;
    if (joined.length < HEADER_BYTES) return null;
    if (new TextDecoder().decode(joined.subarray(0, MAGIC.length)) !== MAGIC) {
      throw new Error('the snapshot is not laid out as this build lays it out');
    }
    const view = new DataView(joined.buffer, joined.byteOffset, joined.byteLength);
    const total = view.getUint32(MAGIC.length, true);
    const count = view.getUint32(MAGIC.length + 4, true);
    if (count > MOST_PARTS) throw new Error('the snapshot has too many parts');
    const headerLength = HEADER_BYTES + count * PART_BYTES;
    if (joined.length < headerLength) return null;
    const parts: Part[] = [];
    let end = 0;
    for (let index = 0; index < count; index++) {
      const offset = view.getUint32(HEADER_BYTES + index * PART_BYTES, true);
      const length = view.getUint32(HEADER_BYTES + index * PART_BYTES + 4, true);
      if (offset < end || length === 0 || offset + length > total) {
        throw new Error('the snapshot has a part out of place');
      }
      parts.push({ offset, length });
      end = offset + length;
    }
    this.parts = parts;
    this.memory = new Uint8Array(total);
    this.header = new Uint8Array(0);
    return joined.subarray(headerLength);
  }
}
