// Offline and updates: after one visit the site is kept in the browser
// (its service worker, app/offline/serviceWorker.template.js) and starts and
// runs with the network unplugged; a new release is noticed on the next
// visit and taken only when the learner asks, never half old and half new.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, PYTHON_START_TIMEOUT, runSeed, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });
// The second test changes the built site's sw.js: never beside the first.
test.describe.configure({ mode: 'serial' });

/** The service worker the preview server serves (playwright.config.ts serves dist/). */
const SERVED_WORKER = new URL('../dist/sw.js', import.meta.url);

/** Saving the whole site (~23 MB) can take a while on a busy machine. */
const SAVE_TIMEOUT = 120_000;

test('after one visit the site starts and runs with the network unplugged', async ({
  playground,
  context,
}) => {
  const { page } = playground;
  // The learner runs the example while the copy is saved, and again once it is.
  await runSeed(playground);
  const offlineCopy = page.getByRole('status', { name: 'Offline copy' });
  await expect(offlineCopy).toHaveText('Works offline', { timeout: SAVE_TIMEOUT });
  await runSeed(playground);
  // Saving the first copy never reloads the page under the learner: this is
  // still the document the visit opened.
  const howOpened = () =>
    page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type,
    );
  expect(await howOpened()).toBe('navigate');

  await context.setOffline(true);
  await playground.reload();
  await runSeed(playground);
  await page.getByRole('link', { name: 'Lessons' }).click();
  await page.getByRole('link', { name: /Tasks/ }).first().click();
  await expect(page.getByRole('article', { name: /^Lesson \d+: Tasks/ })).toBeVisible();
  await page.goto('./embed.html?v=1&lesson=coroutines-and-the-event-loop');
  await expect(page.getByRole('article', { name: /Lesson 1: Coroutines/ })).toBeVisible();
});

test('a new release is noticed on the next visit, and taken only when asked', async ({
  playground,
}) => {
  // Two whole saves of the site, and Python started three times.
  test.slow();
  const { page } = playground;
  const offlineCopy = page.getByRole('status', { name: 'Offline copy' });
  await expect(offlineCopy).toHaveText('Works offline', { timeout: SAVE_TIMEOUT });
  const cacheNames = () => page.evaluate(() => caches.keys());
  const [first] = await cacheNames();
  expect(first).toMatch(/^loopscope-[0-9a-f]{16}$/);

  // The next release, deployed: the same files under a new version.
  const released = readFileSync(SERVED_WORKER, 'utf8');
  writeFileSync(
    SERVED_WORKER,
    released.replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = 'next-release'"),
  );
  try {
    await page.reload();
    await expect(offlineCopy).toHaveText('A new version of Loopscope is ready. Reload to update', {
      timeout: SAVE_TIMEOUT,
    });
    // Until asked, the page is the old release's, from the old cache.
    expect(await cacheNames()).toContain(first);

    await offlineCopy.getByRole('button', { name: 'Reload to update' }).click();
    await expect(offlineCopy).toHaveText('Works offline', { timeout: PYTHON_START_TIMEOUT });
    await expect.poll(cacheNames).toEqual(['loopscope-next-release']);
    await runSeed(playground);
  } finally {
    writeFileSync(SERVED_WORKER, released);
  }
});
