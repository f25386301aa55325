/**
 * How busy a page's main thread is during one run: a probe armed in the page
 * before Run is clicked, and the longest task read from a Chromium trace
 * between the probe's two marks. Used by `bench:responsive`; `bench:output`
 * shares its reading of the trace.
 *
 * The trace (CDP tracing, category `toplevel`) gives every task the
 * renderer's main thread ran with its exact duration; the Long Tasks API
 * reports only tasks over 50 ms, and a gap between animation frames mixes a
 * long task up with frames the compositor chose to skip. The longest gap
 * between frames is still recorded, as what a learner sees as a stall.
 */
import type { Browser, Page } from '@playwright/test';
import { fail } from './benchSession';

/** Names of the user-timing marks the probe leaves in the trace. */
const CLICK_MARK = 'bench:probe:click';
const SETTLED_MARK = 'bench:probe:settled';
/** Trace categories: every task of every thread, and the probe's marks. */
const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];

/** How a run must end for the probe to stop. */
export interface RunEnd {
  /** The status line once the run is over. */
  readonly status: RegExp;
  /** The Output log's last line then; null: whatever it is. */
  readonly lastLine: string | null;
}

/** What the page reports for one run (performance.now() times). */
interface RunProbe {
  readonly clickAt: number;
  /** The first frame after the status line said the run was over (and the last line shown). */
  readonly endedAt: number;
  /** The first frame after SETTLE_MS in which no frame was late by more than LATE_FRAME_MS. */
  readonly settledAt: number;
  readonly longestFrameGap: number;
  readonly status: string;
  readonly lastShown: string;
}

/** What one run measured; times in ms. */
export interface RunFigures {
  /** Longest task on the page's main thread, from the click until the page settled (trace). */
  readonly longestTaskMs: number;
  /** Share of that time the main thread was busy, 0–1 (trace). */
  readonly busyShare: number;
  /** Longest time between two animation frames. */
  readonly longestFrameGapMs: number;
  /** Click to the frame after the status line said the run was over. */
  readonly endMs: number;
  /** Click to the page settled. */
  readonly settledMs: number;
  /** The status line at the end. */
  readonly status: string;
}

// Functions handed to the page are serialized: they must not declare named
// functions or arrow-function variables, which tsx wraps in a `__name` helper
// the page does not have.

/**
 * Arms the page for one run: a capture-phase click listener on Run starts the
 * measures (and marks the trace); once the status line matches the run's end
 * and the log's last line is the program's, the page must then draw frames
 * on time for `settleMs` before the probe ends (the trace's work on the page
 * can outlast the run: the 10^6-callback freeze came after Python finished).
 */
function armProbe({
  elements,
  end,
  marks,
  settleMs,
  lateFrameMs,
  timeoutMs,
}: {
  /** The Run button, the status line and the Output log. */
  elements: (HTMLElement | SVGElement | undefined)[];
  end: { status: string; lastLine: string | null };
  marks: { click: string; settled: string };
  settleMs: number;
  lateFrameMs: number;
  /** Gives up after this long, reporting what the page shows. */
  timeoutMs: number;
}): void {
  const [button, status, log] = elements;
  if (!button || !status || !log) throw new Error('the page lacks Run, its status or its log');
  const ended = new RegExp(end.status);
  const state = {
    clickAt: NaN,
    endedAt: NaN,
    quietSince: NaN,
    lastFrame: NaN,
    longestFrameGap: 0,
    done: false,
    /** The status line has changed since the click: what it says is this run's. */
    changed: false,
  };
  const changes = new MutationObserver(() => {
    if (!Number.isNaN(state.clickAt)) state.changed = true;
  });
  changes.observe(status, { childList: true, subtree: true, characterData: true });
  const shown = { status: '', lastShown: '' };
  const read = { now: null as unknown as () => void };
  read.now = () => {
    shown.status = status.textContent.trim();
    const rows = log.querySelectorAll('.output-text');
    shown.lastShown = rows[rows.length - 1]?.textContent ?? '';
  };
  const frames = {
    next: null as unknown as FrameRequestCallback,
    finish: null as unknown as (settledAt: number, note: string) => void,
  };
  (window as unknown as { __runProbe: Promise<RunProbe> }).__runProbe = new Promise((done) => {
    // Assigned, not declared: tsx would wrap a declared one in `__name`.
    frames.finish = (settledAt, note) => {
      state.done = true;
      changes.disconnect();
      read.now();
      if (!Number.isNaN(settledAt)) performance.mark(marks.settled);
      done({
        clickAt: state.clickAt,
        endedAt: state.endedAt,
        settledAt,
        longestFrameGap: state.longestFrameGap,
        status: `${note}${shown.status}`,
        lastShown: shown.lastShown,
      });
    };
    const timer = setTimeout(() => {
      frames.finish(NaN, `timed out after ${timeoutMs} ms: `);
    }, timeoutMs);
    frames.next = (now) => {
      if (state.done) return;
      const gap = Number.isNaN(state.lastFrame) ? 0 : now - state.lastFrame;
      state.longestFrameGap = Math.max(state.longestFrameGap, gap);
      state.lastFrame = now;
      if (Number.isNaN(state.endedAt)) {
        read.now();
        const over = state.changed && !/^(Running|Stopping|Starting)/.test(shown.status);
        if (over && !ended.test(shown.status)) {
          clearTimeout(timer);
          frames.finish(NaN, 'the run ended otherwise: ');
          return;
        }
        if (
          over &&
          ended.test(shown.status) &&
          (end.lastLine === null || shown.lastShown === end.lastLine)
        ) {
          state.endedAt = now;
          state.quietSince = now;
        }
      } else {
        if (gap > lateFrameMs) state.quietSince = now;
        if (now - state.quietSince >= settleMs) {
          clearTimeout(timer);
          frames.finish(now, '');
          return;
        }
      }
      requestAnimationFrame(frames.next);
    };
  });
  button.addEventListener(
    'click',
    () => {
      state.clickAt = performance.now();
      performance.mark(marks.click);
      requestAnimationFrame(frames.next);
    },
    { capture: true, once: true },
  );
}

