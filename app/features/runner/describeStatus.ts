/**
 * The one sentence the status line shows. Pure: no React, no DOM.
 */
import type { SandboxStatus } from '../../runtime/createSandboxClient';
import type { RunnerSlice } from './runnerSlice';

const STARTING = 'Starting Python…';

function describeSandbox(sandbox: SandboxStatus): string {
  switch (sandbox.phase) {
    case 'downloading':
    case 'starting':
      return STARTING;
    case 'ready':
      return 'Ready';
    case 'running':
      return 'Running…';
    case 'stopping':
      return 'Stopping…';
    case 'failed':
      return sandbox.message;
  }
}

export function describeStatus(
  sandbox: SandboxStatus,
  runner: Pick<RunnerSlice, 'running' | 'result' | 'output'>,
): string {
  // While a run waits for Python to start, say so rather than "Running…".
  if (runner.running) return describeSandbox(sandbox);
  const { result } = runner;
  if (!result) return describeSandbox(sandbox);
  if (result.message !== null) return result.message;
  const { summary } = result;
  if (!summary) return describeSandbox(sandbox);
  // "Finished with exit code 1" would say the program ran.
  if (summary.notStarted === true) return 'The program did not start: it has a syntax error.';
  if (summary.outcome === 'limit' && runner.output.limitMessage !== null) {
    return runner.output.limitMessage;
  }
  const ending =
    summary.exitCode === 0 ? 'Finished' : `Finished with exit code ${summary.exitCode}`;
  return (
    `${ending}: ${summary.virtualTime.toFixed(1)} s of virtual time, ` +
    `${Math.round(summary.wallMs)} ms on this machine`
  );
}
