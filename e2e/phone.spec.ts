// On a phone (issue 11, point 8): the panes are tabs, Run and the status
// stay in view whatever the tab, a run shows its output without scrolling,
// and the event table gives what happened the screen's width. The welcome is
// one line, the header too, and the Timeline tab starts with what happened.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, finishedAt, FINISHED, SEED_OUTPUT, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 } });

/** The phones each layout is checked on: a common iPhone, then a small Android. */
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;

/** How far the page reaches past the window, sideways and down. */
function pageOverflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
}

/** Where `part` is on the screen; fails the test if it is not shown. */
async function boxOf(
  part: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await part.boundingBox();
  if (box === null) throw new Error(`${part.toString()} is not shown`);
  return box;
}

/** How far apart, up or down, the middles of two controls on one line can be. */
const SAME_LINE = 2;

/** A stop of the focus: the named part it is in, and how far down the pane its middle is. */
interface TabStop {
  readonly part: string | null;
  readonly middle: number;
}

/**
 * Presses Tab until the focus leaves `pane` or passes `last`, and says where
 * each stop on the way was. The middles are measured from the top of `first`,
 * which scrolls with them as the pane shows the focus.
 */
async function tabDownTo(
  page: Page,
  pane: Locator,
  first: Locator,
  last: Locator,
): Promise<TabStop[]> {
  const origin = await first.elementHandle();
  const stops: TabStop[] = [];
  const lastBottom = async () => {
    const box = await boxOf(last);
    return box.y + box.height;
  };
  // Enough for every control of the pane twice over: a loop that never ends fails instead.
  for (let press = 0; press < 40; press++) {
    await page.keyboard.press('Tab');
    const stop = await pane.evaluate((region, top) => {
      const focused = document.activeElement;
      if (focused === null || !region.contains(focused)) return null;
      const box = focused.getBoundingClientRect();
      const part = focused.parentElement?.closest('section[aria-label], [role="toolbar"]');
      return {
        part: part?.ariaLabel ?? null,
        middle: box.top + box.height / 2 - top.getBoundingClientRect().top,
        top: box.top,
      };
    }, origin);
    if (stop === null || stop.top > (await lastBottom())) return stops;
    stops.push({ part: stop.part, middle: stop.middle });
  }
  throw new Error('Tab never left the pane');
}

function paneTabs(page: Page) {
  const list = page.getByRole('tablist', { name: 'Panes' });
  return {
    list,
    program: list.getByRole('tab', { name: 'Program' }),
    timeline: list.getByRole('tab', { name: 'Timeline' }),
    output: list.getByRole('tab', { name: 'Output' }),
    lesson: list.getByRole('tab', { name: 'Lesson' }),
  };
}

test('Run from the Program tab shows the output, with Run and the status still in view', async ({
  playground,
}) => {
  const { page } = playground;
  const tabs = paneTabs(page);
  await expect(tabs.list.getByRole('tab')).toHaveText(['Program', 'Timeline', 'Output']);
  await expect(tabs.program).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Program' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Output' })).toBeHidden();

  await playground.runButton.click();
  await expect(tabs.output).toHaveAttribute('aria-selected', 'true');
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
  await expect(playground.status).toHaveText(FINISHED);
  for (const part of [...(await playground.outputLines.all()), playground.runButton]) {
    await expect(part).toBeInViewport({ ratio: 1 });
  }
  await expect(playground.status).toBeInViewport();
  expect(await pageOverflow(page)).toEqual({ x: 0, y: 0 });

  // Back on the program, Run is still beside the status; running again from
  // the timeline leaves the learner on the timeline.
  await tabs.program.click();
  await expect(page.getByRole('tabpanel', { name: 'Program' })).toBeVisible();
  await expect(playground.runButton).toBeInViewport();
  await tabs.timeline.click();
  await playground.runButton.click();
  await expect(playground.status).toHaveText(FINISHED);
  await expect(tabs.timeline).toHaveAttribute('aria-selected', 'true');
});

