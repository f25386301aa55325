/**
 * The hostile corpus, browser half: every program of tests/hostile/programs/
 * pasted into the playground and run, one after another in one tab, as a
 * learner would. Each run ends; the status line says what the program's
 * `.expect.json` says (its `browser` key where the page differs from the
 * command line); the output shows what it printed, as text, in the right
 * stream; nothing the learner reads shows a JavaScript stack or the
 * runtime's files; the editor still holds the program; and the seed
 * example, run next, prints exactly its two lines.
 *
 * sandboxConfinement.spec.ts runs some of these as attacks, about what they
 * reach outside the worker; this file is about how every one of them ends.
 *
 * One page serves the whole file (a file's tests run in order in one
 * worker). Not `serial` mode: there, one failing program would skip all the
 * programs after it; here Playwright starts a new worker after a failure,
 * and the rest run on a fresh page.
 */
import type { Locator } from '@playwright/test';
import {
  JS_STACK_LINE,
  pageExpectation,
  readCorpus,
  RUNTIME_PATH,
  type PageExpectation,
} from '../tests/hostile/corpus';
import {
  expect,
  finishedAt,
  Playground,
  runPrinting,
  runSeed,
  SEED_OUTPUT,
  test,
} from './fixtures';

/**
 * How long a run may take to end: the slowest fill the trace to its
 * 2,000,000-event limit (call_soon_flood.py, ~20 s in a suite on a quiet
 * machine, far longer with two CPU hogs beside it) or wait for the watchdog
 * (8 s) and then for Python to answer (5 s).
 */
const RUN_TIMEOUT = 180_000;

interface OutputRow {
  readonly stream: string;
  readonly text: string;
}

/** The rows the output log shows (the last ones, when they overflow it), with their stream. */
async function shownRows(playground: Playground): Promise<OutputRow[]> {
  return playground.output.locator('.output-line').evaluateAll((rows) =>
    rows.map((row) => ({
      stream: row.classList.contains('output-stderr') ? 'stderr' : 'stdout',
      text: row.querySelector('.output-text')?.textContent ?? '',
    })),
  );
}

/** A text's lines, without their line ends. */
function linesOf(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/**
 * Checks the output against the expectation: all of it, as Copy output gives
 * it, and the rows the log shows. Returns the whole output.
 */
async function expectOutput(playground: Playground, expected: PageExpectation): Promise<string> {
  const copy = playground.page.getByRole('button', { name: 'Copy output' });
  if (expected.stdout === '' && expected.stderr === '') {
    await expect(copy).toBeDisabled();
    await expect(playground.outputLines).toHaveCount(0);
    return '';
  }
  await copy.click();
  await expect(playground.page.getByText(/^Copied [\d,]+ lines?\.$/)).toBeVisible();
  const output = await playground.page.evaluate(() => navigator.clipboard.readText());
  // The program writes all its stdout before its stderr (a traceback, a warning).
  expect(output.startsWith(expected.stdout), output).toBe(true);
  if (expected.stderr !== undefined) expect(output).toBe(expected.stdout + expected.stderr);
  if (expected.stderrEndsWith !== undefined) {
    expect(output.endsWith(expected.stderrEndsWith), output).toBe(true);
  }
  if (expected.stderrIncludes !== undefined) expect(output).toContain(expected.stderrIncludes);

  // The log shows the output's last lines as text (markup would have lost
  // its tags), each in its stream. It draws them on the frame after the run.
  const lines = linesOf(output);
  const stdoutLines = linesOf(expected.stdout).length;
  await expect(playground.outputLines.last()).toHaveText(lines.at(-1) ?? '');
  const rows = await shownRows(playground);
  const first = lines.length - rows.length;
  expect(rows).toEqual(
    lines.slice(first).map((text, index) => ({
      stream: first + index < stdoutLines ? 'stdout' : 'stderr',
      text,
    })),
  );
  return output;
}

/** What the learner reads must not show the runtime's files or a JavaScript stack. */
function expectNothingInternal(text: string): void {
  expect(text).not.toContain(RUNTIME_PATH);
  expect(text).not.toMatch(JS_STACK_LINE);
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

let playground: Playground;
/** Dialogs the page opened (an `onerror=alert(1)` that ran as HTML would open one). */
const dialogs: string[] = [];

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  // setProgram pastes, and Copy output copies, through the system clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL ?? '').origin,
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  playground = new Playground(page);
  await playground.open();
  // Each program starts from the seed's output: its lines going is how a run
  // is seen to have begun, however fast it ends.
  await runSeed(playground);
});

test.afterAll(async () => {
  await playground.page.context().close();
});

for (const { name, source, expectation, proves } of readCorpus()) {
  test(`${name}: ${proves}`, async () => {
    const expected = pageExpectation(expectation);

    await playground.setProgram(source);
    await playground.runButton.click();
    await expect(playground.outputLines).not.toHaveText(SEED_OUTPUT);
    await expect(playground.runButton).toBeEnabled({ timeout: RUN_TIMEOUT });

    await expect(playground.status).toHaveText(expected.status ?? finishedAt(0, expected.exitCode));
    const output = await expectOutput(playground, expected);
    const warning = playground.page.getByRole('status', { name: 'Run warning' });
    for (const text of [
      output,
      await textOf(playground.status),
      await textOf(playground.problems),
      await textOf(warning),
    ]) {
      expectNothingInternal(text);
    }
    expect(dialogs).toEqual([]);
    await playground.expectProgram(source);

    if (expectation.next !== undefined) {
      await runPrinting(playground, expectation.next.source, linesOf(expectation.next.stdout));
    }
    await runSeed(playground);
  });
}
