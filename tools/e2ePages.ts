/**
 * How many pages the end-to-end tests run at once: two when the machine has
 * two cores to spare as they start, else one.
 *
 * A test spends much of its time waiting for Python, the page or a timer, so
 * on a quiet two-core machine two pages take 642 s where one takes 800 s
 * (docs/PERFORMANCE.md). Beside other work they only slow each other: with
 * two CPU hogs running, two pages left a runaway recursion (then a few
 * seconds of CPU before its stack overflowed) to the 8 s watchdog.
 * LOOPSCOPE_E2E_WORKERS sets the number outright.
 */
import { cpus } from 'node:os';

/** How long the machine is watched before choosing. */
const SAMPLE_MS = 1000;

/** Cores' worth of idle time the second page needs. */
const IDLE_FOR_TWO = 1.5;

type CpuTimes = ReturnType<typeof cpus>[number]['times'];

/** How many cores' worth were idle between two readings of every core's times. */
export function idleCoresBetween(before: readonly CpuTimes[], after: readonly CpuTimes[]): number {
  let idle = 0;
  let total = 0;
  after.forEach((times, core) => {
    const earlier = before[core];
    if (!earlier) return;
    const spent = (key: keyof CpuTimes): number => times[key] - earlier[key];
    idle += spent('idle');
    total += spent('idle') + spent('user') + spent('nice') + spent('sys') + spent('irq');
  });
  return total === 0 ? 0 : (idle / total) * after.length;
}

function coreTimes(): CpuTimes[] {
  return cpus().map((cpu) => cpu.times);
}

/** The pages at once for this many idle cores. */
export function pagesFor(idleCores: number): number {
  return idleCores >= IDLE_FOR_TWO ? 2 : 1;
}

/**
 * Watches the machine for a second (the config loads synchronously) and
 * chooses. The choice goes into LOOPSCOPE_E2E_WORKERS, so that Playwright's
 * worker processes, which load the config again, inherit it without waiting.
 */
export function chooseE2ePages(): number {
  const chosen = process.env.LOOPSCOPE_E2E_WORKERS;
  if (chosen !== undefined) return Number(chosen);
  const before = coreTimes();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SAMPLE_MS);
  const pages = pagesFor(idleCoresBetween(before, coreTimes()));
  process.env.LOOPSCOPE_E2E_WORKERS = String(pages);
  return pages;
}
