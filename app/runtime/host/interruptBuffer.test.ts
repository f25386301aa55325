import { describe, expect, it } from 'vitest';
import { SIGINT } from '../protocol';
import { raceFreeInterruptSlot, type InterruptSlot } from './interruptBuffer';

function sharedSlot(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/**
 * CPython's Emscripten signal check, step by step as it does it: a read of
 * the slot, then a write of 0. `between` runs where another thread may run.
 */
function checkSignals(slot: InterruptSlot, between: () => void = () => undefined): number {
  const signal = slot[0];
  between();
  slot[0] = 0;
  return signal;
}

describe('raceFreeInterruptSlot', () => {
  it('hands a stored SIGINT to the check once, and clears it', () => {
    const buffer = sharedSlot();
    const slot = raceFreeInterruptSlot(buffer);
    expect(checkSignals(slot)).toBe(0);
    Atomics.store(buffer, 0, SIGINT);
    expect(checkSignals(slot)).toBe(SIGINT);
    expect(Atomics.load(buffer, 0)).toBe(0);
    expect(checkSignals(slot)).toBe(0);
  });

  it('keeps a SIGINT stored between the check reading the slot and clearing it', () => {
    const buffer = sharedSlot();
    const slot = raceFreeInterruptSlot(buffer);
    const missed = checkSignals(slot, () => Atomics.store(buffer, 0, SIGINT));
    expect(missed).toBe(0);
    expect(Atomics.load(buffer, 0)).toBe(SIGINT);
    expect(checkSignals(slot)).toBe(SIGINT);
  });

  it("lets a read that does not clear (Pyodide's checkInterrupt) leave the signal for the check", () => {
    const buffer = sharedSlot();
    const slot = raceFreeInterruptSlot(buffer);
    Atomics.store(buffer, 0, SIGINT);
    expect(slot[0]).toBe(SIGINT);
    expect(checkSignals(slot)).toBe(SIGINT);
  });
});
