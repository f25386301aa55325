// Embeds: a lesson, one exercise or a program inside an instructor's page
// on another site (public/examples/embed-host.html), configured by its
// address, driven and heard through the postMessage API (docs/embedding.md).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, TestInfo } from '@playwright/test';
import { shareFragment } from '../app/features/share/shareLink';
import { expect, Playground, PYTHON_START_TIMEOUT, SEED_PROGRAM, test } from './fixtures';

/** Two tasks that tick after 1 s and 2 s: the same program as the example host page's second embed. */
const TICKS =
  '#/share/1/eNptjkEOAiEMRa9CuoKEmOhydnqObhqoShwKYTBmYry7zGDUxXTV39__2ie45BkGCDGnUhVNs7iQUFDWVnk-qxrcTQtFtk2ONJsBRbWiB4VvZDeNzFn3he7nEqR-gggLhT1CM__hkYLobeKF6pWLXs8jHBGs2hvb30E4LfpgfriWKHfRHdjG8HoDNXZKNQ';

/** The program TICKS carries. */
const TICKS_PROGRAM = `import asyncio

async def tick(name, delay):
    await asyncio.sleep(delay)
    print(name, "ticked")

async def main():
    await asyncio.gather(tick("A", 1), tick("B", 2))

asyncio.run(main())
`;

const SOLUTION = SEED_PROGRAM.replace(
  '    await greet("Bob")\n',
  '    await greet("Bob")\n    await greet("Carol")\n',
);

/** The example host page, served from another origin than the embeds (the unisolated server: port + 1). */
function hostPageAddress(testInfo: TestInfo): string {
  const site = new URL(testInfo.project.use.baseURL ?? '');
  const host = new URL(site.href);
  host.port = String(Number(site.port) + 1);
  return `${host.origin}${host.pathname}examples/embed-host.html?site=${encodeURIComponent(site.href)}`;
}

/** Requests for the sandbox worker's script: one per Python worker started. */
function countWorkerStarts(page: Page): () => number {
  let count = 0;
  page.context().on('request', (request) => {
    if (/\/assets\/sandbox\.worker-[^/]*\.js$/.test(request.url())) count += 1;
  });
  return () => count;
}

/** Python workers alive now, in the page and its frames. */
function liveSandboxWorkers(page: Page): number {
  return page
    .workers()
    .filter((worker) => /\/assets\/sandbox\.worker-[^/]*\.js$/.test(worker.url())).length;
}

