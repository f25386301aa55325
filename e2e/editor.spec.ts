// The program editor: Monaco loaded lazily over a plain textarea, CPython's
// syntax verdict while typing, Ctrl+Enter, asyncio completions and hovers,
// and a page a keyboard alone can drive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, FINISHED, Playground, SEED_OUTPUT, SEED_PROGRAM, test } from './fixtures';

test('a syntax error is shown while typing, before any run', async ({ playground }) => {
  const { page } = playground;
  await playground.setProgram(
    'import asyncio\n\nasync def main():\n    print("hi")\n\nasyncio.run(main())\n',
  );
  await expect(playground.problems).toHaveText('No syntax errors');

  // Line 4 becomes `print("hi") +`: CPython says invalid syntax there.
  await playground.moveCursorToLineEnd(4);
  await page.keyboard.type(' +');
  await expect(playground.problems).toHaveText(/^Line 4, column \d+: SyntaxError: invalid syntax$/);
  await playground.expectSquiggleOnLine(4);

  // Nothing ran: the verdict came from compiling alone.
  await expect(playground.outputLines).toHaveCount(0);

  // Fixing the line clears the problem and the squiggle.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(playground.problems).toHaveText('No syntax errors');
  await expect(playground.errorSquiggles).toHaveCount(0);
});

test('Ctrl+Enter in the editor runs the program', async ({ playground }) => {
  const program = 'print("run from the keyboard")\n';
  await playground.setProgram(program);
  await expect(playground.program).toBeFocused();
  await playground.page.keyboard.press('ControlOrMeta+Enter');
  await expect(playground.outputLines).toHaveText(['run from the keyboard']);
  await expect(playground.status).toHaveText(FINISHED);
  // The keys ran the program rather than inserting a line.
  await playground.expectProgram(program);
});

test('typing asyncio.ga offers gather, with its signature', async ({ playground }) => {
  const { page } = playground;
  await playground.setProgram('import asyncio\n\n');
  await page.keyboard.type('asyncio.ga');
  const gather = page.getByRole('option', { name: /^gather\b/ });
  await expect(gather).toBeVisible();
  await expect(gather).toContainText('(*coros_or_futures, return_exceptions=False)');
  await page.keyboard.press('Enter');
  await playground.expectProgram('import asyncio\n\nasyncio.gather');
});

test('hovering asyncio.sleep shows its signature and what it does', async ({ playground }) => {
  const { page } = playground;
  await playground.setProgram('import asyncio\n\nasyncio.run(asyncio.sleep(1))\n');
  // Let the syntax check after the paste settle: new markers close an open hover.
  await expect(playground.problems).toHaveText('No syntax errors');
  await playground.hoverText('sleep');
  const hover = page.getByRole('tooltip');
  await expect(hover).toContainText('async def sleep(delay, result=None)');
  await expect(hover).toContainText('Suspends the current task');
});

for (const key of ['Enter', 'Space'] as const) {
  test(`keyboard only: Tab leaves the editor for Run, and ${key} runs`, async ({ playground }) => {
    const { page } = playground;
    await playground.expectProgram(SEED_PROGRAM);
    // The header's theme toggle comes first, then the editor.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(playground.program).toBeFocused();
    // Tab indents inside the editor; Escape first lets it move on.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(playground.runButton).toBeFocused();
    await page.keyboard.press(key);
    await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
    await expect(playground.status).toHaveText(FINISHED);
    await playground.expectProgram(SEED_PROGRAM);
  });
}

test('Monaco takes over from the textarea with its text, cursor and focus', async ({ page }) => {
  // Hold Monaco back until the textarea has been used.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/monaco[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  const playground = new Playground(page);
  await page.goto('./');
  await playground.program.fill('print("typed before Monaco")\nprint("second line")\n');
  // The cursor goes to the end of the first line.
  await playground.program.press('ControlOrMeta+Home');
  await playground.program.press('End');
  release();

  await playground.waitForCodeEditor();
  await expect(playground.program).toBeFocused();
  await page.keyboard.type('  # here');
  await playground.expectProgram('print("typed before Monaco")  # here\nprint("second line")\n');
});

test('the textarea works on its own when the code editor cannot load', async ({ page }) => {
  await page.route(/\/assets\/monaco[^/]*\.js$/, (route) => route.abort());
  const playground = new Playground(page);
  await page.goto('./');
  await expect(playground.program).toHaveValue(SEED_PROGRAM);
  await playground.program.fill('print("plain")\n');
  await expect(playground.problems).toHaveText('No syntax errors');
  await playground.program.press('ControlOrMeta+Enter');
  await expect(playground.outputLines).toHaveText(['plain']);
  await expect(playground.program).not.toHaveAttribute('aria-roledescription', 'editor');
});

test('Monaco stays out of the JavaScript loaded before the first paint', () => {
  // The entry script, what index.html preloads, and what those import statically.
  const dist = join(import.meta.dirname, '..', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] ?? '',
  );
  const initial = new Set<string>();
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (initial.has(file)) continue;
    initial.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const [, imported] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      pending.push(`assets/${imported ?? ''}`);
    }
  }
  const gzipped = [...initial].reduce(
    (total, file) => total + gzipSync(readFileSync(join(dist, file))).length,
    0,
  );
  console.log(
    `  before first paint: ${[...initial].join(', ')}: ${(gzipped / 1024).toFixed(1)} KB gzip`,
  );
  expect([...initial].filter((file) => file.includes('monaco'))).toEqual([]);
  expect(gzipped).toBeLessThan(200 * 1024);
});
