/**
 * A timeout that counts only the time the page was awake to see pass.
 *
 * The sandbox's watchdog and its wait for an interrupted Python measure how
 * long a worker had to answer. A plain `setTimeout` counts wall time, and a
 * machine that stalls (a busy virtual machine whose host pauses it, a page
 * whose main thread is held up) lets the deadline pass while no thread ran:
 * on resuming, the page's timer fires before the worker has had the chance
 * to answer, and a Python that was about to answer is restarted as stuck.
 * This one counts in short ticks, and a tick that comes back much later than
 * asked counts as at most `MAX_COUNTED_GAP_MS`.
 */

/** How often the time is counted. */
const TICK_MS = 250;
/**
 * The most one tick counts. A page whose tab is hidden gets its timers about
 * once a second, and that time still counts in full; a longer gap is a stall.
 */
const MAX_COUNTED_GAP_MS = 1000;

/** Calls `callback` once `ms` of awake time have passed; returns the function that cancels it. */
export function setAwakeTimeout(callback: () => void, ms: number): () => void {
  let counted = 0;
  let last = Date.now();
  let timer = setTimeout(tick, Math.min(TICK_MS, ms));

  function tick(): void {
    const now = Date.now();
    // A clock set back counts nothing; one set forward counts as a stall.
    counted += Math.min(Math.max(now - last, 0), MAX_COUNTED_GAP_MS);
    last = now;
    if (counted >= ms) callback();
    else timer = setTimeout(tick, Math.min(TICK_MS, ms - counted));
  }

  return () => {
    clearTimeout(timer);
  };
}