test('the Timeline tab shows the drawing, playback, summary and a readable event table', async ({
  playground,
}) => {
  const { page } = playground;
  const tabs = paneTabs(page);
  // The welcome takes the editor rows a 24-line program needs to be read back whole.
  await page.getByRole('button', { name: 'Dismiss the welcome' }).click();
  await expect(page.getByRole('region', { name: 'Welcome' })).toBeHidden();
  await playground.setProgram(
    readFileSync(new URL('../tests/golden/taskgroup_failure.py', import.meta.url), 'utf8'),
  );
  await playground.runButton.click();
  await expect(playground.status).toHaveText(finishedAt(0.5));
  await tabs.timeline.click();

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.locator('canvas').first()).toBeInViewport();
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Run summary' });
  await summary.scrollIntoViewIfNeeded();
  await expect(summary).toBeInViewport();

  const table = page.getByRole('table', { name: 'Events' });
  const what = table.getByRole('cell', { name: 'Created main() with asyncio.run()' });
  await what.scrollIntoViewIfNeeded();
  await expect(what).toBeInViewport({ ratio: 1 });
  // What happened has the width of the screen, not of a narrow column, and
  // its words are all there, none cut off.
  const shown = await what.evaluate((cell) => ({
    width: cell.getBoundingClientRect().width,
    clipped: cell.scrollWidth > cell.clientWidth,
  }));
  expect(shown.width).toBeGreaterThan(390 * 0.8);
  expect(shown.clipped).toBe(false);
  expect(await pageOverflow(page)).toEqual({ x: 0, y: 0 });
});

test('keyboard: the tab list is one stop and the arrow keys, Home and End switch tabs', async ({
  playground,
}) => {
  const { page } = playground;
  const tabs = paneTabs(page);
  await tabs.program.focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.timeline).toBeFocused();
  await expect(tabs.timeline).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(tabs.output).toBeFocused();
  await expect(playground.output).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.program).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.output).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tabs.program).toHaveAttribute('aria-selected', 'true');
  // Only the chosen tab is in the tab order: Tab goes on into its pane.
  await expect(tabs.list.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(tabs.list.locator(':focus')).toHaveCount(0);

  // Ctrl+Enter in the editor shows the output, and the focus goes to its
  // tab instead of being lost with the hidden editor.
  await playground.program.focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(tabs.output).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.output).toBeFocused();
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
});

test('keyboard: the skip link shows the Timeline tab and moves the focus into it', async ({
  playground,
}) => {
  const { page } = playground;
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to timeline' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(paneTabs(page).timeline).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeFocused();
});

test('a lesson opens on its text, and its example opens on the Program tab', async ({
  playground,
}) => {
  const { page } = playground;
  const tabs = paneTabs(page);
  await page.goto('./#/lessons/coroutines-and-the-event-loop');
  await expect(tabs.list.getByRole('tab')).toHaveText(['Lesson', 'Program', 'Timeline', 'Output']);
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(
    lesson.getByRole('heading', { name: 'Coroutines and the event loop' }),
  ).toBeVisible();
  expect(await pageOverflow(page)).toEqual({ x: 0, y: 0 });

  await lesson.getByRole('button', { name: 'Open example 1 in editor' }).click();
  await expect(tabs.program).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Program' })).toBeVisible();
  await expect(lesson).toBeHidden();

  await tabs.lesson.click();
  await expect(
    lesson.getByRole('heading', { name: 'Coroutines and the event loop' }),
  ).toBeVisible();
});

