/**
 * The timeline first, on a 1440x900 screen: the run's summary and its
 * mistakes in view without scrolling, a warning in the status line and on
 * the line in the editor, a wheel that scrolls, a legend, comparing with the
 * previous run on request, and pane sizes kept across a reload.
 */
import { readFileSync } from 'node:fs';
import { expect, finishedAt, test, type Playground } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

function golden(name: string): string {
  return readFileSync(new URL(`../tests/golden/${name}.py`, import.meta.url), 'utf8');
}

async function run(playground: Playground, program: string, seconds: number): Promise<void> {
  await playground.setProgram(program);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(finishedAt(seconds));
}

function timelineOf(playground: Playground) {
  const timeline = playground.page.getByRole('region', { name: 'Timeline' });
  return {
    timeline,
    canvas: timeline.getByRole('img', { name: 'Timeline canvas' }),
    summary: timeline.getByRole('region', { name: 'Run summary' }),
  };
}

test('a blocking call: the summary and the mistake are in view, warned of in the status line and marked on its line', async ({
  playground,
}) => {
  await run(playground, golden('blocking_sleep'), 2.7);
  const { canvas, summary } = timelineOf(playground);
  await expect(canvas).toBeInViewport();
  await expect(summary.getByText(/blocked the loop for 1\.0 s at line 12/)).toBeInViewport();
  await expect(summary.getByRole('listitem')).toContainText('blocked the event loop at line 12');
  await expect(summary.getByRole('listitem')).toBeInViewport();
  expect(await playground.page.evaluate(() => window.scrollY)).toBe(0);

  await expect(playground.page.getByRole('status', { name: 'Run warning' })).toHaveText(
    '⚠ Blocking code froze the event loop at line 12: see the summary under the timeline.',
  );
  await expect(playground.page.getByRole('status', { name: 'Run warning' })).toBeInViewport();
  await expect(playground.problems).toContainText('Line 12: Task-3 blocked the event loop');
  await expect(playground.page.locator('.monaco-editor .squiggly-warning')).toHaveCount(1);
});

test('the wheel over the canvas scrolls the pane, leaving the drawing as it is; Ctrl + wheel zooms', async ({
  playground,
}) => {
  const { page } = playground;
  await run(playground, golden('gather_sleeps'), 3);
  const { timeline, canvas, summary } = timelineOf(playground);
  await expect(summary).toBeInViewport();
  await expect(timeline.getByText('Ctrl/⌘ + wheel or pinch: zoom')).toBeVisible();

  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the timeline canvas has no box');
  // Over the label column, below the lanes' names: no hover card covers the drawing.
  await page.mouse.move(box.x + 10, box.y + box.height - 8);
  const fitted = await canvas.screenshot();
  await page.mouse.wheel(0, -400);
  await expect(summary).toBeInViewport();
  expect(await canvas.screenshot()).toEqual(fitted);

  // Every lane is in view, so the wheel is the pane's: it brings the rest of the events up.
  const lastEvent = timeline.getByRole('table', { name: 'Events' }).getByRole('row').last();
  await expect(lastEvent).not.toBeInViewport();
  const scrolled = await canvas.boundingBox();
  await page.mouse.wheel(0, 400);
  await expect.poll(async () => (await canvas.boundingBox())?.y).toBeLessThan(scrolled?.y ?? 0);
  await page.mouse.wheel(0, -2000);
  await expect.poll(async () => (await canvas.boundingBox())?.y).toBe(box.y);
  expect(await canvas.screenshot()).toEqual(fitted);

  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await expect.poll(() => canvas.screenshot()).not.toEqual(fitted);
});

test('the legend opens by its name and explains the marks and virtual time', async ({
  playground,
}) => {
  await run(playground, golden('gather_sleeps'), 3);
  const { timeline } = timelineOf(playground);
  const legendButton = timeline.getByRole('button', { name: 'Legend' });
  await legendButton.click();
  const legend = timeline.getByRole('region', { name: 'Timeline legend' });
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('a timer woke the task');
  await expect(legend).toContainText("Virtual time is the event loop's own clock");
  await playground.page.keyboard.press('Escape');
  await expect(legend).toBeHidden();
  await expect(legendButton).toBeFocused();
});

test('the previous run is drawn only when asked, and only once there is one', async ({
  playground,
}) => {
  const { page } = playground;
  await run(playground, golden('gather_sleeps'), 3);
  const { timeline, canvas } = timelineOf(playground);
  const compare = timeline.getByRole('checkbox', { name: 'Compare with previous run' });
  await expect(compare).toBeDisabled();

  await run(playground, golden('gather_sleeps'), 3);
  await expect(compare).toBeEnabled();
  await expect(compare).not.toBeChecked();
  // The first lane's label, just below the axis: this run's main, or, comparing, the previous run's.
  const firstLabel = { x: 40, y: 22 + 20 + 10 };
  const card = page.getByRole('tooltip');
  await canvas.hover({ position: firstLabel });
  await expect(card).toBeVisible();
  await expect(card).not.toContainText('previous run');

  await compare.check();
  await canvas.hover({ position: { ...firstLabel, x: firstLabel.x + 1 } });
  await expect(card).toContainText('Task-1 · main() (previous run)');
});

test('a pane size survives a reload', async ({ playground }) => {
  const { page } = playground;
  const columns = page.getByRole('separator', { name: 'Resize editor and results' });
  await columns.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(columns).toHaveAttribute('aria-valuenow', '35');
  await playground.reload();
  await expect(columns).toHaveAttribute('aria-valuenow', '35');
});
