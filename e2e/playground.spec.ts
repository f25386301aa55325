// The playground around the editor: work kept across reloads, Reset, output
// lines with their time and task, traceback links, copying, the theme.
// The layout has its own spec, layout.spec.ts.
import { taskColor } from '../app/shared/taskColors';
import {
  expect,
  FINISHED,
  PYTHON_START_TIMEOUT,
  Playground,
  SEED_OUTPUT,
  SEED_PROGRAM,
  test,
  refuseStorage,
} from './fixtures';

const FAILING = `import asyncio

async def fetch():
    await asyncio.sleep(1.5)
    print("fetched")
    raise ValueError("no data")

asyncio.run(fetch())
`;

test('edits survive a reload', async ({ playground }) => {
  await playground.setProgram('print("kept")\n');
  // Reloading right away: leaving the page saves what was typed.
  await playground.reload();
  await playground.expectProgram('print("kept")\n');
});

test('Reset returns to the starting code after a confirmation', async ({ playground }) => {
  await playground.setProgram('print("mine")\n');
  const reset = playground.page.getByRole('button', { name: 'Reset' });

  playground.page.once('dialog', (dialog) => void dialog.dismiss());
  await reset.click();
  await playground.expectProgram('print("mine")\n');

  playground.page.once('dialog', (dialog) => void dialog.accept());
  await reset.click();
  await playground.expectProgram(SEED_PROGRAM);
});

test('without storage the playground still runs and says work will not be kept', async ({
  page,
  playground,
}) => {
  await refuseStorage(page);
  await playground.reload();
  await expect(page.getByRole('note', { name: 'Saving' })).toContainText('will not be kept');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
});

test('each output line shows its virtual time and task; a traceback line moves the cursor', async ({
  playground,
}) => {
  await playground.setProgram(FAILING);
  await playground.runButton.click();
  const fetched = playground.output.locator('.output-line').filter({ hasText: 'fetched' });
  await expect(fetched.locator('.output-time')).toHaveText('1.500');
  await expect(fetched.locator('.output-task')).toHaveText('Task-1');
  await expect(playground.output.locator('.output-stderr').last()).toContainText(
    'ValueError: no data',
  );
  await expect(playground.problems).toContainText('ValueError: no data');

  await playground.output.getByRole('link', { name: /File "main.py", line 6, in fetch/ }).click();
  await playground.expectCursorOnLine(6);
});

test('the output can be copied as plain text', async ({ playground }) => {
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
  await playground.page.getByRole('button', { name: 'Copy output' }).click();
  await expect
    .poll(() => playground.page.evaluate(() => navigator.clipboard.readText()))
    .toBe('Hello, Alice!\nHello, Bob!\n');
  await expect(playground.page.getByText('Copied 2 lines.')).toBeVisible();
});

test('copying says so when the browser refuses the clipboard', async ({ playground }) => {
  // Plain-http hosts get no navigator.clipboard at all.
  await playground.page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await playground.reload();
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
  await playground.page.getByRole('button', { name: 'Copy output' }).click();
  await expect(playground.page.getByText('This browser did not allow copying here.')).toBeVisible();
  await expect(playground.runButton).toBeEnabled();
});

