// The watchdog judges whether the event loop moves on, not how many
// messages arrive: a program whose steps are slow but end runs to its end;
// one step that never ends is stopped (runtimeScenarios.ts, "the watchdog
// stops a program that never awaits").
import { expect, finishedAt, PYTHON_START_TIMEOUT, slowStepsProgram, test } from './fixtures';

/** A hundred steps of a few tenths of a second each (about 20 s here): longer than the watchdog's 8 s. */
const SLOW_STEPS = slowStepsProgram(100);

test('a program whose steps are slow but end runs to its end, its output shown as it comes', async ({
  playground,
}) => {
  test.setTimeout(180_000);
  await playground.setProgram(SLOW_STEPS);
  await playground.runButton.click();
  await expect(playground.outputLines.first()).toHaveText('step 0', {
    timeout: PYTHON_START_TIMEOUT,
  });
  await expect(playground.status).toHaveText('Running…');

  await expect(playground.status).toHaveText(finishedAt(0), { timeout: 150_000 });
  // The log follows its end (and draws only the lines in view).
  await expect(playground.outputLines.last()).toHaveText('step 99');
});
