// The runtime on a cross-origin isolated page: Stop and the watchdog
// interrupt Python through the shared buffer, without restarting it.
import { expect, runSeed, SEED_OUTPUT, test, WATCHDOG_MESSAGE } from './fixtures';
import { runtimeScenarios, startBusyProgram } from './runtimeScenarios';

runtimeScenarios({
  isolated: true,
  stopMessage: 'Stopped.',
  watchdogMessage: WATCHDOG_MESSAGE,
});

test('a stopped program leaves nothing behind for the next run', async ({ playground }) => {
  await startBusyProgram(playground);
  await playground.stopButton.click();
  await expect(playground.status).toHaveText('Stopped.');
  await runSeed(playground);
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
});
