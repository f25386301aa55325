import { readFileSync } from 'node:fs';
import { expect, finishedAt, FINISHED, SEED_OUTPUT, test } from './fixtures';

const GATHER_PROGRAM = readFileSync(
  new URL('../tests/golden/gather_sleeps.py', import.meta.url),
  'utf8',
);

test('stepping through a gather shows the loop, the waits and the lines at each step', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.setProgram(GATHER_PROGRAM);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(finishedAt(3));

  const timeline = page.getByRole('region', { name: 'Timeline' });
  const playback = timeline.getByRole('toolbar', { name: 'Playback' });
  const loop = timeline.getByRole('region', { name: 'Event loop' });
  await playback.getByRole('button', { name: 'Jump to start' }).click();
  // main ran first: its three children wait in the ready queue.
  await expect(loop.getByRole('list', { name: 'Ready queue' }).getByRole('listitem')).toHaveText([
    'Task-2',
    'Task-3',
    'Task-4',
  ]);
  await expect(loop.getByLabel('Running')).toHaveText('Task-1 just ran');

  const forward = playback.getByRole('button', { name: 'Step forward' });
  for (let step = 0; step < 3; step += 1) await forward.click();
  await expect(loop.getByRole('list', { name: 'Timers' }).getByRole('listitem')).toHaveText([
    '1.000 s: sleep (Task-2)',
    '2.000 s: sleep (Task-3)',
    '3.000 s: sleep (Task-4)',
  ]);
  await expect(loop.getByRole('list', { name: 'Waiting' }).getByRole('listitem')).toHaveText([
    'Task-1: gather (3 left) (line 9)',
    'Task-2: sleep until 1.0 s (line 4)',
    'Task-3: sleep until 2.0 s (line 4)',
    'Task-4: sleep until 3.0 s (line 4)',
  ]);
  const editorLines = page.locator('.monaco-editor .view-lines');
  await expect(editorLines).toContainText('⏸ Task-1 waits: gather (3 left)');
  await expect(editorLines).toContainText('⏸ Task-2 waits: sleep until 1.0 s');
  await expect(editorLines).toContainText('▶ Task-4 ran to here and waits: sleep until 3.0 s');
  // Nothing is printed yet: every line of output is dimmed.
  await expect(playground.output.locator('.output-later')).toHaveCount(4);

  // The timer fires at 1 s and wakes Task-2: that is part of Task-2's next moment.
  await forward.click();
  await expect(playback.getByRole('slider', { name: 'Playback position' })).toHaveAttribute(
    'aria-valuetext',
    "Moment 5 of 12: Task-2, woken by its sleep's timer, printed “a done”, at 1.000 s",
  );
  await expect(loop.getByLabel('Running')).toHaveText('Task-2 is running');
  await expect(editorLines).not.toContainText('Task-2 waits');

  await playback.getByRole('button', { name: 'Jump to end' }).click();
  await expect(editorLines).not.toContainText('⏸');
  await expect(playground.output.locator('.output-later')).toHaveCount(0);
});

test('playback keys step through the seed example print by print', async ({ playground }) => {
  const { page } = playground;
  await playground.runButton.click();
  await expect(playground.status).toHaveText(FINISHED);
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);

  const playback = page.getByRole('toolbar', { name: 'Playback' });
  await playback.getByRole('button', { name: 'Jump to start' }).focus();
  await page.keyboard.press('Home');
  await expect(playback.getByRole('slider', { name: 'Playback position' })).toHaveAttribute(
    'aria-valuetext',
    /^Moment 1 of \d+/,
  );
  // At the first print only "Hello, Alice!" has been printed, by greet called from main.
  await expect(playground.output.locator('.output-later')).toHaveText([/Hello, Bob!/]);
  const editorLines = page.locator('.monaco-editor .view-lines');
  await expect(editorLines).toContainText('▶ Task-1 prints here');
  await expect(editorLines).toContainText('▷ Task-1 is in greet() called here');
  await expect(page.locator('.monaco-editor .line-highlight-caller')).toHaveCount(1);
  await page.keyboard.press('.');
  await expect(playground.output.locator('.output-later')).toHaveCount(0);
  await page.keyboard.press(',');
  await expect(playground.output.locator('.output-later')).toHaveCount(1);
});

test('playback works while a long run is still streaming in', async ({ playground }) => {
  const { page } = playground;
  // Far longer than the test: it is stopped once the learner has looked around.
  await playground.setProgram(`import asyncio

async def tick(n):
    for i in range(n):
        sum(range(10_000))  # a little real work, so the run lasts
        print("tick", i)
        await asyncio.sleep(0.01)

asyncio.run(tick(1_000_000))
`);
  await playground.runButton.click();
  await expect(playground.status).toHaveText('Running…');
  const playback = page.getByRole('toolbar', { name: 'Playback' });
  const position = playback.getByRole('slider', { name: 'Playback position' });
  await expect(position).toBeEnabled();
  await playback.getByRole('button', { name: 'Jump to start' }).click();
  await playback.getByRole('button', { name: 'Step forward' }).click();
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    /^Moment 2 of \d+: Task-1 ran until line 7 and waits: sleep until 0\.0 s, at 0\.000 s$/,
  );
  const loop = page.getByRole('region', { name: 'Event loop' });
  await expect(loop.getByLabel('Running')).toHaveText('Task-1 just ran');

  // The run goes on streaming in behind the cursor, which stays where it was.
  const moments = async () =>
    Number(/ of (\d+)/.exec((await position.getAttribute('aria-valuetext')) ?? '')?.[1]);
  const before = await moments();
  await expect.poll(moments).toBeGreaterThan(before);
  await expect(playground.status).toHaveText('Running…');
  await expect(position).toHaveAttribute('aria-valuetext', /^Moment 2 of /);
  await expect(playground.output.locator('.output-later').first()).toBeVisible();
  await playground.stopButton.click();
  await expect(playground.status).toHaveText('Stopped.');
  await expect(position).toHaveAttribute('aria-valuetext', /^Moment 2 of /);
});
