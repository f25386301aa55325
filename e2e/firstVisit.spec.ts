// A first visit (issue 11, point 9): a named progress bar while Python
// downloads and starts, a two-line welcome saying what Loopscope is and what
// to try (dismissed for good), a favicon, and not one failed request.
import {
  expect,
  holdBack,
  Playground,
  PYTHON_START_TIMEOUT,
  refuseStorage,
  SEED_PROGRAM,
  test,
} from './fixtures';

test('while Python downloads and starts, a named bar shows it, then the status says Ready', async ({
  page,
}) => {
  // Python cannot finish starting without its package lock, nor finish
  // downloading without its wasm: holding both keeps each step on screen.
  const releaseWasm = await holdBack(page.context(), /\/pyodide\/pyodide\.asm\.wasm$/);
  const releaseLock = await holdBack(page.context(), /\/pyodide\/pyodide-lock\.json$/);
  const playground = new Playground(page);
  await page.goto('./');

  const downloading = page.getByRole('progressbar', { name: 'Downloading Python' });
  await expect(downloading).toBeVisible();
  await expect(page.getByText(/^Step 1 of 2: downloading/)).toBeVisible();
  await expect(playground.status).toHaveText('Starting Python…');

  releaseWasm();
  const starting = page.getByRole('progressbar', { name: 'Starting Python' });
  await expect(starting).toBeVisible();
  // Starting has no measure: the bar moves without a value.
  await expect(starting).not.toHaveAttribute('value');
  await expect(page.getByText('Step 2 of 2: starting the interpreter')).toBeVisible();
  await expect(playground.status).toHaveText('Starting Python…');

  releaseLock();
  await expect(playground.status).toHaveText('Ready', { timeout: PYTHON_START_TIMEOUT });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test('a first visit is welcomed with what Loopscope is and what to try, until dismissed for good', async ({
  playground,
}) => {
  const { page } = playground;
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await expect(welcome).toContainText('runs your asyncio program on real Python');
  await expect(welcome).toContainText('Try it: press Run and follow the example on the timeline.');
  await expect(
    welcome.getByRole('link', { name: 'Lesson 1: Coroutines and the event loop' }),
  ).toHaveAttribute('href', '#/lessons/coroutines-and-the-event-loop');

  await welcome.getByRole('button', { name: 'Dismiss the welcome' }).click();
  await expect(welcome).toHaveCount(0);
  await page.reload();
  // The page is drawn (the welcome would come with it), whether or not Python has started.
  await expect(playground.runButton).toBeVisible();
  await expect(welcome).toHaveCount(0);
});

test("the welcome's link opens lesson 1", async ({ playground }) => {
  const { page } = playground;
  await page
    .getByRole('region', { name: 'Welcome' })
    .getByRole('link', { name: 'Lesson 1: Coroutines and the event loop' })
    .click();
  await expect(
    page.getByRole('article', { name: 'Lesson 1: Coroutines and the event loop' }),
  ).toBeVisible();
});

test('keyboard only: the welcome comes after the header, and dismissing it hands the focus to the editor', async ({
  playground,
}) => {
  const { page } = playground;
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await playground.expectProgram(SEED_PROGRAM);
  // The skip link, the header's section links and the theme toggle come first.
  for (let press = 0; press < 5; press++) await page.keyboard.press('Tab');
  await expect(welcome.getByRole('link', { name: /^Lesson 1/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(welcome.getByRole('button', { name: 'Dismiss the welcome' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(welcome).toHaveCount(0);
  await expect(playground.program).toBeFocused();
  // Passing through: the program is unchanged, and Tab moves on to Run.
  await page.keyboard.press('Tab');
  await expect(playground.runButton).toBeFocused();
  await playground.expectProgram(SEED_PROGRAM);
});

test('without storage, the welcome is dismissed for the visit, and nothing fails', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await refuseStorage(page);
  const playground = new Playground(page);
  await page.goto('./');
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await welcome.getByRole('button', { name: 'Dismiss the welcome' }).click();
  await expect(welcome).toHaveCount(0);
  // Away to the lessons and back, within the visit: still dismissed.
  await page.getByRole('link', { name: 'Lessons', exact: true }).click();
  const playgroundLink = page.getByRole('link', { name: 'Playground' });
  await playgroundLink.click();
  await expect(playgroundLink).toHaveAttribute('aria-current', 'page');
  await expect(welcome).toHaveCount(0);
  await expect(playground.status).toHaveText('Ready', { timeout: PYTHON_START_TIMEOUT });
  // Nothing was kept: the next visit is welcomed again.
  await page.reload();
  await expect(welcome).toBeVisible();
  expect(errors).toEqual([]);
});

test('no request fails on a first visit, and the favicon comes from the site itself', async ({
  page,
  baseURL,
}) => {
  const failures: string[] = [];
  // Context-wide, so the worker's requests are watched too.
  page.context().on('requestfailed', (request) => {
    failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.context().on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
  });
  const favicon = new URL('favicon.svg', baseURL).href;
  const faviconResponse = page.waitForResponse(favicon);
  const playground = new Playground(page);
  await playground.open();
  await expect(playground.status).toHaveText('Ready');
  const response = await faviconResponse;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  expect(failures).toEqual([]);
});
