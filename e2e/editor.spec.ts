// The program editor: Monaco loaded lazily over a plain textarea, CPython's
// syntax verdict while typing, Ctrl+Enter, asyncio completions and hovers,
// and a page a keyboard alone can drive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  expect,
  FINISHED,
  holdBackCodeEditor,
  MONACO_LIBRARY_CHUNK,
  Playground,
  SEED_OUTPUT,
  SEED_PROGRAM,
  test,
} from './fixtures';

/** Line 5 lacks the right operand of `+`: CPython points at the `)`, column 19. */
const MISSING_OPERAND = `import asyncio

async def main():
    await asyncio.sleep(1)
    print("done" +)

asyncio.run(main())
`;
/** What typing `1` at the problem's place makes of it. */
const OPERAND_GIVEN = MISSING_OPERAND.replace('+)', '+1)');
const MISSING_OPERAND_PROBLEM = 'Line 5, column 19: SyntaxError: invalid syntax';

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

test('clicking a problem puts the cursor on its line and column', async ({ playground }) => {
  await playground.setProgram(MISSING_OPERAND);
  const problem = playground.problems.getByRole('button', { name: MISSING_OPERAND_PROBLEM });
  await problem.click();
  await playground.expectCursorOnLine(5);
  // Typed at the very place CPython pointed to, the operand fixes the line.
  await playground.page.keyboard.type('1');
  await playground.expectProgram(OPERAND_GIVEN);
  await expect(playground.problems).toHaveText('No syntax errors');
});

test('keyboard only: a problem is reached with Tab and opened with Enter', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.setProgram(MISSING_OPERAND);
  const problem = playground.problems.getByRole('button', { name: MISSING_OPERAND_PROBLEM });
  await expect(problem).toBeVisible();
  // Escape then Tab leaves the editor; the problems come before Run.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(problem).toBeFocused();
  await page.keyboard.press('Enter');
  await playground.expectCursorOnLine(5);
  await page.keyboard.type('1');
  await playground.expectProgram(OPERAND_GIVEN);
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

// A returning visitor's page: a first visit passes the welcome on the way (e2e/firstVisit.spec.ts).
test.describe('a returning visitor', () => {
  test.use({ visitor: 'returning' });

  for (const key of ['Enter', 'Space'] as const) {
    test(`keyboard only: Tab leaves the editor for Run, and ${key} runs`, async ({
      playground,
    }) => {
      const { page } = playground;
      await playground.expectProgram(SEED_PROGRAM);
      // The skip link, the header's section links and theme toggle come first, then the editor.
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to timeline' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Playground' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Lessons' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Dark theme' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(playground.program).toBeFocused();
      // Passing through, Tab moves on: it indents only once the learner works in the editor.
      await page.keyboard.press('Tab');
      await expect(playground.runButton).toBeFocused();
      await page.keyboard.press(key);
      await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
      await expect(playground.status).toHaveText(FINISHED);
      await playground.expectProgram(SEED_PROGRAM);
    });
  }
});

/** What the textarea holds when Monaco arrives, with the cursor at the end of its first line. */
const TYPED_BEFORE_MONACO = 'print("typed before Monaco")\nprint("second line")\n';
const TYPED_ON = 'print("typed before Monaco")  # here\nprint("second line")\n';

async function typeBeforeMonaco(playground: Playground): Promise<void> {
  await playground.program.fill(TYPED_BEFORE_MONACO);
  await playground.program.press('ControlOrMeta+Home');
  await playground.program.press('End');
}

test('Monaco takes over from the textarea with its text, cursor and focus', async ({ page }) => {
  const release = await holdBackCodeEditor(page);
  const playground = new Playground(page);
  await page.goto('./');
  await typeBeforeMonaco(playground);
  release();

  await playground.waitForCodeEditor();
  await expect(playground.program).toBeFocused();
  await page.keyboard.type('  # here');
  await playground.expectProgram(TYPED_ON);
});

test('when the code editor cannot load, the plain text box says so and does the work', async ({
  page,
}) => {
  // The chunk request fails, as when offline or when the host lacks the file.
  await page.route(MONACO_LIBRARY_CHUNK, (route) => route.abort('internetdisconnected'));
  const playground = new Playground(page);
  await page.goto('./');
  await expect(playground.codeEditorNote).toContainText(
    'The code editor could not be loaded, so this is a plain text box',
  );
  await expect(playground.program).toHaveValue(SEED_PROGRAM);
  const loadAttempts = () => playground.requests.filter((url) => MONACO_LIBRARY_CHUNK.test(url));
  const attemptsBeforeEditing = loadAttempts().length;
  expect(attemptsBeforeEditing).toBeGreaterThan(0);

  await playground.program.fill('print("plain")\n');
  await expect(playground.problems).toHaveText('No syntax errors');
  await playground.program.press('ControlOrMeta+Enter');
  await expect(playground.outputLines).toHaveText(['plain']);
  await playground.program.fill('print("plain again")\n');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['plain again']);
  // Editing and running did not set off another try at loading Monaco.
  expect(loadAttempts()).toHaveLength(attemptsBeforeEditing);

  // The edits were saved.
  await page.reload();
  await expect(playground.codeEditorNote).toBeVisible();
  await expect(playground.program).toHaveValue('print("plain again")\n');
});

test('in the plain text box, a problem takes the cursor to its place', async ({ page }) => {
  await page.route(MONACO_LIBRARY_CHUNK, (route) => route.abort('internetdisconnected'));
  const playground = new Playground(page);
  await page.goto('./');
  await expect(playground.codeEditorNote).toBeVisible();
  await playground.program.fill(MISSING_OPERAND);
  await playground.problems.getByRole('button', { name: MISSING_OPERAND_PROBLEM }).click();
  await expect(playground.program).toBeFocused();
  await page.keyboard.type('1');
  await expect(playground.program).toHaveValue(OPERAND_GIVEN);
  await expect(playground.problems).toHaveText('No syntax errors');
});

test('when the code editor cannot be created, the plain text box is back with text, cursor and focus', async ({
  page,
}) => {
  // Monaco's automatic layout creates a ResizeObserver inside editor.create;
  // a browser refusing it makes the creation throw after the module loaded.
  await page.addInitScript(() => {
    window.ResizeObserver = function refusedResizeObserver() {
      throw new Error('ResizeObserver refused by the test');
    } as unknown as typeof ResizeObserver;
  });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const release = await holdBackCodeEditor(page);
  const playground = new Playground(page);
  await page.goto('./');
  await typeBeforeMonaco(playground);
  release();

  await expect(playground.codeEditorNote).toBeVisible();
  // The failure this test is about: creating, not loading (the test above).
  expect(warnings).toContainEqual(expect.stringContaining('could not be created'));
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  await expect(playground.program).toBeFocused();
  await page.keyboard.type('  # here');
  await expect(playground.program).toHaveValue(TYPED_ON);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(playground.outputLines).toHaveText(['typed before Monaco', 'second line']);
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
