import { describe, expect, it } from 'vitest';
import { foldAppended, foldSettled } from './foldAppended';

/** A fold that sums numbers and notes every index it was handed. */
function summing() {
  const visited: number[] = [];
  const sum = foldAppended<number, { total: number }>(
    () => ({ total: 0 }),
    (result, item, index) => {
      result.total += item;
      visited.push(index);
    },
  );
  return { sum, visited };
}

describe('a fold over a growing array', () => {
  it('reads only the items appended since the last call', () => {
    const { sum, visited } = summing();
    const items = [1, 2, 3];
    expect(sum(items).total).toBe(6);
    items.push(10, 20);
    expect(sum(items).total).toBe(36);
    expect(sum(items).total).toBe(36);
    expect(visited).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives the same result object on every call for an array', () => {
    const { sum } = summing();
    const items = [1];
    const first = sum(items);
    items.push(2);
    expect(sum(items)).toBe(first);
  });

  it('starts afresh for a different array, and keeps each apart', () => {
    const { sum, visited } = summing();
    const first = [1, 2];
    const second = [100];
    expect(sum(first).total).toBe(3);
    expect(sum(second).total).toBe(100);
    first.push(3);
    expect(sum(first).total).toBe(6);
    expect(visited).toEqual([0, 1, 0, 2]);
  });

  it('ends where a full reading of the array would, however it grew', () => {
    const events = Array.from({ length: 50 }, (_, index) => (index * 7) % 11);
    const { sum } = summing();
    const growing: number[] = [];
    for (let from = 0; from < events.length; from += 1 + (from % 4)) {
      growing.push(...events.slice(from, from + 1 + (from % 4)));
      sum(growing);
    }
    const { sum: fresh } = summing();
    expect(sum(growing)).toEqual(fresh([...events]));
    expect(sum(growing).total).toBe(events.reduce((a, b) => a + b, 0));
  });

  it('hands the context to the start and to every step', () => {
    const seen: string[] = [];
    const label = foldAppended<number, string[], string>(
      (context) => [`start ${context}`],
      (result, item, index, context) => {
        result.push(`${context}[${index}]=${item}`);
        seen.push(context);
      },
    );
    expect(label([5, 6], 'a')).toEqual(['start a', 'a[0]=5', 'a[1]=6']);
    expect(seen).toEqual(['a', 'a']);
  });
});

describe('a fold over a growing array whose last items may still change', () => {
  /** Sums the items that are settled: `{ value }`, with `value` null while it may change. */
  function settledSum() {
    const visited: number[] = [];
    const sum = foldSettled<{ value: number | null }, { total: number }>(
      () => ({ total: 0 }),
      (result, item, index) => {
        result.total += item.value ?? 0;
        visited.push(index);
      },
      (item) => item.value !== null,
    );
    return { sum, visited };
  }

  it('stops at the first item that may change, and says how far it read', () => {
    const { sum, visited } = settledSum();
    const items: { value: number | null }[] = [{ value: 1 }, { value: null }, { value: 5 }];
    expect(sum(items)).toEqual({ read: 1, result: { total: 1 } });
    // Once settled, it is read, and so is what came after it.
    const open = items[1];
    if (open) open.value = 2;
    items.push({ value: null });
    expect(sum(items)).toEqual({ read: 3, result: { total: 8 } });
    expect(visited).toEqual([0, 1, 2]);
  });
});
