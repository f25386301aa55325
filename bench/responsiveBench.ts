/**
 * `npm run bench:responsive`: whether the page stays responsive whatever the
 * trace (issue 12, point 4: the longest main-thread task under 200 ms once
 * Python has started, for each case below).
 *
 * Builds the site into a temporary folder (or takes `BENCH_SITE_DIR`, a site
 * built already, e.g. from an older commit for a before/after figure),
 * serves it from a sub-path with COOP/COEP as a static host would, and in
 * headless Debian Chromium pastes and runs, order alternating round by round:
 *
 *   - CALL_SOON: a million `call_soon` callbacks, each queueing two more
 *     until there are a million (two million events; the ready queue grows
 *     to half a million handles). Queueing all of them in one step would be
 *     stopped by the worker's watchdog: the step sends nothing for 8 s;
 *   - EVENTS: 500 tasks each awaiting `asyncio.sleep(0)` 1,000 times (about
 *     a million events, a thousand iterations of 500 steps);
 *   - OUTPUT_CAP: a program that prints until the runtime's output cap
 *     (4,000,000 characters) stops it;
 *   - BASELINE: a tiny program, the same code paths with almost no volume:
 *     what the machine and the page cost at that moment.
 *
 * Each run is measured from the Run click until the status line says the run
 * is over (with the program's last line shown) and then the page has drawn
 * its frames on time for SETTLE_MS: the trace's work on the page can outlast
 * the run (the million callbacks once froze the page for minutes after
 * Python finished). Longest main-thread task from a Chromium trace
 * (bench/mainThreadProbe.ts). Every page is fresh and runs the baseline once
 * uncounted first. `BENCH_ROUNDS` sets the rounds (default 5), `BENCH_CASES`
 * a comma-separated subset of the cases' keys (call_soon, events, output_cap).
 */
import type { Browser } from '@playwright/test';
import {
  buildSite,
  collectPageErrors,
  launchChromium,
  pageFailure,
  pasteProgram,
  SUB_PATH,
} from './benchBrowser';
import { fail, startBenchSession } from './benchSession';
import { probeRun, type RunEnd, type RunFigures } from './mainThreadProbe';
import { median } from './median';
import { startServer } from './staticServer';

const session = startBenchSession('bench:responsive');
const { rounds: ROUNDS, progress } = session;

/** The window the page is drawn in, in CSS pixels. */
const VIEWPORT = { width: 1280, height: 800 };
/** Longest wait for Python to start, or for one run to end and the page to settle. */
const STATE_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000);
/** After the run, the page counts as settled once no frame came late for this long… */
const SETTLE_MS = 1500;
/** …late meaning more than this after the one before. */
const LATE_FRAME_MS = 100;
/** The target for the longest main-thread task. */
const TARGET_LONGEST_MS = 200;

const FINISHED = /^Finished: /;

interface Case {
  /** For `BENCH_CASES`. */
  readonly key: string;
  readonly name: string;
  readonly source: string;
  readonly end: RunEnd;
}

const CALL_SOON: Case = {
  key: 'call_soon',
  name: '10^6 call_soon',
  source: `import asyncio

N = 1_000_000

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    count = {"scheduled": 1, "ran": 0}

    def tick():
        count["ran"] += 1
        for _ in range(2):
            if count["scheduled"] < N:
                count["scheduled"] += 1
                loop.call_soon(tick)
        if count["ran"] == N:
            done.set_result(None)

    loop.call_soon(tick)
    await done
    print(N, "callbacks ran")

asyncio.run(main())
`,
  end: { status: FINISHED, lastLine: '1000000 callbacks ran' },
};

const EVENTS: Case = {
  key: 'events',
  name: '10^6 events',
  source: `import asyncio

async def spin(rounds):
    for _ in range(rounds):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*(spin(1_000) for _ in range(500)))
    print("500 tasks spun")

asyncio.run(main())
`,
  end: { status: FINISHED, lastLine: '500 tasks spun' },
};

const OUTPUT_CAP: Case = {
  key: 'output_cap',
  name: 'output cap',
  source: `import asyncio

async def main():
    i = 0
    while True:
        print(f"line {i} " + "x" * 80)
        i += 1

asyncio.run(main())
`,
  end: { status: /^Stopped: the program printed more than/, lastLine: null },
};

const BASELINE: Case = {
  key: 'baseline',
  name: 'tiny (baseline)',
  source: `import asyncio

async def main():
    await asyncio.sleep(0)
    print("tiny")

asyncio.run(main())
`,
  end: { status: FINISHED, lastLine: 'tiny' },
};