test('an embed shows only the panes its address asks for, with its options', async ({ page }) => {
  await page.goto(`./embed.html?v=1&panes=editor,output&theme=dark&readonly=1&run=1${TICKS}`);
  const embed = new Playground(page);
  await expect(embed.outputLines).toHaveText(['A ticked', 'B ticked'], {
    timeout: PYTHON_START_TIMEOUT,
  });
  await expect(page.getByRole('region', { name: 'Timeline' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Event loop' })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Read-only: the program can be run, not changed.
  await embed.waitForCodeEditor();
  await embed.program.focus();
  await page.keyboard.type('x = 1');
  await expect.poll(() => embed.shownProgram()).toContain('async def tick(name, delay):');
  await expect.poll(() => embed.shownProgram()).not.toContain('x = 1');
  await embed.runButton.click();
  await expect(embed.status).toHaveText(/^Finished: 2\.0 s of virtual time/);
});

test('an embed with a height keeps to it, whatever its content', async ({ page }) => {
  await page.goto(`./embed.html?v=1&height=320&run=1${TICKS}`);
  const embed = page.getByRole('main');
  await expect(new Playground(page).outputLines).toHaveText(['A ticked', 'B ticked'], {
    timeout: PYTHON_START_TIMEOUT,
  });
  await expect.poll(async () => (await embed.boundingBox())?.height).toBe(320);
});

test('an embed of the timeline and the loop at a moment, without the editor', async ({ page }) => {
  await page.goto(`./embed.html?v=1&panes=timeline,loop&run=1&moment=3${TICKS}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('slider', { name: 'Playback position' })).toHaveAttribute(
    'aria-valuetext',
    /^Moment 4 of /,
    { timeout: PYTHON_START_TIMEOUT },
  );
  await expect(timeline.getByRole('region', { name: 'Event loop' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Editor' })).toHaveCount(0);
  await expect(page.getByRole('log', { name: 'Output' })).toHaveCount(0);
});

test('a mistake in an embed links to its lesson on the whole site, in a new tab', async ({
  page,
}, testInfo) => {
  // An embed's program travels as a share link's fragment.
  const forgotAwait = shareFragment({
    code: SEED_PROGRAM.replace('    await greet("Alice")\n', '    greet("Alice")\n'),
  });
  await page.goto(`./embed.html?v=1&run=1${forgotAwait}`);
  const learnMore = page
    .getByRole('region', { name: 'Run summary' })
    .getByRole('link', { name: /Learn more/ });
  const [site] = await Promise.all([page.waitForEvent('popup'), learnMore.click()]);
  await expect(site).toHaveURL(
    `${testInfo.project.use.baseURL ?? ''}#/lessons/coroutines-and-the-event-loop`,
  );
  await expect(
    site.getByRole('article', { name: /Lesson 1: Coroutines and the event loop/ }),
  ).toBeVisible();
  await site.close();
});

test('an exercise embed shows that exercise alone, and a wrong address says what is wrong', async ({
  page,
}) => {
  await page.goto('./embed.html?v=1&lesson=coroutines-and-the-event-loop&exercise=greet-three');
  await expect(page.getByRole('region', { name: /^Exercise: Greet a third guest/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Exercise:/ })).toHaveCount(1);
  await expect(page.getByRole('region', { name: /^Example/ })).toHaveCount(0);

  await page.goto('./embed.html?v=1&panes=editor,console');
  await expect(page.getByRole('alert')).toHaveText(
    'This Loopscope embed cannot be shown: "console" is not a pane (the panes are editor, output, timeline, loop).',
  );
  await page.goto('./embed.html?v=1&lesson=no-such-lesson');
  await expect(page.getByRole('alert')).toHaveText('This site has no lesson “no-such-lesson”.');
  await page.goto('./embed.html?v=1');
  await expect(page.getByRole('alert')).toContainText('it names no program');
});

test('a course page on another origin drives an embed and hears its runs and checks', async ({
  page,
}, testInfo) => {
  await page.goto(hostPageAddress(testInfo));
  const log = page.getByRole('log', { name: 'Messages from the embeds' });
  await expect(log).toContainText('exercise: ready');
  const exercise = page.frameLocator('#exercise');
  await expect(exercise.getByRole('status').and(exercise.locator(':not([aria-label])'))).toHaveText(
    'Ready',
    { timeout: PYTHON_START_TIMEOUT },
  );

  await page.getByLabel('Program to send').fill(SOLUTION);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(log).toContainText(
    'exercise: run ended (ok): Hello, Alice! | Hello, Bob! | Hello, Carol!',
    { timeout: PYTHON_START_TIMEOUT },
  );

  const panel = exercise.getByRole('region', { name: /^Exercise: Greet a third guest/ });
  await panel.getByRole('button', { name: 'Check' }).click();
  await expect(log).toContainText('exercise: coroutines-and-the-event-loop/greet-three passed', {
    timeout: PYTHON_START_TIMEOUT,
  });
});

test('two embeds on one page: the one further down starts Python only once scrolled to', async ({
  page,
}, testInfo) => {
  const workerStarts = countWorkerStarts(page);
  await page.goto(hostPageAddress(testInfo));
  const exercise = page.frameLocator('#exercise');
  await expect(exercise.getByRole('status').and(exercise.locator(':not([aria-label])'))).toHaveText(
    'Ready',
    { timeout: PYTHON_START_TIMEOUT },
  );
  // One worker: the exercise's. The program below has not started its own.
  expect(workerStarts()).toBe(1);
  expect(liveSandboxWorkers(page)).toBe(1);
  // Neither embed took the focus from the page, and the page sized the first
  // to its content from the embed's resize messages.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  await expect
    .poll(() => page.locator('#exercise').evaluate((frame) => frame.style.height))
    .toMatch(/^\d+px$/);

  await page.locator('#program').scrollIntoViewIfNeeded();
  const program = page.frameLocator('#program');
  await expect(program.getByRole('log', { name: 'Output' }).locator('.output-text')).toHaveText(
    ['A ticked', 'B ticked'],
    { timeout: PYTHON_START_TIMEOUT },
  );
  // Each reported its own runs only.
  await expect(page.getByRole('log', { name: 'Messages from the embeds' })).toContainText(
    'program: run ended (ok): A ticked | B ticked',
  );
  // Its run's worker ended with the run, and the next run's started: one worker per embed.
  await expect.poll(workerStarts).toBe(3);
  await expect.poll(() => liveSandboxWorkers(page)).toBe(2);
});

test('Embed writes the snippet for the program on screen, with the options as controls and a live preview', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.setProgram(TICKS_PROGRAM);
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in your page' });
  await expect(dialog.getByRole('radio', { name: 'this program' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Timeline' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'run when it comes into view' }).check();
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await dialog.getByRole('spinbutton', { name: 'Height (pixels)' }).fill('400');

  const snippet = dialog.getByRole('textbox', { name: 'Snippet' });
  await expect(snippet).toHaveValue(
    /^<iframe\n {2}src="[^"]*\/embed\.html\?v=1&amp;panes=editor%2Coutput&amp;theme=dark&amp;run=1&amp;height=400#\/share\/1\/[\w-]+"\n {2}title="Loopscope: an asyncio program"/,
  );
  const preview = dialog.frameLocator('iframe[title="Preview"]');
  await expect(preview.getByRole('log', { name: 'Output' }).locator('.output-text')).toHaveText(
    ['A ticked', 'B ticked'],
    { timeout: PYTHON_START_TIMEOUT },
  );
  await expect(preview.getByRole('region', { name: 'Timeline' })).toHaveCount(0);
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');

  await dialog.getByRole('textbox', { name: /Your page’s origin/ }).fill('school.example');
  await expect(dialog.getByRole('alert')).toHaveText(
    'That is not an origin like https://school.example: the snippet leaves it out.',
  );
  await dialog.getByRole('textbox', { name: /Your page’s origin/ }).fill('https://school.example');
  await expect(snippet).toHaveValue(/&amp;host=https%3A%2F%2Fschool\.example#/);

  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied. Paste it into your page’s HTML.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await snippet.inputValue());

  // The snippet's address, opened as a reader's browser would.
  const address = /src="([^"]*)"/.exec(copied)?.[1]?.replaceAll('&amp;', '&') ?? '';
  await page.goto(address);
  await expect(playground.outputLines).toHaveText(['A ticked', 'B ticked'], {
    timeout: PYTHON_START_TIMEOUT,
  });
});

/** Lesson 1's exercise in the editor, then the Embed dialog, as an instructor opens them. */
async function embedDialogOnLesson1Exercise(page: Page) {
  await page.goto('./#/lessons/coroutines-and-the-event-loop');
  const exercise = page.getByRole('region', { name: /Exercise: Greet a third guest/ });
  await exercise.getByRole('button', { name: 'Open exercise in editor' }).click();
  await page.getByRole('button', { name: 'Embed' }).click();
  return page.getByRole('dialog', { name: 'Embed in your page' });
}

test('in a lesson, Embed offers the exercise in the editor, the lesson, or the program', async ({
  playground,
}) => {
  const { page } = playground;
  const dialog = await embedDialogOnLesson1Exercise(page);
  await expect(
    dialog.getByRole('radio', { name: 'the exercise: Greet a third guest' }),
  ).toBeChecked();
  const snippet = dialog.getByRole('textbox', { name: 'Snippet' });
  await expect(snippet).toHaveValue(
    /embed\.html\?v=1&amp;lesson=coroutines-and-the-event-loop&amp;exercise=greet-three&amp;height=600"/,
  );
  await expect(snippet).toHaveValue(/title="Loopscope exercise: Greet a third guest"/);
  const preview = dialog.frameLocator('iframe[title="Preview"]');
  await expect(
    preview.getByRole('region', { name: /^Exercise: Greet a third guest/ }),
  ).toBeVisible();

  await dialog.getByRole('radio', { name: /^the lesson: Lesson 1/ }).check();
  await expect(snippet).toHaveValue(
    /embed\.html\?v=1&amp;lesson=coroutines-and-the-event-loop&amp;height=600"/,
  );
  await dialog.getByRole('radio', { name: 'this program' }).check();
  await expect(snippet).toHaveValue(/embed\.html\?v=1&amp;height=600#\/share\/1\//);
});

test('an instructor embeds a lesson in a plain page on another site, and the page hears when a student passes', async ({
  playground,
  browser,
}) => {
  // The issue's whole story: Embed on the site, the snippet pasted into a
  // course page on another origin, a student passing the exercise there.
  test.slow();
  const { page } = playground;
  const dialog = await embedDialogOnLesson1Exercise(page);
  // The instructor's own web server, on another origin, with the course page
  // as they write it: the snippet pasted in, and a few lines recording completion.
  let coursePageHtml = '';
  const courseServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(coursePageHtml);
  });
  await new Promise<void>((listening) => courseServer.listen(0, '127.0.0.1', listening));
  const { port } = courseServer.address() as AddressInfo;
  const course = `http://127.0.0.1:${port}`;
  await dialog.getByRole('textbox', { name: /Your page’s origin/ }).fill(course);
  const snippet = await dialog.getByRole('textbox', { name: 'Snippet' }).inputValue();
  coursePageHtml = `<!doctype html><title>Week 1</title><h1>Week 1</h1>
${snippet}
<p id="done" role="status" aria-label="Completion"></p>
<script>
  addEventListener('message', (event) => {
    if (event.data?.loopscope === 1 && event.data.type === 'checkResult' && event.data.passed)
      document.getElementById('done').textContent = 'Completed ' + event.data.exercise;
  });
</script>`;
  const student = await browser.newContext();
  try {
    const coursePage = await student.newPage();
    await coursePage.goto(`${course}/week-1.html`);
    const embed = coursePage.frameLocator('iframe');
    const panel = embed.getByRole('region', { name: /^Exercise: Greet a third guest/ });
    const editor = embed.getByRole('textbox', { name: 'Program' });
    await expect(editor).toHaveAttribute('aria-roledescription', 'editor', {
      timeout: PYTHON_START_TIMEOUT,
    });
    // The student awaits Bob and greets Carol, as a person types it: the
    // starter's line 8 is `    greet("Bob")`, and Monaco keeps the indent.
    await editor.focus();
    await coursePage.keyboard.press('ControlOrMeta+End');
    for (let line = 0; line < 3; line += 1) await coursePage.keyboard.press('ArrowUp');
    await coursePage.keyboard.press('Home');
    await coursePage.keyboard.type('await ');
    await coursePage.keyboard.press('End');
    await coursePage.keyboard.press('Enter');
    await coursePage.keyboard.type('await greet("Carol")');
    await panel.getByRole('button', { name: 'Check' }).click();
    await expect(panel.getByRole('status', { name: 'Feedback' })).toHaveText(/Passed/, {
      timeout: PYTHON_START_TIMEOUT,
    });
    await expect(coursePage.getByRole('status', { name: 'Completion' })).toHaveText(
      'Completed greet-three',
    );
  } finally {
    await student.close();
    courseServer.close();
  }
});