/** One complete trace event, as Chromium writes them. */
interface ChromiumTraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  /** Microseconds. */
  readonly ts: number;
  readonly dur?: number;
}

/**
 * The longest task and the busy share of the page's main thread between two
 * user-timing marks of the trace. The marks are recorded on the main thread,
 * so their pid and tid name it. Tasks nested in another (a nested run loop)
 * count once. `bench:output` reads its traces with it too.
 */
export function mainThreadFigures(
  trace: Buffer,
  fromMark: string,
  toMark: string,
): { longestTaskMs: number; busyShare: number } {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as {
    traceEvents: ChromiumTraceEvent[];
  };
  const first = traceEvents.find((event) => event.name === fromMark);
  const last = traceEvents.find((event) => event.name === toMark);
  if (!first || !last) fail('the trace lacks the probe’s marks');
  const [from, to] = [first.ts, last.ts];
  const tasks = traceEvents
    .filter(
      (event) =>
        event.pid === first.pid &&
        event.tid === first.tid &&
        event.ph === 'X' &&
        /(^|::)RunTask$/.test(event.name) &&
        event.ts < to &&
        event.ts + (event.dur ?? 0) > from,
    )
    .sort((a, b) => a.ts - b.ts);
  let longest = 0;
  let busy = 0;
  let coveredUntil = -Infinity;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if (end <= coveredUntil) continue;
    coveredUntil = end;
    longest = Math.max(longest, task.dur ?? 0);
    busy += Math.min(end, to) - Math.max(task.ts, from);
  }
  return { longestTaskMs: longest / 1000, busyShare: busy / (to - from) };
}

export interface ProbeOptions {
  readonly end: RunEnd;
  readonly settleMs: number;
  readonly lateFrameMs: number;
  readonly timeoutMs: number;
}

/**
 * Clicks Run on `page` (the program already in the editor) and measures the
 * run until the page settles. Fails when the run does not end as `end` says
 * within the time-out.
 */
export async function probeRun(
  browser: Browser,
  page: Page,
  what: string,
  options: ProbeOptions,
): Promise<RunFigures> {
  const runButton = page.getByRole('button', { name: 'Run', exact: true });
  // The status line: the one live region without a name of its own (as e2e/fixtures.ts finds it).
  const status = page.getByRole('status').and(page.locator(':not([aria-label])'));
  const log = page.getByRole('log', { name: 'Output' });
  const [button, statusLine, logElement] = await Promise.all(
    [runButton, status, log].map((locator) =>
      locator.elementHandle({ timeout: options.timeoutMs }),
    ),
  );
  await page.evaluate(armProbe, {
    elements: [button, statusLine, logElement],
    end: { status: options.end.status.source, lastLine: options.end.lastLine },
    marks: { click: CLICK_MARK, settled: SETTLED_MARK },
    settleMs: options.settleMs,
    lateFrameMs: options.lateFrameMs,
    timeoutMs: options.timeoutMs,
  });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let run: RunProbe;
  let trace: Buffer;
  try {
    await runButton.click();
    run = await page.evaluate(
      () => (window as unknown as { __runProbe: Promise<RunProbe> }).__runProbe,
    );
  } finally {
    trace = await browser.stopTracing();
  }
  if (Number.isNaN(run.settledAt)) {
    fail(`${what}: ${run.status} (last line "${run.lastShown}")`);
  }
  return {
    ...mainThreadFigures(trace, CLICK_MARK, SETTLED_MARK),
    longestFrameGapMs: run.longestFrameGap,
    endMs: run.endedAt - run.clickAt,
    settledMs: run.settledAt - run.clickAt,
    status: run.status,
  };
}
