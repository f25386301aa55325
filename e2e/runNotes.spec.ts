// What a run tells beyond its output (issue 11): the Input box that feeds
// input(), a syntax error that kept the program from starting, and the note
// on top-level await.
import { expect, test } from './fixtures';

const ASKS_NAME = `import asyncio

async def main():
    name = input("Name? ")
    print("Hello,", name)

asyncio.run(main())
`;

test('the Input box feeds input() and is kept; left empty, it opens and the traceback has no asyncio frames', async ({
  playground,
}) => {
  const { page } = playground;
  const input = page.getByRole('textbox', { name: 'Input' });
  await expect(input).toBeHidden();
  await playground.setProgram(ASKS_NAME);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^Finished with exit code 1/);
  await expect(input).toBeVisible();
  await expect(input).toHaveAccessibleDescription(/^The program called input\(\)/);
  await expect(playground.outputLines).toHaveText([
    'Name? ',
    'Traceback (most recent call last):',
    '  File "main.py", line 7, in <module>',
    '    asyncio.run(main())',
    '    ~~~~~~~~~~~^^^^^^^^',
    '  File "main.py", line 4, in main',
    '    name = input("Name? ")',
    'EOFError: EOF when reading a line',
  ]);

  await input.fill('Ada\n');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['Name? Hello, Ada']);
  // The box stays open with what was typed, for the next run.
  await expect(input).toHaveValue('Ada\n');

  // And for the next visit: a reload finds it open with the same text.
  await playground.reload();
  await expect(input).toBeVisible();
  await expect(input).toHaveValue('Ada\n');
});

test('a syntax error is listed once, and the status says the program did not start', async ({
  playground,
}) => {
  await playground.setProgram('print("never")\nprint("oops"\n');
  await expect(playground.problems.getByRole('listitem')).toHaveCount(1);
  await playground.runButton.click();
  await expect(playground.status).toHaveText('The program did not start: it has a syntax error.');
  await expect(playground.problems.getByRole('listitem')).toHaveCount(1);
  await expect(playground.problems).toContainText('Line 2');
});

test('a program that awaits outside a function runs, with a note on plain Python', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.setProgram('import asyncio\n\nawait asyncio.sleep(1)\nprint("slept")\n');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['slept']);
  await expect(page.getByRole('note', { name: 'About this program' })).toHaveText(
    'Note: this program uses await outside a function; plain Python needs asyncio.run(main()).',
  );
  await playground.setProgram('print("plain")\n');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['plain']);
  await expect(page.getByRole('note', { name: 'About this program' })).toBeHidden();
});
