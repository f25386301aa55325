/**
 * What the canvas shows can also be read as text: the run summary and the
 * event table, for the programs the timeline issue names.
 */
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { expect, finishedAt, test, type Playground } from './fixtures';

function golden(name: string): string {
  return readFileSync(new URL(`../tests/golden/${name}.py`, import.meta.url), 'utf8');
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
  await expect(timeline.getByRole('region', { name: 'Run summary' })).toContainText(
    'Task-4 raised ValueError ("sensor offline") at line 13, so its TaskGroup cancelled its siblings Task-2 and Task-3.',
  );
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
  const program = readFileSync(
    new URL('../app/features/timeline/words/fixtures/mistakes.py', import.meta.url),
    'utf8',
  );
  const timeline = await runToEnd(playground, program, 0.1);
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
