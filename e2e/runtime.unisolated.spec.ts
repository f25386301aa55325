// The runtime on a page without COOP/COEP (no SharedArrayBuffer): Stop and
// the watchdog terminate the worker and start a fresh Python.
import { WATCHDOG_MESSAGE } from './fixtures';
import { runtimeScenarios } from './runtimeScenarios';

runtimeScenarios({
  isolated: false,
  stopMessage: 'Stopped: Python was restarted (this page cannot interrupt a running program).',
  watchdogMessage: `${WATCHDOG_MESSAGE} Python was restarted.`,
});
