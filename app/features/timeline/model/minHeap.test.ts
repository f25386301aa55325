import { describe, expect, it } from 'vitest';
import { createMinHeap } from './minHeap';

describe('the min-heap', () => {
  it('gives its items back least first, whatever order they came in', () => {
    const heap = createMinHeap<number>((a, b) => a < b);
    const items = [5, 3, 9, 1, 7, 3, 8, 2, 6, 0, 4];
    for (const item of items) heap.push(item);
    expect(heap.size).toBe(items.length);
    expect(heap.peek()).toBe(0);
    const out: number[] = [];
    for (let item = heap.pop(); item !== undefined; item = heap.pop()) out.push(item);
    expect(out).toEqual([...items].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });

  it('drains what is left', () => {
    const heap = createMinHeap<number>((a, b) => a < b);
    for (const item of [4, 1, 3]) heap.push(item);
    expect(heap.drain().sort()).toEqual([1, 3, 4]);
    expect(heap.size).toBe(0);
  });
});
