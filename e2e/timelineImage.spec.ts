// The timeline saved as an image for slides: PNG and SVG, as shown on screen
// or the whole run, in the page's theme. The files are read as a person's
// tools would: the PNG's own header and first pixel, the SVG as XML.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Download } from '@playwright/test';
import { Window } from 'happy-dom';
import { expect, runGather, test, type Playground } from './fixtures';

const TASKS = ['Task-1 · main()', "Task-2 · fetch('a', 1)", "Task-3 · fetch('b', 2)"];

test.use({ viewport: { width: 1440, height: 900 } });

/** Chooses the format and extent in "Save image…" and saves, as a person does. */
async function saveImage(
  playground: Playground,
  format: 'PNG' | 'SVG',
  extent: 'As shown' | 'Whole run',
): Promise<Download> {
  const { page } = playground;
  const opener = page.getByRole('button', { name: 'Save image…' });
  await opener.click();
  const choices = page.getByRole('group', { name: 'Save the timeline as an image' });
  await choices.getByRole('radio', { name: format }).check();
  await choices.getByRole('radio', { name: extent }).check();
  const downloading = page.waitForEvent('download');
  await choices.getByRole('button', { name: 'Save', exact: true }).click();
  const download = await downloading;
  // Saved: the choices close and the focus is back on the button that opened them.
  await expect(choices).toBeHidden();
  await expect(opener).toBeFocused();
  return download;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The facts of a PNG a test needs: its size, and its top-left pixel's colour (RGBA, 8 bits each). */
function readPng(bytes: Buffer): { width: number; height: number; topLeft: number[] } {
  expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  // The first chunk is IHDR: width, height, bit depth, colour type.
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect([bytes[24], bytes[25]]).toEqual([8, 6]);
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') {
      data.push(bytes.subarray(at + 8, at + 8 + length));
    }
    at += 12 + length;
  }
  // Row 0 starts with its filter byte. Every filter leaves the first pixel
  // of the first row as it is (what it would add lies left of or above it).
  const pixels = inflateSync(Buffer.concat(data));
  return { width, height, topLeft: [...pixels.subarray(1, 5)] };
}

async function pngOf(download: Download): Promise<ReturnType<typeof readPng>> {
  expect(download.suggestedFilename()).toBe('loopscope-timeline.png');
  return readPng(readFileSync(await download.path()));
}

test('the timeline saves as a PNG, as shown at twice its pixels or the whole run wider', async ({
  playground,
}) => {
  const canvas = await runGather(playground);
  // Zoomed in: the screen shows part of the run.
  await canvas.focus();
  await canvas.press('+');
  await canvas.press('+');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the timeline canvas has no box');

  const shown = await pngOf(await saveImage(playground, 'PNG', 'As shown'));
  expect(shown.width).toBe(Math.round(box.width) * 2);
  expect(shown.height).toBe(Math.round(box.height) * 2);
  const whole = await pngOf(await saveImage(playground, 'PNG', 'Whole run'));
  expect(whole.width).toBeGreaterThan(shown.width);
  expect(whole.width).toBeGreaterThanOrEqual(1600 * 2);
  // A background, not a transparent image.
  expect(whole.topLeft[3]).toBe(255);
});

test("the PNG has the page's theme: a dark background in the dark theme", async ({
  playground,
}) => {
  await runGather(playground);
  const light = await pngOf(await saveImage(playground, 'PNG', 'Whole run'));
  await playground.page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(playground.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await pngOf(await saveImage(playground, 'PNG', 'Whole run'));
  expect(dark.topLeft).not.toEqual(light.topLeft);
  const brightness = ([r = 0, g = 0, b = 0]: number[]): number => r + g + b;
  expect(brightness(dark.topLeft)).toBeLessThan(brightness(light.topLeft));
  expect(dark.topLeft[3]).toBe(255);
});

test('the whole run saves as well-formed SVG, its tasks and time axis as text', async ({
  playground,
}) => {
  await runGather(playground);
  const download = await saveImage(playground, 'SVG', 'Whole run');
  expect(download.suggestedFilename()).toBe('loopscope-timeline.svg');
  const svg = readFileSync(await download.path(), 'utf8');
  const parser = new new Window().DOMParser();
  const document = parser.parseFromString(svg, 'image/svg+xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(document.documentElement.tagName).toBe('svg');
  const texts = [...document.getElementsByTagName('text')].map((text) => text.textContent);
  expect(texts).toEqual(
    expect.arrayContaining([...TASKS, 'virtual time', '0 s', '1 s', '2 s', '3 s']),
  );
});
