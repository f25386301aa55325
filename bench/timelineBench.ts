/**
 * `npm run bench:timeline`: what drawing a run's timeline costs, in headless
 * Debian Chromium.
 *
 *  1. Generated traces of 10^4, 10^5 and 10^6 events (tools/trace/
 *     syntheticTrace.ts, about √events tasks) on a harness page built here
 *     with Vite (bench/timeline/: the real TimelineView over the real model
 *     builder, on the app's theme):
 *     - first paint: from just before the model is built (the trace is
 *       generated first, not timed) to the end of the first frame in which
 *       the canvas drew; the model's build on its own;
 *     - pan and zoom: one synthetic wheel event per frame (shift-less
 *       sideways deltas pan, ctrl + wheel zooms, as attachTimelineInput.ts
 *       reads them), FRAMES frames each; a frame's time runs from its first
 *       animation-frame callback to its end (a message posted from a
 *       callback, handled after the frame's rendering). Median and 95th
 *       percentile;
 *     - the JS heap after the first paint (after a garbage collection), and
 *       whether the page survived (no crash, every frame measured).
 *  2. The 10,000-task program on the built site (served from a sub-path with
 *     COOP/COEP): pasted into the editor once Python is ready, Run clicked;
 *     from the click (a capture-phase listener on the button) to the end of
 *     the last frame in which the timeline canvas drew, once the status line
 *     says "Finished" and the canvas has then been quiet for QUIET_MS. (The
 *     batch holding the run's end is often drawn just before the status line
 *     changes, so "the first frame that drew after Finished" may never come.)
 *     Also the worker's own time, from that status line.
 *
 * Drawing is detected by wrapping two 2D-context methods in an init script
 * (bench/timeline/frameProbe.ts); the app carries no instrumentation.
 * Rounds (`BENCH_ROUNDS`, default 5) after one uncounted warm-up; medians,
 * and every round's figures, since these machines are noisy.
 */
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { build } from 'vite';
import {
  buildSite,
  collectPageErrors,
  launchChromium,
  pageFailure,
  pasteProgram,
  repoRoot,
  SUB_PATH,
} from './benchBrowser';
import { fail, startBenchSession } from './benchSession';
import { median } from './median';
import { percentile } from './percentile';
import { startServer } from './staticServer';
import { installFrameProbe, TIMELINE_CANVAS, type FrameProbe } from './timeline/frameProbe';
import type {
  FirstPaint,
  FrameTimes,
  TimelineHarness,
  WheelStep,
} from './timeline/timelineHarness';

const session = startBenchSession('bench:timeline');
const { rounds: ROUNDS, progress } = session;

/** Events in the generated traces. */
const SIZES = [10_000, 100_000, 1_000_000] as const;
/** Frames of pan and of zoom measured per page. */
const FRAMES = 120;
/** The harness's folder under the sub-path. */
const HARNESS_DIR = '__bench-timeline/';
/** The window the pages are drawn in, in CSS pixels. */
const VIEWPORT = { width: 1280, height: 800 };
/** Longest wait for any one state (Python ready, a run's end, a page's frames). */
const STATE_TIMEOUT_MS = 120_000;
/** After "Finished", the canvas counts as done once it has not drawn for this long… */
const QUIET_MS = 1000;
/** …or this long after "Finished" at the most. */
const DRAW_AFTER_FINISH_MS = 10_000;

/** Targets from the timeline issue. */
const TARGET = { paint100kMs: 300, frameP95Ms: 16, runPaintedMs: 1500 } as const;

const PROGRAM = `import asyncio

async def work(n):
    await asyncio.sleep(n % 10 / 10)
    return n

async def main():
    results = await asyncio.gather(*(work(n) for n in range(10_000)))
    print(len(results), "tasks done")

asyncio.run(main())
`;
const PROGRAM_OUTPUT = '10000 tasks done';

