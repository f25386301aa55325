import { describe, expect, it } from 'vitest';
import { foldAppended } from './foldAppended';

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