function chosenCases(): Case[] {
  const heavy = [CALL_SOON, EVENTS, OUTPUT_CAP];
  const asked = process.env.BENCH_CASES?.split(',').map((key) => key.trim());
  if (asked === undefined) return heavy;
  const unknown = asked.filter((key) => !heavy.some((each) => each.key === key));
  if (unknown.length > 0) {
    fail(
      `BENCH_CASES: unknown ${unknown.join(', ')} (known: ${heavy.map((each) => each.key).join(', ')})`,
    );
  }
  return heavy.filter((each) => asked.includes(each.key));
}

/** A fresh page, ready and warmed up by one uncounted baseline run; runs `cases` in order. */
async function measurePage(
  browser: Browser,
  url: string,
  cases: readonly Case[],
): Promise<Map<Case, RunFigures>> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  page.on('crash', () => errors.push('the page crashed'));
  const run = async (each: Case): Promise<RunFigures> => {
    await pasteProgram(page, each.source, STATE_TIMEOUT_MS);
    return probeRun(browser, page, each.name, {
      end: each.end,
      settleMs: SETTLE_MS,
      lateFrameMs: LATE_FRAME_MS,
      timeoutMs: STATE_TIMEOUT_MS,
    });
  };
  try {
    await page.goto(url);
    await page
      .getByRole('status')
      .filter({ hasText: /^Ready$/ })
      .waitFor({ timeout: STATE_TIMEOUT_MS });
    await run(BASELINE);
    const figures = new Map<Case, RunFigures>();
    for (const each of cases) {
      progress(`  ${each.name}`);
      figures.set(each, await run(each));
    }
    return figures;
  } catch (error) {
    throw pageFailure('a page', error, errors);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const heavy = chosenCases();
  const cases = [...heavy, BASELINE];
  const siteDir = process.env.BENCH_SITE_DIR ?? buildSite(session);
  const server = await startServer([{ prefix: SUB_PATH, dir: siteDir }]);
  session.onCleanUp(server.close);
  const { browser } = await launchChromium(session);
  const url = `${server.origin}${SUB_PATH}`;

  const results = new Map<Case, RunFigures[]>(cases.map((each) => [each, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternate the order, so that no program always runs on a warmer page.
    const order = round % 2 === 0 ? [...cases] : [...cases].reverse();
    progress(`round ${round + 1} of ${ROUNDS}`);
    const figures = await measurePage(browser, url, order);
    for (const [each, run] of figures) results.get(each)?.push(run);
  }
  report(cases, heavy, results);
}

const ms = (value: number): string => `${Math.round(value).toLocaleString('en')} ms`;
const percent = (share: number): string => `${Math.round(share * 100)} %`;
const times = (value: number, base: number): string => `${(value / base).toFixed(1)}x`;

function report(
  cases: readonly Case[],
  heavy: readonly Case[],
  results: ReadonlyMap<Case, readonly RunFigures[]>,
): void {
  const of = (each: Case, measure: (run: RunFigures) => number): number =>
    median((results.get(each) ?? []).map(measure));
  const row = (label: string, cells: readonly string[]): void => {
    console.log(`  ${label.padEnd(34)} ${cells.map((cell) => cell.padStart(20)).join(' ')}`);
  };
  console.log(
    `responsiveness benchmark: median of ${ROUNDS} rounds, headless Chromium, ` +
      `${VIEWPORT.width}x${VIEWPORT.height} window; from the Run click until the page ` +
      `drew on time for ${ms(SETTLE_MS)} after the run ended`,
  );
  row(
    '',
    cases.map((each) => each.name),
  );
  const line = (
    label: string,
    measure: (run: RunFigures) => number,
    format: typeof ms,
    ratio = true,
  ): void => {
    const base = of(BASELINE, measure);
    row(
      label,
      cases.map((each) => {
        const value = of(each, measure);
        return each === BASELINE || !ratio
          ? format(value)
          : `${format(value)} (${times(value, base)})`;
      }),
    );
  };
  line('main thread: longest task (trace)', (run) => run.longestTaskMs, ms);
  line('main thread: busy (trace)', (run) => run.busyShare, percent, false);
  line('longest gap between frames', (run) => run.longestFrameGapMs, ms);
  line('click to the run over', (run) => run.endMs, ms);
  line('click to the page settled', (run) => run.settledMs, ms);
  for (const each of heavy) {
    const worst = Math.max(...(results.get(each) ?? []).map((run) => run.longestTaskMs));
    console.log(
      `  ${each.name}: longest task over every round ${ms(worst)} ` +
        `(target < ${ms(TARGET_LONGEST_MS)}: ${worst < TARGET_LONGEST_MS ? 'met' : 'NOT MET'})`,
    );
  }
  console.log('per round, longest task / click to the page settled:');
  for (const each of cases) {
    const runs = results.get(each) ?? [];
    console.log(
      `  ${each.name.padEnd(18)} ` +
        runs.map((run) => `${ms(run.longestTaskMs)} / ${ms(run.settledMs)}`).join(', '),
    );
  }
}

await session.run(main);
