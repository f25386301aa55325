import { describe, expect, it } from 'vitest';
import { HoleFiller, withoutHoles } from './snapshotHoles';

const PAGE = 4096;

/** Memory of `pages` pages, zero except where `fill` says. */
function memory(pages: number, fill: (page: number) => boolean, tail = 0): Uint8Array {
  const bytes = new Uint8Array(pages * PAGE + tail);
  for (let page = 0; page < pages; page++) {
    if (fill(page)) bytes.fill((page % 250) + 1, page * PAGE, (page + 1) * PAGE);
  }
  bytes.fill(9, pages * PAGE);
  return bytes;
}

/** The memory `file` rebuilds, arriving `size` bytes at a time. */
function rebuilt(file: Uint8Array, size: number): Uint8Array {
  const filler = new HoleFiller();
  for (let at = 0; at < file.length; at += size) filler.push(file.subarray(at, at + size));
  return new Uint8Array(filler.finish());
}

describe('withoutHoles and HoleFiller', () => {
  it.each([
    ['a hole in the middle', memory(64, (page) => page < 8 || page > 40)],
    ['holes at both ends', memory(80, (page) => page > 20 && page < 50)],
    ['only zeros', memory(40, () => false)],
    ['no zeros', memory(20, () => true)],
    ['short runs of zeros, kept', memory(60, (page) => page % 10 !== 0)],
    ['a length that is not whole pages', memory(50, (page) => page < 4, 123)],
  ])('rebuild the memory exactly: %s', (_what, bytes) => {
    const file = withoutHoles(bytes);
    for (const size of [1, 7, PAGE, file.length]) {
      // Compared whole: an element-wise comparison of this much takes seconds.
      expect(Buffer.compare(rebuilt(file, size), bytes)).toBe(0);
    }
  });

  it('leave the long runs of zeros out of the file', () => {
    const bytes = memory(100, (page) => page < 10);
    expect(withoutHoles(bytes).length).toBeLessThan(11 * PAGE);
  });

  it('refuse a file that is not laid out this way', () => {
    const filler = new HoleFiller();
    expect(() => {
      filler.push(new TextEncoder().encode('\u0000snp and the rest of a snapshot'));
    }).toThrow('not laid out as this build lays it out');
  });

  it('refuse a file cut short, or running on', () => {
    const file = withoutHoles(memory(40, (page) => page < 5 || page > 30));
    expect(() => rebuilt(file.subarray(0, file.length - 1), PAGE)).toThrow('cut short');
    expect(() => rebuilt(file.subarray(0, 10), PAGE)).toThrow('cut short');
    const longer = new Uint8Array(file.length + 1);
    longer.set(file);
    expect(() => rebuilt(longer, PAGE)).toThrow('runs on past its parts');
  });

  it('refuse parts out of place', () => {
    const file = withoutHoles(memory(40, (page) => page < 5 || page > 30));
    const view = new DataView(file.buffer);
    // The second part made to start inside the first.
    view.setUint32(16 + 8, 0, true);
    expect(() => rebuilt(file, PAGE)).toThrow('part out of place');
  });
});
