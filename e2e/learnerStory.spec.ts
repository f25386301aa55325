/**
 * Playback and the Event loop panel tell the learner's story: the seed
 * program's moments are its own prints and its main task finishing, and the
 * run ends there. asyncio.run's own callbacks and helper tasks appear only
 * when the learner asks for them.
 */
import { expect, FINISHED, SEED_OUTPUT, test } from './fixtures';

test("playback of the seed example reads only the program's own moments until asyncio's are asked for", async ({
  playground,
}) => {
  const { page } = playground;
  await playground.runButton.click();
  await expect(playground.status).toHaveText(FINISHED);
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);

  const timeline = page.getByRole('region', { name: 'Timeline' });
  const playback = timeline.getByRole('toolbar', { name: 'Playback' });
  const position = playback.getByRole('slider', { name: 'Playback position' });
  const loop = timeline.getByRole('region', { name: 'Event loop' });
  const running = loop.getByLabel('Running');
  await expect(playback).toHaveAccessibleDescription(/A moment is one thing your program did/);

  // The run ends on the program's last moment: main finishing.
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    'Moment 3 of 3: Task-1 finished, at 0.000 s (the end)',
  );
  await expect(running).toHaveText('Task-1 just ran');

  await playback.getByRole('button', { name: 'Jump to start' }).focus();
  await page.keyboard.press('Home');
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    'Moment 1 of 3: Task-1 printed “Hello, Alice!”, at 0.000 s',
  );
  await expect(running).toHaveText('Task-1 is running');
  await page.keyboard.press('.');
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    'Moment 2 of 3: Task-1 printed “Hello, Bob!”, at 0.000 s',
  );
  await playback.getByRole('button', { name: 'Step forward' }).click();
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    'Moment 3 of 3: Task-1 finished, at 0.000 s',
  );
  await expect(running).toHaveText('Task-1 just ran');
  await expect(loop).not.toContainText('_run_until_complete_cb');
  await playback.getByRole('button', { name: 'Step forward' }).click();
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    'Moment 3 of 3: Task-1 finished, at 0.000 s (the end)',
  );
  await expect(playback.getByRole('button', { name: 'Step forward' })).toBeDisabled();

  // Asked for, asyncio.run's own moments follow: its callback and its helper tasks.
  const helpers = timeline.getByRole('checkbox', { name: "Show asyncio's helper tasks" });
  await helpers.check();
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    "Moment 8 of 8: asyncio's own callback ran: _run_until_complete_cb, at 0.000 s (the end)",
  );
  await expect(running).toHaveText('_run_until_complete_cb just ran');
  await playback.getByRole('button', { name: 'Jump to start' }).click();
  for (let moment = 1; moment < 5; moment += 1) {
    await playback.getByRole('button', { name: 'Step forward' }).click();
  }
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    "Moment 5 of 8: asyncio's helper Task-2 finished, at 0.000 s",
  );

  // Folded away again, the cursor stays with the program's own last moment.
  await helpers.uncheck();
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    'Moment 3 of 3: Task-1 finished, at 0.000 s',
  );
  await expect(running).toHaveText('Task-1 just ran');
});
