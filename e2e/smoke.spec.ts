import { expect, test } from '@playwright/test';

test('the page loads from a sub-path and stays on its own origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
      foreign.push(url.href);
    }
  });

  await page.goto('./');

  await expect(page.getByRole('heading', { name: 'Loopscope', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  expect(foreign).toEqual([]);
});
