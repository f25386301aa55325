// The layout: editor, timeline and output side by side on a laptop screen,
// resizable; tabs on a narrow screen (e2e/phone.spec.ts has more).
import { expect, test } from './fixtures';

test.describe('on a 1280x720 laptop screen', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('editor, timeline and output all fit without scrolling the page', async ({ playground }) => {
    const { page } = playground;
    await playground.runButton.click();
    await expect(playground.outputLines).toHaveText(['Hello, Alice!', 'Hello, Bob!']);
    for (const part of [
      playground.program,
      playground.runButton,
      page.getByRole('region', { name: 'Timeline' }),
      playground.output,
    ]) {
      await expect(part).toBeInViewport();
    }
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });
  });

  test('the panes can be resized from the keyboard', async ({ playground }) => {
    const { page } = playground;
    const columns = page.getByRole('separator', { name: 'Resize editor and results' });
    await expect(columns).toHaveAttribute('aria-orientation', 'vertical');
    await expect(columns).toHaveAttribute('aria-valuenow', '40');
    await columns.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(columns).toHaveAttribute('aria-valuenow', '35');

    const rows = page.getByRole('separator', { name: 'Resize timeline and output' });
    await expect(rows).toHaveAttribute('aria-orientation', 'horizontal');
    const outputHeight = async () => (await playground.output.boundingBox())?.height ?? 0;
    const before = await outputHeight();
    // The timeline starts with most of the height: it is what the page is for.
    await expect(rows).toHaveAttribute('aria-valuenow', '70');
    await rows.focus();
    await page.keyboard.press('ArrowUp');
    await expect(rows).toHaveAttribute('aria-valuenow', '65');
    await expect.poll(outputHeight).toBeGreaterThan(before);
  });

  test('a separator can be dragged', async ({ playground }) => {
    const { page } = playground;
    const columns = page.getByRole('separator', { name: 'Resize editor and results' });
    const box = await columns.boundingBox();
    if (box === null) throw new Error('the separator is not drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(1280 * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const share = Number(await columns.getAttribute('aria-valuenow'));
    expect(share).toBeGreaterThan(55);
  });
});

test.describe('on a narrow phone screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the panes are tabs, nothing overflows, and a run shows its output', async ({
    playground,
  }) => {
    const { page } = playground;
    await expect(page.getByRole('separator')).toHaveCount(0);
    await expect(page.getByRole('tab')).toHaveText(['Program', 'Timeline', 'Output']);
    await expect(playground.program).toBeInViewport();
    await expect(playground.output).toBeHidden();
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });

    await playground.runButton.click();
    await expect(playground.outputLines).toHaveText(['Hello, Alice!', 'Hello, Bob!']);
    await expect(playground.output).toBeInViewport();
    await expect(playground.runButton).toBeInViewport();
  });
});
