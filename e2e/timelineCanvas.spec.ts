// The timeline's canvas, as a learner meets it: a run drawn on both axes
// (compared with screenshots, with a tolerance for font rendering), hover
// cards that say what a bar is, and a click that takes the editor to its line.
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { frameLayout, type FrameLayout } from '../app/features/timeline/canvas/frameLayout';
import { buildScene } from '../app/features/timeline/canvas/timelineScene';
import { buildTimeline } from '../app/features/timeline/model/timelineBuilder';
import { readGoldenTrace } from '../tests/golden/goldenTrace';
import { expect, finishedAt, FINISHED, GATHER_PROGRAM, runGather, test } from './fixtures';

// The screen issue 11 was reported on: a laptop's, where the canvas has the height of its lanes.
test.use({ viewport: { width: 1440, height: 900 } });

/** Screenshots may differ this much: anti-aliased text varies a little between runs. */
const SCREENSHOT_TOLERANCE = { maxDiffPixelRatio: 0.01 } as const;

/**
 * Where the canvas lays out the golden program `name` (the one the test ran,
 * on the time axis), fitted into the canvas as drawn: its frame, and the
 * middle of lane `row` (0: main).
 */
async function layoutOf(
  canvas: Locator,
  name: string,
): Promise<{ frame: FrameLayout; rowMiddle: (row: number) => number }> {
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the timeline canvas has no box');
  const scene = buildScene(buildTimeline(readGoldenTrace(name)), null, {
    mode: 'time',
    spread: false,
    showInternal: false,
    theme: 'light',
  });
  const frame = frameLayout(box.width, box.height, false, scene.labelWidth);
  const rowHeight = scene.rows[0]?.height ?? 0;
  return { frame, rowMiddle: (row) => frame.lanesTop + row * rowHeight + rowHeight / 2 };
}

/** The middle of the first second on the time axis, on lane `row` (0: main). */
async function pointInFirstSecond(canvas: Locator, row: number): Promise<{ x: number; y: number }> {
  const { frame, rowMiddle } = await layoutOf(canvas, 'gather_sleeps');
  // The gather's run lasts 3 s and the whole run is shown.
  return { x: frame.plotLeft + frame.plotWidth / 6, y: rowMiddle(row) };
}

test('a gather of three sleeps drawn on the time axis and on the step axis', async ({
  playground,
}) => {
  const canvas = await runGather(playground);
  const timeline = playground.page.getByRole('region', { name: 'Timeline' });
  // Virtual time passed, so the time axis is the default.
  await expect(timeline.getByRole('radio', { name: 'Virtual time' })).toBeChecked();
  await expect(canvas).toHaveScreenshot('gather-time-axis.png', SCREENSHOT_TOLERANCE);

  await timeline.getByRole('radio', { name: 'Steps' }).check();
  await expect(canvas).toHaveScreenshot('gather-step-axis.png', SCREENSHOT_TOLERANCE);
});

test('hovering a bar says what the task waits on; clicking it opens its line', async ({
  playground,
}) => {
  const canvas = await runGather(playground);
  const { page } = playground;
  // Task-2, the first child, sleeps 1 s at line 4.
  const point = await pointInFirstSecond(canvas, 1);
  await canvas.hover({ position: point });
  const card = page.getByRole('tooltip');
  await expect(card).toContainText("Task-2 · fetch('a', 1)");
  await expect(card).toContainText('sleep 1 s');

  await canvas.click({ position: point });
  await playground.expectCursorOnLine(4);
});

test('a run whose time never moves is drawn on the step axis', async ({ playground }) => {
  await playground.runButton.click();
  await expect(playground.status).toHaveText(FINISHED);
  const timeline = playground.page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('img', { name: 'Timeline canvas' })).toBeVisible();
  await expect(timeline.getByRole('radio', { name: 'Steps' })).toBeChecked();
  await expect(
    timeline.getByRole('checkbox', { name: "Show asyncio's helper tasks" }),
  ).not.toBeChecked();
});

test('a blocking time.sleep draws the blocked band across every lane, and says so on hover', async ({
  playground,
}) => {
  await playground.setProgram(
    readFileSync(new URL('../tests/golden/blocking_sleep.py', import.meta.url), 'utf8'),
  );
  await playground.runButton.click();
  await expect(playground.status).toHaveText(finishedAt(2.7));
  const canvas = playground.page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('img', { name: 'Timeline canvas' });
  await expect(canvas).toHaveScreenshot('blocking-band.png', SCREENSHOT_TOLERANCE);

  // The band spans 0.2 s to 1.2 s of a 2.7 s run; hover it on main's lane.
  const { frame, rowMiddle } = await layoutOf(canvas, 'blocking_sleep');
  await canvas.hover({
    position: { x: frame.plotLeft + (frame.plotWidth * 0.7) / 2.7, y: rowMiddle(0) },
  });
  const card = playground.page.getByRole('tooltip');
  await expect(card).toContainText('The loop was blocked');
  const detail = (term: string) => card.locator(`dt:text-is("${term}") + dd`);
  await expect(detail('By')).toHaveText('Task-3');
  await expect(detail('Line')).toHaveText('12');
  await expect(detail('For')).toHaveText('1 s');
});

test('asked to, the previous run is drawn above the current one: sequential awaits against gather', async ({
  playground,
}) => {
  await playground.setProgram(
    GATHER_PROGRAM.replace(
      'results = await asyncio.gather(fetch("a", 1), fetch("b", 2), fetch("c", 3))',
      'results = [await fetch("a", 1), await fetch("b", 2), await fetch("c", 3)]',
    ),
  );
  await playground.runButton.click();
  await expect(playground.status).toHaveText(finishedAt(6));
  const canvas = await runGather(playground);
  await playground.page.getByRole('checkbox', { name: 'Compare with previous run' }).check();
  await expect(canvas).toHaveScreenshot('sequential-then-gather.png', SCREENSHOT_TOLERANCE);
});
