/**
 * The interrupt buffer as Pyodide should read it when another thread writes
 * it. Plain code: no Node, DOM or Pyodide here.
 *
 * CPython's check for an Emscripten signal (`_Py_CheckEmscriptenSignals_Helper`,
 * run every 50 eval-breaker checks of a running program) reads the buffer's
 * slot, then writes 0 to it: two steps, not one exchange. A SIGINT stored by
 * the page or a watchdog thread between the two is overwritten and lost:
 * Python never hears the Stop, and the host has to restart it. In a busy
 * loop the check runs all the time: in Node, 56 of 1,500 Stops were lost
 * so. Pyodide reads and writes the slot as `buffer[0]`, so this view does
 * each step with an atomic operation, and clears the slot only while it
 * still holds the value the check read.
 */

/** What Pyodide touches of an interrupt buffer: its first slot. */
export interface InterruptSlot {
  0: number;
}

/** A view of `buffer` whose read-then-clear cannot lose a signal stored in between. */
export function raceFreeInterruptSlot(buffer: Int32Array): InterruptSlot {
  let read = 0;
  return {
    get 0() {
      read = Atomics.load(buffer, 0);
      return read;
    },
    set 0(value: number) {
      Atomics.compareExchange(buffer, 0, read, value);
    },
  };
}