test('the theme toggle switches to dark and is remembered', async ({ playground }) => {
  const toggle = playground.page.getByRole('button', { name: 'Dark theme' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(playground.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(playground.page.locator('.monaco-editor.vs-dark')).toBeVisible();
  await playground.page.reload();
  await expect(playground.page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

/** `#rrggbb` as the browser reports a computed colour. */
function computedColor(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

test("a task's name takes its colour from the theme, and switching theme recolours it", async ({
  playground,
}) => {
  await expect(playground.page.locator('html')).toHaveAttribute('data-theme', 'light');
  await playground.runButton.click();
  const taskName = playground.output.locator('.output-task').first();
  await expect(taskName).toHaveText('Task-1');
  await expect(taskName).toHaveCSS('color', computedColor(taskColor(1, 'light')));
  await playground.page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(taskName).toHaveCSS('color', computedColor(taskColor(1, 'dark')));
});

test('Run pressed while Python is still starting runs as soon as it is ready', async ({ page }) => {
  // Not the `playground` fixture: it waits for the code editor, which loads after Python.
  const playground = new Playground(page);
  await page.goto('./');
  await expect(playground.status).toHaveText('Starting Python…');
  await playground.runButton.click();
  // The run waits for Python to start.
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT, { timeout: PYTHON_START_TIMEOUT });
  await expect(playground.status).toHaveText(FINISHED);
});

test('a hundred thousand lines of output are all there, drawn a window at a time', async ({
  playground,
}) => {
  await playground.setProgram('for i in range(100_000):\n    print("line", i)\n');
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^Finished: /, { timeout: 60_000 });
  // The view follows the output to its end…
  await expect(playground.outputLines.last()).toHaveText('line 99999');
  // …while only the rows in view are in the page.
  expect(await playground.output.locator('.output-line').count()).toBeLessThan(200);
  await playground.output.evaluate((log) => {
    log.scrollTop = 0;
  });
  await expect(playground.outputLines.first()).toHaveText('line 0');
});

test('the page answers the learner while a program floods the output', async ({ playground }) => {
  // Prints until stopped (a limit would end it only after millions of characters).
  await playground.setProgram('i = 0\nwhile True:\n    print("line", i)\n    i += 1\n');
  await playground.runButton.click();
  await expect(playground.outputLines.last()).toHaveText(/^line \d+$/, { timeout: 30_000 });
  await playground.stopButton.click();
  await expect(playground.status).toHaveText('Stopped.');
  await expect(playground.runButton).toBeEnabled();
  // What was printed before Stop stays, and the view followed it to its end
  // (where the interrupted print may have written only its first word, or the
  // separator after it: print writes its parts one at a time).
  await expect(playground.outputLines.last()).toHaveText(/^line( \d*)?$/);
  expect(await playground.output.locator('.output-line').count()).toBeLessThan(200);
});

const SLOW_FLOOD = `import asyncio

async def main():
    i = 0
    while True:
        print("line", i)
        i += 1
        sum(range(20_000))
        if i % 100 == 0:
            await asyncio.sleep(0)

asyncio.run(main())
`;

test('scrolled up, the output stays where the learner reads while lines arrive; at the bottom it follows again', async ({
  page,
  playground,
}) => {
  // Prints until stopped, slowly enough to be read (the log keeps at most 200,000 lines).
  await playground.setProgram(SLOW_FLOOD);
  await playground.runButton.click();
  await expect(playground.outputLines.last()).toHaveText(/^line \d+$/, { timeout: 30_000 });
  // The first line a person sees at the top of the log.
  const topLine = () =>
    playground.output.evaluate((log) => {
      const top = log.getBoundingClientRect().top;
      const rows = [...log.querySelectorAll('.output-line')];
      const row = rows.find((candidate) => candidate.getBoundingClientRect().bottom > top + 1);
      return row?.querySelector('.output-text')?.textContent ?? null;
    });
  const height = () => playground.output.evaluate((log) => log.scrollHeight);

  await playground.output.hover();
  await page.mouse.wheel(0, -600);
  await expect.poll(topLine).not.toBe(null);
  const reading = await topLine();
  const heightThen = await height();
  // More lines arrive below…
  await expect.poll(height, { timeout: 30_000 }).toBeGreaterThan(heightThen + 2_000);
  // …and the line being read has not moved.
  expect(await topLine()).toBe(reading);

  // End goes back to the bottom, and the log follows the new lines again.
  await playground.output.focus();
  await page.keyboard.press('End');
  const lastThen = await playground.outputLines.last().textContent();
  await expect(playground.outputLines.last()).not.toHaveText(lastThen ?? '', { timeout: 30_000 });
  await playground.stopButton.click();
  await expect(playground.status).toHaveText('Stopped.');
  await expect(playground.outputLines.last()).toHaveText(/^line( \d+)?$/);
});