/**
 * Zoom: in by ~1.105x a frame for half the frames (ctrl + wheel, as a
 * trackpad's pinch arrives), then out again, at the canvas's middle.
 */
const ZOOM_STEPS: readonly WheelStep[] = Array.from({ length: FRAMES }, (_, frame) => ({
  deltaX: 0,
  deltaY: frame < FRAMES / 2 ? -10 : 10,
  ctrlKey: true,
  shiftKey: false,
}));
/** Before panning (not timed): zoomed in ~20x at the middle, so there is room to pan. */
const PAN_ZOOM: WheelStep = { deltaX: 0, deltaY: -300, ctrlKey: true, shiftKey: false };
/** Pan: a sideways swipe of 40 px a frame, right for half the frames, then back. */
const PAN_STEPS: readonly WheelStep[] = Array.from({ length: FRAMES }, (_, frame) => ({
  deltaX: frame < FRAMES / 2 ? 40 : -40,
  deltaY: 0,
  ctrlKey: false,
  shiftKey: false,
}));

// -- Building the harness ----------------------------------------------------------------

async function buildHarness(): Promise<string> {
  const outDir = join(session.scratch, 'harness');
  progress(`building the harness into ${outDir}`);
  await build({
    root: join(repoRoot, 'bench', 'timeline'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

// -- One generated trace ------------------------------------------------------------------

interface TraceRound {
  readonly events: number;
  readonly first: FirstPaint;
  /** Used JS heap after the first paint and a garbage collection. */
  readonly heapBytes: number;
  readonly pan: FrameTimes;
  readonly zoom: FrameTimes;
}

/** Runs `task`, or fails after `ms` saying what it was. */
async function within<T>(ms: number, what: string, task: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what} took over ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([task, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Opens `url` in a new page with the frame probe installed, measures it with `measure`, closes it. */
async function withProbedPage<T>(
  context: BrowserContext,
  url: string,
  what: string,
  measure: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  page.on('crash', () => errors.push('the page crashed'));
  try {
    await page.addInitScript(installFrameProbe, TIMELINE_CANVAS);
    await page.goto(url);
    return await measure(page);
  } catch (error) {
    throw pageFailure(what, error, errors);
  } finally {
    await page.close();
  }
}

async function measureTrace(browser: Browser, url: string, events: number): Promise<TraceRound> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    return await withProbedPage(
      context,
      url,
      `${events.toLocaleString('en')} events on the harness`,
      (page) => measureHarness(page, events),
    );
  } finally {
    await context.close();
  }
}

async function measureHarness(page: Page, events: number): Promise<TraceRound> {
  await page.waitForFunction(() => 'timelineHarness' in window);
  const generated = await page.evaluate(
    ([events, tasks]) =>
      (window as unknown as { timelineHarness: TimelineHarness }).timelineHarness.generate(
        events,
        tasks,
      ),
    [events, Math.round(Math.sqrt(events))] as const,
  );
  const first = await within(
    STATE_TIMEOUT_MS,
    'the first paint',
    page.evaluate(() =>
      (window as unknown as { timelineHarness: TimelineHarness }).timelineHarness.paint(),
    ),
  );
  const heapBytes = await usedHeap(page);
  const frames = (steps: readonly WheelStep[]): Promise<FrameTimes> =>
    within(
      STATE_TIMEOUT_MS,
      `${steps.length} frames`,
      page.evaluate(
        (steps) =>
          (window as unknown as { timelineHarness: TimelineHarness }).timelineHarness.frames(steps),
        steps,
      ),
    );
  const zoom = await frames(ZOOM_STEPS);
  await page.evaluate(
    (step) =>
      (window as unknown as { timelineHarness: TimelineHarness }).timelineHarness.wheel(step),
    PAN_ZOOM,
  );
  const pan = await frames(PAN_STEPS);
  return { events: generated, first, heapBytes, pan, zoom };
}

// -- The 10,000-task program on the site ----------------------------------------------------

interface ProgramRun {
  /**
   * Click to the end of the canvas's last drawing frame, once it has been
   * quiet for QUIET_MS after "Finished"; null: it never drew.
   */
  readonly paintedMs: number | null;
  /** Click to the status line saying "Finished". */
  readonly finishedMs: number;
  /** The worker's own time, from the status line. */
  readonly workerMs: number;
  /** Whether the site has a timeline canvas at all. */
  readonly canvas: boolean;
}

/** What the page reports for one run (performance.now() times). */
interface RunProbe {
  readonly clickAt: number;
  readonly finishedAt: number;
  /** The end of the last frame in which the canvas drew; NaN: none. */
  readonly drawnFrameEnd: number;
  readonly status: string;
}

async function measureRun(page: Page): Promise<ProgramRun> {
  // The status line: the other live regions (the editor's problems, the run's warning) are named.
  const status = page.getByRole('status').and(page.locator(':not([aria-label])'));
  await status.filter({ hasText: /^Ready$/ }).waitFor({ timeout: STATE_TIMEOUT_MS });
  await pasteProgram(page, PROGRAM, STATE_TIMEOUT_MS);
  const runButton = page.getByRole('button', { name: 'Run', exact: true });
  await page.evaluate(
    ({ button, status, drawWaitMs, quietMs }) => {
      const probe = (window as unknown as { __timelineFrameProbe: FrameProbe })
        .__timelineFrameProbe;
      const state = { clickAt: NaN, drawnFrameEnd: NaN };
      button.addEventListener(
        'click',
        () => {
          state.clickAt = performance.now();
          probe.watchDrawnFrames((end) => {
            state.drawnFrameEnd = end;
            return true;
          });
        },
        { capture: true, once: true },
      );
      (window as unknown as { __runProbe: Promise<RunProbe> }).__runProbe = new Promise((done) => {
        const observer = new MutationObserver(() => {
          const text = status.textContent.trim();
          if (Number.isNaN(state.clickAt) || !text.startsWith('Finished')) return;
          observer.disconnect();
          const finishedAt = performance.now();
          // The last batch (with the run's end) may be drawn before or after
          // the status changes: wait until the canvas has been quiet a while.
          const poll = setInterval(() => {
            const now = performance.now();
            const drewAt = Number.isNaN(state.drawnFrameEnd) ? finishedAt : state.drawnFrameEnd;
            const quietFor = now - Math.max(finishedAt, drewAt);
            if (quietFor < quietMs && now - finishedAt < drawWaitMs) return;
            clearInterval(poll);
            done({
              clickAt: state.clickAt,
              finishedAt,
              drawnFrameEnd: state.drawnFrameEnd,
              status: text,
            });
          }, 50);
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      });
    },
    {
      button: await runButton.elementHandle({ timeout: STATE_TIMEOUT_MS }),
      status: await status.elementHandle({ timeout: STATE_TIMEOUT_MS }),
      drawWaitMs: DRAW_AFTER_FINISH_MS,
      quietMs: QUIET_MS,
    },
  );
  await runButton.click();
  const run = await within(
    STATE_TIMEOUT_MS,
    'the run',
    page.evaluate(() => (window as unknown as { __runProbe: Promise<RunProbe> }).__runProbe),
  );
  const output = (await page.getByRole('log', { name: 'Output' }).textContent()) ?? '';
  if (!output.includes(PROGRAM_OUTPUT)) {
    fail(`the program did not print "${PROGRAM_OUTPUT}" (was it pasted?); output: "${output}"`);
  }
  const workerMs = /([\d,]+) ms on this machine/.exec(run.status)?.[1];
  if (workerMs === undefined) fail(`the status line gives no time: "${run.status}"`);
  const canvas = (await page.getByRole('img', { name: TIMELINE_CANVAS }).count()) > 0;
  return {
    paintedMs: Number.isNaN(run.drawnFrameEnd) ? null : run.drawnFrameEnd - run.clickAt,
    finishedMs: run.finishedAt - run.clickAt,
    workerMs: Number(workerMs.replaceAll(',', '')),
    canvas,
  };
}

// -- The benchmark ------------------------------------------------------------------------

async function main(): Promise<void> {
  const [harnessDir, siteDir] = [await buildHarness(), buildSite(session)];
  const server = await startServer([
    { prefix: SUB_PATH, dir: siteDir },
    { prefix: `${SUB_PATH}${HARNESS_DIR}`, dir: harnessDir },
  ]);
  session.onCleanUp(server.close);
  const siteUrl = `${server.origin}${SUB_PATH}`;
  const harnessUrl = `${siteUrl}${HARNESS_DIR}`;
  const { browser } = await launchChromium(session);

  const runOnSite = async (): Promise<ProgramRun> => {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      return await withProbedPage(
        context,
        siteUrl,
        'the 10,000-task program on the site',
        measureRun,
      );
    } finally {
      await context.close();
    }
  };

  progress('warm-up round (not counted)');
  await measureTrace(browser, harnessUrl, SIZES[0]);
  await runOnSite();

  const traces = new Map<number, TraceRound[]>(SIZES.map((size) => [size, []]));
  const runs: ProgramRun[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternate the order, so that no size always runs on a warmer machine.
    const order = round % 2 === 0 ? [...SIZES] : [...SIZES].reverse();
    for (const size of order) {
      progress(`round ${round + 1} of ${ROUNDS}: ${size.toLocaleString('en')} events`);
      traces.get(size)?.push(await measureTrace(browser, harnessUrl, size));
    }
    progress(`round ${round + 1} of ${ROUNDS}: the 10,000-task program`);
    runs.push(await runOnSite());
  }
  report(traces, runs);
}

// -- Printing --------------------------------------------------------------------------------

const ms = (value: number): string =>
  Number.isNaN(value)
    ? 'n/a'
    : `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const met = (ok: boolean): string => (ok ? 'met' : 'NOT MET');

function report(
  traces: ReadonlyMap<number, readonly TraceRound[]>,
  runs: readonly ProgramRun[],
): void {
  const row = (label: string, ...cells: string[]): void => {
    console.log(`  ${label.padEnd(34)} ${cells.map((cell) => cell.padStart(12)).join(' ')}`);
  };
  console.log(
    `timeline benchmark: median of ${ROUNDS} rounds, headless Chromium, ` +
      `${VIEWPORT.width}x${VIEWPORT.height} window, ${FRAMES} frames of pan and of zoom`,
  );
  console.log('generated traces on the harness page');
  row('events', ...SIZES.map((size) => size.toLocaleString('en')));
  const of = (measure: (round: TraceRound) => number): number[] =>
    SIZES.map((size) => median((traces.get(size) ?? []).map(measure)));
  const each = (values: number[], format: (value: number) => string): string[] =>
    values.map(format);
  const first = (round: TraceRound): TraceRound['first'] => round.first;
  row(
    'tasks (lanes)',
    ...each(
      of((r) => first(r).lanes),
      String,
    ),
  );
  row(
    'loop steps',
    ...each(
      of((r) => first(r).steps),
      (v) => v.toLocaleString('en'),
    ),
  );
  row(
    'model built',
    ...each(
      of((r) => first(r).modelMs),
      ms,
    ),
  );
  const paint = of((r) => first(r).paintMs);
  row('first paint (incl. model)', ...each(paint, ms));
  const p95 = (times: FrameTimes): number => percentile(times.frameMs, 95);
  const pan = { median: of((r) => median(r.pan.frameMs)), p95: of((r) => p95(r.pan)) };
  const zoom = { median: of((r) => median(r.zoom.frameMs)), p95: of((r) => p95(r.zoom)) };
  row('pan frame, median', ...each(pan.median, ms));
  row('pan frame, 95th percentile', ...each(pan.p95, ms));
  row('zoom frame, median', ...each(zoom.median, ms));
  row('zoom frame, 95th percentile', ...each(zoom.p95, ms));
  row(
    'frames that drew (pan + zoom)',
    ...each(
      of((r) => r.pan.drawn + r.zoom.drawn),
      (v) => `${v} of ${2 * FRAMES}`,
    ),
  );
  row(
    'JS heap after paint (after GC)',
    ...each(
      of((r) => r.heapBytes),
      mb,
    ),
  );

  const at100k = SIZES.indexOf(100_000);
  const paint100k = paint[at100k] ?? NaN;
  const worstP95 = Math.max(pan.p95[at100k] ?? NaN, zoom.p95[at100k] ?? NaN);
  console.log('targets');
  console.log(
    `  10^5 events painted in < ${TARGET.paint100kMs} ms: ${ms(paint100k)}, ${met(paint100k < TARGET.paint100kMs)}`,
  );
  console.log(
    `  10^5 events, frames < ${TARGET.frameP95Ms} ms at the 95th percentile: ${ms(worstP95)}, ${met(worstP95 < TARGET.frameP95Ms)}`,
  );
  const million = traces.get(1_000_000) ?? [];
  const allFrames = million.every((r) => r.pan.drawn + r.zoom.drawn === 2 * FRAMES);
  console.log(
    `  10^6 events stay interactive: no crash in ${million.length} pages; ` +
      `${allFrames ? 'every frame measured drew' : 'some frames did not draw'}; ` +
      `worst frame ${ms(Math.max(...million.flatMap((r) => [...r.pan.frameMs, ...r.zoom.frameMs])))}`,
  );

  console.log('the 10,000-task program on the built site (Run clicked, times from the click)');
  const canvas = runs.every((run) => run.canvas);
  const painted = runs
    .map((run) => run.paintedMs)
    .filter((value): value is number => value !== null);
  row("worker's own run (status line)", ms(median(runs.map((run) => run.workerMs))));
  row('status line says "Finished"', ms(median(runs.map((run) => run.finishedMs))));
  if (!canvas) {
    console.log('  the built site has no timeline canvas (TimelineView is not on the page)');
  } else {
    const paintedMs = painted.length === runs.length ? median(painted) : NaN;
    row(
      'timeline painted (last drawn frame)',
      painted.length === runs.length ? ms(paintedMs) : `${runs.length - painted.length} never`,
    );
    const early = runs.filter((run) => run.paintedMs !== null && run.paintedMs < run.finishedMs);
    console.log(
      `  the last drawn frame came before "Finished" in ${early.length} of ${runs.length} runs`,
    );
    console.log(
      `  painted within ${ms(TARGET.runPaintedMs)} of the click: ${met(paintedMs < TARGET.runPaintedMs)}`,
    );
  }

  console.log('per round');
  for (let round = 0; round < ROUNDS; round += 1) {
    console.log(`  round ${round + 1}`);
    for (const size of SIZES) {
      const r = traces.get(size)?.[round];
      if (r === undefined) continue;
      console.log(
        `    ${size.toLocaleString('en')} events: model ${ms(r.first.modelMs)}, ` +
          `paint ${ms(r.first.paintMs)}, pan ${ms(median(r.pan.frameMs))} / ${ms(p95(r.pan))}, ` +
          `zoom ${ms(median(r.zoom.frameMs))} / ${ms(p95(r.zoom))} (median / p95)`,
      );
    }
    const run = runs[round];
    if (run !== undefined) {
      console.log(
        `    program: worker ${ms(run.workerMs)}, finished ${ms(run.finishedMs)}, ` +
          `painted ${run.paintedMs === null ? 'never' : ms(run.paintedMs)}`,
      );
    }
  }
}

await session.run(main);
