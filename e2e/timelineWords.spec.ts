/**
 * What the canvas shows can also be read as text: the run summary and the
 * event table, for the programs the timeline issue names.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, finishedAt, test, type Playground } from './fixtures';

// A returning visitor's page: the welcome a first visit shows takes the editor
// room the longer golden programs need to be read back whole (shownProgram).
test.use({ visitor: 'returning' });

function golden(name: string): string {
  return readFileSync(new URL(`../tests/golden/${name}.py`, import.meta.url), 'utf8');
}

/** A program the words' unit tests run too, from app/features/timeline/words/fixtures/. */
function wordsFixture(name: string): string {
  return readFileSync(
    new URL(`../app/features/timeline/words/fixtures/${name}.py`, import.meta.url),
    'utf8',
  );
}

/** Runs `program` to its end at `seconds` of virtual time; returns the timeline pane. */
async function runToEnd(
  playground: Playground,
  program: string,
  seconds: number,
): Promise<Locator> {
  await playground.setProgram(program);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(finishedAt(seconds));
  return playground.page.getByRole('region', { name: 'Timeline' });
}

/** The "What" cells of the event table once filtered by `kind`. */
async function whatCells(timeline: Locator, kind: string): Promise<Locator> {
  await timeline.getByLabel('Kind').selectOption({ label: kind });
  return timeline.getByRole('table', { name: 'Events' }).locator('tbody tr td:nth-child(4)');
}

test('a gather of sleeps 1, 2 and 3 s: three children wait on sleep, and the run takes 3.0 s', async ({
  playground,
}) => {
  const timeline = await runToEnd(playground, golden('gather_sleeps'), 3);
  await expect(timeline.getByRole('region', { name: 'Run summary' })).toContainText(
    '3 tasks ran concurrently; the run took 3.0 s of virtual time instead of 6.0 s sequentially.',
  );
  const table = timeline.getByRole('table', { name: 'Events' });
  await expect(await whatCells(timeline, 'Suspended (waits)')).toHaveText([
    'Suspended: gather (3 left)',
    'Suspended: sleep 1 s',
    'Suspended: sleep 2 s',
    'Suspended: sleep 3 s',
  ]);
  await expect(table.locator('tbody tr td:nth-child(3)')).toHaveText([
    'Task-1',
    'Task-2',
    'Task-3',
    'Task-4',
  ]);

  // A row's time takes the playback there; its line button takes the editor there.
  const sleepsOne = table.getByRole('row').filter({ hasText: 'sleep 1 s' });
  await sleepsOne.getByRole('button', { name: /^Go to 0\.000 s/ }).click();
  await expect(sleepsOne).toHaveAttribute('aria-current', 'true');
  await expect(
    timeline.getByRole('region', { name: 'Event loop' }).getByLabel('Running'),
  ).toHaveText('Task-2 just ran');
  await sleepsOne.getByRole('button', { name: 'Line 4' }).click();
  await playground.expectCursorOnLine(4);
});

test('a TaskGroup whose child fails: the siblings are cancelled, and the summary says why', async ({
  playground,
}) => {
  const timeline = await runToEnd(playground, golden('taskgroup_failure'), 0.5);
  const summary = timeline.getByRole('region', { name: 'Run summary' });
  await expect(summary).toContainText(
    'Task-4 raised ValueError ("sensor offline") at line 13, so its TaskGroup cancelled its siblings Task-2 and Task-3.',
  );
  // Run one after another, the cancelled siblings would have slept 2 s and 3 s: no estimate.
  await expect(summary).toContainText('the run took 0.5 s of virtual time.');
  await expect(summary).not.toContainText('sequentially');
  await expect(await whatCells(timeline, 'Ended')).toHaveText([
    'Ended: raised ValueError: sensor offline',
    'Ended: cancelled',
    'Ended: cancelled',
    /^Ended: returned/,
  ]);
  await expect(await whatCells(timeline, 'Cancel requested')).toHaveText([
    'Cancel requested by Task-4',
    'Cancel requested by Task-4',
    'Cancel requested by Task-4',
  ]);
});

test('a blocking time.sleep: the summary and the table name the blocker and its line', async ({
  playground,
}) => {
  const timeline = await runToEnd(playground, golden('blocking_sleep'), 2.7);
  await expect(timeline.getByRole('region', { name: 'Run summary' })).toContainText(
    'Task-3 blocked the loop for 1.0 s at line 12.',
  );
  const blocked = await whatCells(timeline, 'Blocked the loop');
  await expect(blocked).toHaveText(['Blocked the loop for 1 s: no other task could run']);
  await timeline
    .getByRole('table', { name: 'Events' })
    .getByRole('button', { name: 'Line 12' })
    .click();
  await playground.expectCursorOnLine(12);
});

test('mistakes the trace reveals are explained, each with a way to its line', async ({
  playground,
}) => {
  const timeline = await runToEnd(playground, wordsFixture('mistakes'), 0.1);
  const summary = timeline.getByRole('region', { name: 'Run summary' });
  await expect(summary).toContainText(
    'The coroutine greet() was never awaited (line 13), so it never ran.',
  );
  await expect(summary).toContainText(
    'Nothing awaited Task-2, so its exception was never retrieved.',
  );
  await expect(summary).toContainText(
    'Task-3 was still waiting when asyncio.run() ended, so it was cancelled.',
  );
  const neverAwaited = summary.getByRole('listitem').filter({ hasText: 'was never awaited' });
  await neverAwaited.getByRole('button', { name: 'Line 13' }).click();
  await playground.expectCursorOnLine(13);
});

test('gathered tasks that block with time.sleep and never await ran one at a time, and the summary says so', async ({
  playground,
}) => {
  const timeline = await runToEnd(playground, wordsFixture('blocking_gather'), 2);
  const summary = timeline.getByRole('region', { name: 'Run summary' });
  await expect(summary).toContainText(
    '3 tasks ran, one at a time, so nothing ran concurrently; the run took 2.0 s of virtual time. ' +
      'Task-2 blocked the loop for 1.0 s at line 6.',
  );
  await expect(summary).not.toContainText('tasks ran concurrently');
});

test('a deadlock is named a deadlock, in the summary and the status line', async ({
  playground,
}) => {
  await playground.setProgram(wordsFixture('deadlock'));
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^Deadlock: no task can make progress/);
  const summary = playground.page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('region', { name: 'Run summary' });
  await expect(summary).toContainText(
    'The run ended in a deadlock: no task can make progress: Task-1 waits on event.wait (ready).',
  );
  await expect(summary).not.toContainText('limit');
});

test('a run stopped with Stop: the summary, the status and the playback bar agree it is over', async ({
  playground,
}) => {
  // No step of the loop ever ends, so there is nothing to play, and nothing will come.
  await playground.setProgram('while True:\n    pass\n');
  await playground.runButton.click();
  await expect(playground.status).toHaveText('Running…');
  await playground.stopButton.click();
  await expect(playground.status).toHaveText('Stopped.');
  const timeline = playground.page.getByRole('region', { name: 'Timeline' });
  const summary = timeline.getByRole('region', { name: 'Run summary' });
  await expect(summary).toContainText('The run was stopped before it finished.');
  await expect(summary).not.toContainText('limit');
  await expect(
    timeline.getByRole('toolbar', { name: 'Playback' }).getByRole('slider', {
      name: 'Playback position',
    }),
  ).toHaveAttribute('aria-valuetext', 'Nothing to play: no step finished before the run ended');
});
