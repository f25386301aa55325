// A newcomer's first minutes as one story: run the example, break it and
// read the editor's verdict before running, fix it, meet a traceback and
// follow it to the line, fix that, and find the program kept after a reload.
import { expect, finishedAt, FINISHED, SEED_OUTPUT, SEED_PROGRAM, test } from './fixtures';

/** What the newcomer means to write: the example with the greetings a second apart. */
const PACED_PROGRAM = SEED_PROGRAM.replace(
  '    print(f"Hello, {name}!")\n',
  '    print(f"Hello, {name}!")\n    await asyncio.sleep(1)\n',
);

test('a newcomer runs the example, breaks it, follows a traceback and keeps the fix', async ({
  playground,
}) => {
  const { page } = playground;

  await test.step('the example is in the editor, and Run prints its greetings', async () => {
    await playground.expectProgram(SEED_PROGRAM);
    await playground.runButton.click();
    await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
    await expect(playground.status).toHaveText(FINISHED);
  });

  await test.step('a missing colon is named at its line, without running', async () => {
    // Line 6 is `async def main():`.
    await playground.moveCursorToLineEnd(6);
    await page.keyboard.press('Backspace');
    await expect(playground.problems).toHaveText(/^Line 6, column \d+: SyntaxError: expected ':'$/);
    await playground.expectSquiggleOnLine(6);

    await page.keyboard.type(':');
    await expect(playground.problems).toHaveText('No syntax errors');
    await expect(playground.errorSquiggles).toHaveCount(0);
    await playground.expectProgram(SEED_PROGRAM);
  });

  await test.step('a typo inside a coroutine raises, and the traceback leads to it', async () => {
    await playground.moveCursorToLineEnd(4);
    await page.keyboard.press('Enter');
    await page.keyboard.type('await asyncio.slep(1)');
    await playground.expectProgram(PACED_PROGRAM.replace('sleep', 'slep'));
    await playground.runButton.click();
    await expect(playground.status).toHaveText(/^Finished with exit code 1: /);
    const error = "AttributeError: module 'asyncio' has no attribute 'slep'";
    await expect(playground.outputLines.first()).toHaveText('Hello, Alice!');
    await expect(playground.outputLines.last()).toContainText(error);
    await expect(playground.problems).toContainText(`Line 5: ${error}`);
    await playground.expectSquiggleOnLine(5);

    await playground.output.getByRole('link', { name: 'File "main.py", line 5, in greet' }).click();
    await playground.expectCursorOnLine(5);
  });

  await test.step('fixed where the cursor landed, the program runs', async () => {
    // From the end of `await asyncio.slep(1)`, back past `p(1)`.
    await page.keyboard.press('End');
    for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('e');
    await playground.expectProgram(PACED_PROGRAM);
    await playground.runButton.click();
    await expect(playground.status).toHaveText(finishedAt(2));
    await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
    await expect(playground.problems).toHaveText('No syntax errors');
  });

  await test.step('after a reload the edited program is still there, and runs', async () => {
    await playground.reload();
    await playground.expectProgram(PACED_PROGRAM);
    await playground.runButton.click();
    await expect(playground.status).toHaveText(finishedAt(2));
    await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
  });
});
