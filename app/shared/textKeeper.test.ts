import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTextStorage, type SaveOutcome } from '../platform/browserStorage';
import { memoryStorage } from '../platform/memoryStorage';
import { createTextKeeper, keepingOf, SAVE_DELAY_MS, type KeepingState } from './textKeeper';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A keeper whose writes answer `outcome`, noting each write and each report. */
function keeperAnswering(outcome: SaveOutcome) {
  const writes: number[] = [];
  const reports: KeepingState[] = [];
  let text = 0;
  const keeper = createTextKeeper(
    () => {
      writes.push(text);
      return outcome;
    },
    (keeping) => reports.push(keeping),
    {},
  );
  const change = () => {
    text += 1;
    keeper.changed();
  };
  return { keeper, change, writes, reports };
}

describe('keeping a text', () => {
  it('writes once the changes stop for a while, the text as it is by then', () => {
    const { change, writes, reports } = keeperAnswering('saved');
    change();
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    change();
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([2]);
    expect(reports).toEqual(['kept']);
    vi.runAllTimers();
    expect(writes).toEqual([2]);
  });

  it('writes a waiting change at once when flushed, and nothing when none waits', () => {
    const { keeper, change, writes } = keeperAnswering('saved');
    keeper.flush();
    expect(writes).toEqual([]);
    change();
    keeper.flush();
    expect(writes).toEqual([1]);
    vi.runAllTimers();
    expect(writes).toEqual([1]);
  });

  it('forgets a waiting change when cancelled', () => {
    const { keeper, change, writes, reports } = keeperAnswering('saved');
    change();
    keeper.cancel();
    vi.runAllTimers();
    keeper.flush();
    expect(writes).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('reports a write that storage refused, as full or unavailable', () => {
    for (const outcome of ['full', 'unavailable'] as const) {
      const { change, reports } = keeperAnswering(outcome);
      change();
      vi.runAllTimers();
      expect(reports).toEqual([outcome]);
    }
  });

  it('starts kept, unless the browser gives the page no storage', () => {
    expect(keepingOf(createTextStorage(memoryStorage()))).toBe('kept');
    expect(keepingOf(createTextStorage(null))).toBe('unavailable');
  });
});
