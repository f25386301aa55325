import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAwakeTimeout } from './awakeTimeout';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('setAwakeTimeout', () => {
  it('fires once its time has passed, not before', () => {
    const fired = vi.fn();
    setAwakeTimeout(fired, 5000);
    vi.advanceTimersByTime(4999);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_000);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('fires at its time when that is not a whole number of ticks', () => {
    const fired = vi.fn();
    setAwakeTimeout(fired, 1100);
    vi.advanceTimersByTime(1099);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('never fires once cancelled', () => {
    const fired = vi.fn();
    const cancel = setAwakeTimeout(fired, 1000);
    vi.advanceTimersByTime(500);
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(fired).not.toHaveBeenCalled();
  });

  it('counts a stall of the whole machine as at most a second', () => {
    const fired = vi.fn();
    setAwakeTimeout(fired, 5000);
    vi.advanceTimersByTime(1000);
    // Nothing ran for 30 s (the clock moved on, no timer fired), then the
    // page woke: the wait is not over, the worker gets its time.
    vi.setSystemTime(Date.now() + 30_000);
    vi.advanceTimersByTime(250);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2999);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('counts nothing for a clock set back', () => {
    const fired = vi.fn();
    setAwakeTimeout(fired, 1000);
    vi.advanceTimersByTime(500);
    vi.setSystemTime(Date.now() - 60_000);
    // The tick that saw the clock go back counted nothing: 250 ms are lost.
    vi.advanceTimersByTime(749);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
  });
});
