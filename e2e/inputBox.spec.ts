// The Input box keeps what the learner types for the next visit, as the
// editor keeps the program, and says so when the browser cannot keep it.
import { expect, fillStorage, openInputBox, refuseStorage, test } from './fixtures';

test('typed input survives a reload straight after typing', async ({ playground }) => {
  const { page } = playground;
  const input = await openInputBox(page);
  await input.fill('Ada\nGrace\n');
  // Reloading right away: leaving the page saves what was typed.
  await playground.reload();
  await expect(input).toBeVisible();
  await expect(input).toHaveValue('Ada\nGrace\n');
  await expect(page.getByRole('note', { name: 'Keeping the input' })).toBeHidden();
});

test('without storage the Input box says the input will not be kept, and still feeds the run', async ({
  page,
  playground,
}) => {
  await refuseStorage(page);
  await playground.reload();
  const input = await openInputBox(page);
  const notice = page.getByRole('note', { name: 'Keeping the input' });
  await expect(notice).toHaveText(
    'This browser does not let the page save anything, so your input will not be kept after you leave.',
  );
  await expect(input).toHaveAccessibleDescription(/so your input will not be kept/);

  await input.fill('Ada\n');
  await playground.setProgram('print("Hello,", input())\n');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['Hello, Ada']);
  await expect(notice).toBeVisible();
});

test('when storage is full, the Input box says the latest input is not saved', async ({
  playground,
}) => {
  const { page } = playground;
  const input = await openInputBox(page);
  const notice = page.getByRole('note', { name: 'Keeping the input' });
  await expect(notice).toBeHidden();
  await fillStorage(page);
  await input.fill('Ada\n');
  await expect(notice).toHaveText(
    'Browser storage is full, so your latest input is not saved. Copy it somewhere to keep it.',
  );
  await expect(input).toHaveValue('Ada\n');
});
