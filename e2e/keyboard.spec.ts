// The page driven by the keyboard alone (issue 11): Tab never edits the
// program on its way through, the focus follows Run and Stop, the event
// table is one tab stop, and a skip link leads to the timeline.
import { readFileSync } from 'node:fs';
import { BUSY_PROGRAM, expect, FINISHED, finishedAt, SEED_PROGRAM, test } from './fixtures';

test('keyboard only: Tab through the whole page from the top never changes the program', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.expectProgram(SEED_PROGRAM);
  // Through the header, the editor, Run and on into the timeline and output.
  for (let press = 0; press < 20; press++) await page.keyboard.press('Tab');
  await expect(playground.program).not.toBeFocused();
  // And back again, through the editor the other way.
  for (let press = 0; press < 20; press++) await page.keyboard.press('Shift+Tab');
  await playground.expectProgram(SEED_PROGRAM);
});

// A returning visitor's page: a first visit passes the welcome on the way (e2e/firstVisit.spec.ts).
test.describe('a returning visitor', () => {
  test.use({ visitor: 'returning' });

  test('keyboard only: once the learner types in the editor, Tab indents', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.expectProgram(SEED_PROGRAM);
    for (let press = 0; press < 5; press++) await page.keyboard.press('Tab');
    await expect(playground.program).toBeFocused();
    // Moving the cursor is working in the editor.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Tab');
    await expect(playground.program).toBeFocused();
    await playground.expectProgram(`${SEED_PROGRAM}    `);
    // Escape, then Tab, still moves on.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(playground.program).not.toBeFocused();
  });
});

test('keyboard only: Run moves the focus to Stop, and the end of the run brings it back', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.setProgram(BUSY_PROGRAM);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(playground.runButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(playground.stopButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(playground.status).toHaveText('Stopped.');
  await expect(playground.runButton).toBeFocused();

  // A run that ends by itself gives the focus back to Run too.
  await playground.setProgram(SEED_PROGRAM);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(playground.status).toHaveText(FINISHED);
  await expect(playground.runButton).toBeFocused();
});

test('keyboard only: the skip link is the first stop and leads to the timeline', async ({
  playground,
}) => {
  const { page } = playground;
  const skip = page.getByRole('link', { name: 'Skip to timeline' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toBeFocused();
  // The route stays the playground's.
  await expect(page.getByRole('link', { name: 'Playground' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('keyboard only: the event table is one tab stop, and the arrow keys move between rows', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.setProgram(
    readFileSync(new URL('../tests/golden/gather_sleeps.py', import.meta.url), 'utf8'),
  );
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(playground.status).toHaveText(finishedAt(3));

  // From Run, on through the timeline's controls until the focus is in the table.
  const table = page.getByRole('table', { name: 'Events' });
  const inTable = table.locator(':focus');
  for (let press = 0; press < 60 && (await inTable.count()) === 0; press++) {
    await page.keyboard.press('Tab');
  }
  // The stop is the playback cursor's row: at the end, the last.
  const lastRow = /^Go to 3\.000 s, step \d+$/;
  await expect(inTable).toHaveAccessibleName(lastRow);
  // One more Tab leaves the table; Shift+Tab comes back to the same button.
  await page.keyboard.press('Tab');
  await expect(inTable).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(inTable).toHaveAccessibleName(lastRow);
  // The arrows walk the rows and a row's buttons; Enter uses the button.
  const focusedRow = table.getByRole('row').filter({ has: page.locator(':focus') });
  await page.keyboard.press('Home');
  await expect(inTable).toHaveAccessibleName('Go to 0.000 s, step 1');
  await expect(focusedRow).toContainText('Created main()');
  await page.keyboard.press('ArrowRight');
  await expect(inTable).toHaveAccessibleName(/^Line \d+$/);
  await page.keyboard.press('ArrowLeft');
  await expect(inTable).toHaveAccessibleName('Go to 0.000 s, step 1');
  await page.keyboard.press('ArrowDown');
  await expect(focusedRow).not.toContainText('Created main()');
  await page.keyboard.press('Enter');
  // Playback moved back there: the current row is no longer the last.
  await expect(
    table.locator('tr[aria-current="true"]').getByRole('button', { name: /^Go to 0\.000 s/ }),
  ).toBeVisible();
});
