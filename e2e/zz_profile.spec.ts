import { test, expect } from '@playwright/test';
test('profile page start', async ({ page }) => {
  const t0 = Date.now();
  await page.goto('./');
  await expect(page.getByRole('status').and(page.locator(':not([aria-label])'))).toHaveText('Ready', { timeout: 45000 });
  const ready = Date.now() - t0;
  await expect(page.getByRole('textbox', { name: 'Program' })).toHaveAttribute('aria-roledescription', 'editor', { timeout: 45000 });
  console.log('ready', ready, 'monaco', Date.now() - t0);
});