test('the welcome is one line on a phone: the program and Run fit the first screen, its sentences a tap away', async ({
  playground,
}) => {
  const { page } = playground;
  const welcome = page.getByRole('region', { name: 'Welcome' });
  // The line's words, not its row, which Monaco makes wider than the editor;
  // they are separated by no-break spaces.
  const firstLine = page
    .locator('.monaco-editor .view-line', { hasText: /^import\sasyncio$/ })
    .locator(':scope > span');
  for (const phone of PHONES) {
    await page.setViewportSize(phone);
    expect((await boxOf(welcome)).height).toBeLessThan(phone.height * 0.2);
    await expect(firstLine).toBeInViewport({ ratio: 1 });
    await expect(playground.runButton).toBeInViewport({ ratio: 1 });
    expect(await pageOverflow(page)).toEqual({ x: 0, y: 0 });
  }

  const more = welcome.getByRole('button', { name: 'What is Loopscope?' });
  const sentences = [
    welcome.getByText(/^Loopscope runs your asyncio program on real Python in this page/),
    welcome.getByText(/^Try it: press Run and follow the example on the timeline\./),
  ];
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  for (const sentence of sentences) await expect(sentence).toBeHidden();
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  for (const sentence of sentences) await expect(sentence).toBeInViewport({ ratio: 1 });
  await expect(welcome.getByRole('link', { name: /^Lesson 1/ })).toBeInViewport();
  await expect(playground.runButton).toBeInViewport({ ratio: 1 });
  expect(await pageOverflow(page)).toEqual({ x: 0, y: 0 });
  await more.click();
  for (const sentence of sentences) await expect(sentence).toBeHidden();

  await welcome.getByRole('button', { name: 'Dismiss the welcome' }).click();
  await expect(welcome).toHaveCount(0);
});

test('the Timeline tab tells what happened first, then playback, then the event loop, to the eye and the keyboard alike', async ({
  playground,
}) => {
  const { page } = playground;
  const tabs = paneTabs(page);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(FINISHED);
  await tabs.timeline.click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const summary = timeline.getByRole('region', { name: 'Run summary' });
  const playback = timeline.getByRole('toolbar', { name: 'Playback' });
  const eventLoop = timeline.getByRole('region', { name: 'Event loop' });
  for (const phone of PHONES) {
    await page.setViewportSize(phone);
    const playbackTop = (await boxOf(playback)).y;
    expect((await boxOf(summary)).y).toBeLessThan(playbackTop);
    expect(playbackTop).toBeLessThan((await boxOf(eventLoop)).y);
    expect(await pageOverflow(page)).toEqual({ x: 0, y: 0 });
  }
  await expect(summary).toBeInViewport();

  // A screen reader reads them in the document's order…
  const parts = summary.or(playback).or(eventLoop);
  expect(await parts.evaluateAll((found) => found.map((part) => part.ariaLabel))).toEqual([
    'Run summary',
    'Playback',
    'Event loop',
  ]);
  // …and Tab goes down the pane, never back up, from the tab list to the event loop.
  await tabs.timeline.focus();
  const stops = await tabDownTo(page, timeline, summary, eventLoop);
  expect(stops.map((stop) => stop.part)).toContain('Playback');
  stops.forEach((stop, at) => {
    const before = stops[at - 1];
    if (before !== undefined) expect(stop.middle).toBeGreaterThanOrEqual(before.middle - SAME_LINE);
  });
});

test('the header is one line on a phone, its theme button a moon that still says Dark theme and works', async ({
  playground,
}) => {
  const { page } = playground;
  const header = page.getByRole('banner');
  const themeButton = header.getByRole('button', { name: 'Dark theme' });
  const controls = [
    header.getByRole('heading', { name: 'Loopscope' }),
    header.getByRole('link', { name: 'Playground' }),
    header.getByRole('link', { name: 'Lessons' }),
    themeButton,
  ];
  for (const phone of PHONES) {
    await page.setViewportSize(phone);
    const line = await boxOf(header);
    const middle = line.y + line.height / 2;
    const boxes = await Promise.all(controls.map(boxOf));
    // On one line, each control spans the header's middle, and the header
    // is not as tall as two of them.
    for (const box of boxes) {
      expect(box.y).toBeLessThan(middle);
      expect(box.y + box.height).toBeGreaterThan(middle);
    }
    expect(line.height).toBeLessThan(2 * Math.max(...boxes.map((box) => box.height)));
    expect(await pageOverflow(page)).toEqual({ x: 0, y: 0 });
  }

  const background = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await expect(themeButton).toHaveAttribute('aria-pressed', 'false');
  await themeButton.click();
  await expect(themeButton).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(background).not.toBe(light);
  await themeButton.click();
  await expect(themeButton).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(background).toBe(light);
});
