// Share links: a program, and what the learner chose to send with it, in
// the address itself. Whoever opens one gets the program (and its run at
// the playback position, when the link has one), and keeps their own work.
import { createHash } from 'node:crypto';
import type { Browser } from '@playwright/test';
import {
  expect,
  finishedAt,
  openInputBox,
  Playground,
  PYTHON_START_TIMEOUT,
  SEED_PROGRAM,
  test,
} from './fixtures';

/** Greets each name of its input line, one second apart. */
const GREETER = `import asyncio

async def greet(name, delay):
    await asyncio.sleep(delay)
    print("Hello,", name)

async def main():
    names = input().split()
    await asyncio.gather(*(greet(name, i) for i, name in enumerate(names)))

asyncio.run(main())
`;

/**
 * A link made by format 1 on 2026-12-07, never regenerated (people have sent
 * such links): a program that prints its input after a second's sleep, the
 * input "Grace", lesson 1, and the playback cursor at moment 1.
 */
const FORMAT_1_LINK =
  '#/share/1/eNo9jjEKwzAMRa9iPLmQFLIGOvcAXb0IWyWCWDK201BK717hhGqSnv7X18cGiWhnSylLaQbqmwOJZ8-9NRGfJgGxu8yejRZDQnMzxHlr7nIw2IH-3mtdEbObzl0uxM15-1igYDQ7tcXboZ9RxRmjrrKxO4IU28H2AH3sXiBgJyvWKqwoSJGtEWMdgePYFhzxhdzGVSSrMEnSyc7T9wflu0uI';

/** A second person, in a browser of their own (nothing saved), opening `address`. */
async function otherPerson(browser: Browser, address: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(address);
  const playground = new Playground(page);
  await playground.waitForCodeEditor();
  return { playground, page, close: () => context.close() };
}

test('Share copies a link that gives another person the program, its input and its run at the same moment', async ({
  playground,
  browser,
}) => {
  const { page } = playground;
  await playground.setProgram(GREETER);
  await (await openInputBox(page)).fill('Ada Grace\n');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['Hello, Ada', 'Hello, Grace']);
  await expect(playground.status).toHaveText(finishedAt(1));
  const playback = page.getByRole('toolbar', { name: 'Playback' });
  await playback.getByRole('button', { name: 'Jump to start' }).click();
  await playback.getByRole('button', { name: 'Step forward' }).click();
  await playback.getByRole('button', { name: 'Step forward' }).click();
  const position = playback.getByRole('slider', { name: 'Playback position' });
  const moment = await position.getAttribute('aria-valuetext');
  expect(moment).toMatch(/^Moment 3 of /);

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this program' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: /the input/ }).check();
  await dialog.getByRole('checkbox', { name: /the playback position/ }).check();
  await expect(dialog.getByRole('checkbox', { name: /the lesson/ })).toBeDisabled();
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toMatch(/#\/share\/1\/[A-Za-z0-9_-]+$/);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Copied\./);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  const other = await otherPerson(browser, link);
  try {
    await expect(other.page.getByRole('region', { name: 'Share link' })).toContainText(
      'You opened a program someone shared',
    );
    await expect.poll(() => other.playground.shownProgram()).toContain('names = input().split()');
    await expect(other.playground.outputLines).toHaveText(['Hello, Ada', 'Hello, Grace'], {
      timeout: PYTHON_START_TIMEOUT,
    });
    await expect(
      other.page.getByRole('toolbar', { name: 'Playback' }).getByRole('slider', {
        name: 'Playback position',
      }),
    ).toHaveAttribute('aria-valuetext', moment ?? '');
    await expect(await openInputBox(other.page)).toHaveValue('Ada Grace\n');
  } finally {
    await other.close();
  }
});

test('a link made by the first format opens with its lesson, input and run', async ({
  playground,
}) => {
  const { page } = playground;
  await page.goto(`./${FORMAT_1_LINK}`);
  await expect(page.getByRole('region', { name: 'Share link' })).toContainText(
    'from lesson 1, “Coroutines and the event loop”',
  );
  await expect(
    page.getByRole('article', { name: /Lesson 1: Coroutines and the event loop/ }),
  ).toBeVisible();
  await expect(page.getByLabel('Editing')).toHaveText('Shared program (lesson 1)');
  await expect(playground.outputLines).toHaveText(['Shared with Grace'], {
    timeout: PYTHON_START_TIMEOUT,
  });
  await expect(playground.status).toHaveText(finishedAt(1));
  await expect(
    page
      .getByRole('toolbar', { name: 'Playback' })
      .getByRole('slider', { name: 'Playback position' }),
  ).toHaveAttribute('aria-valuetext', /^Moment 2 of /);
  await expect(await openInputBox(page)).toHaveValue('Grace\n');
});

test('opening a link keeps the learner’s own program and input, and offers the link’s input', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.setProgram('print("my own work")\n');
  const input = await openInputBox(page);
  await input.fill('my own input\n');

  await page.goto(`./${FORMAT_1_LINK}`);
  const notice = page.getByRole('region', { name: 'Share link' });
  await expect(notice).toContainText('your playground and exercises are unchanged');
  await expect(notice).toContainText('The link comes with input for the program');
  await playground.expectProgram(
    'import asyncio\n\nasync def main():\n    name = input()\n    await asyncio.sleep(1)\n    print("Shared with", name)\n\nasyncio.run(main())\n',
  );
  // Nothing ran: the run waits for the learner's choice of input.
  await expect(input).toHaveValue('my own input\n');
  await notice.getByRole('button', { name: 'Keep my input' }).click();
  await expect(notice.getByRole('button', { name: 'Keep my input' })).toBeHidden();
  await expect(input).toHaveValue('my own input\n');
  await expect(playground.outputLines).toHaveText(['Shared with my own input'], {
    timeout: PYTHON_START_TIMEOUT,
  });

  await page.getByRole('link', { name: 'Playground' }).click();
  // The run's playback marks may follow the text: the program is the learner's.
  await expect.poll(() => playground.shownProgram()).toMatch(/^print\("my own work"\)/);
  await expect(notice).toBeHidden();
});

test('a broken or newer link says why it cannot open, and the playground carries on', async ({
  playground,
}) => {
  const { page } = playground;
  await page.goto('./#/share/1/not*base64');
  const alert = page.getByRole('alert', { name: 'Share link' });
  await expect(alert).toContainText(
    'This share link could not be opened: it holds characters a Loopscope link does not have',
  );
  await expect(alert).toContainText('Your own programs are unchanged.');
  await playground.expectProgram(SEED_PROGRAM);

  await page.goto('./#/share/9/abc');
  await expect(alert).toContainText('made by a newer version of Loopscope (link format 9)');

  await page.goto(`./${FORMAT_1_LINK.slice(0, -20)}`);
  await expect(alert).toContainText('does not unpack (was it cut or changed?)');
  await alert.getByRole('link', { name: 'Go to the playground' }).click();
  await expect(alert).toBeHidden();
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['Hello, Alice!', 'Hello, Bob!']);
});

test('a link too long for chat tools says so before it is copied', async ({ playground }) => {
  const { page } = playground;
  // Hashes' hex digits: DEFLATE cannot pack them much.
  const digits = Array.from({ length: 80 }, (_, i) =>
    createHash('sha256').update(String(i)).digest('hex'),
  ).join('');
  await playground.setProgram(`print("${digits}")\n`);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this program' });
  const warning = dialog.getByRole('alert');
  await expect(warning).toContainText(/This link is [\d,]+ characters long/);
  await expect(warning).toContainText('longer than 2,000 characters');
  await expect(dialog.getByRole('textbox', { name: 'Link' })).toHaveAccessibleDescription(
    /Some chat tools/,
  );
});

test('a program shared from a lesson opens beside that lesson, or alone when the lesson is left out', async ({
  playground,
  browser,
}) => {
  const { page } = playground;
  await page.goto('./#/lessons/coroutines-and-the-event-loop');
  const exercise = page.getByRole('region', { name: /Exercise: Greet a third guest/ });
  await exercise.getByRole('button', { name: 'Open exercise in editor' }).click();
  await playground.setProgram('print("from lesson 1")\n');
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this program' });
  const lesson = dialog.getByRole('checkbox', {
    name: 'the lesson: Lesson 1: Coroutines and the event loop',
  });
  await expect(lesson).toBeChecked();
  const withLesson = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await lesson.uncheck();
  const alone = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(alone).not.toBe(withLesson);

  const other = await otherPerson(browser, withLesson);
  try {
    await expect(
      other.page.getByRole('article', { name: /Lesson 1: Coroutines and the event loop/ }),
    ).toBeVisible();
    await expect(other.page.getByLabel('Editing')).toHaveText('Shared program (lesson 1)');
    await expect.poll(() => other.playground.shownProgram()).toBe('print("from lesson 1")\n');

    await other.page.goto(alone);
    await expect(other.page.getByLabel('Editing')).toHaveText('Shared program');
    await expect(other.page.getByRole('article')).toHaveCount(0);
    await expect.poll(() => other.playground.shownProgram()).toBe('print("from lesson 1")\n');
  } finally {
    await other.close();
  }
});
