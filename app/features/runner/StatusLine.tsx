import { useStore } from 'zustand';
import type { SandboxClient } from '../../runtime/createSandboxClient';
import { describeMistakes, describeStatus, type RunMistake } from './describeStatus';
import type { RunnerStore } from './runnerSlice';
import { useSandboxStatus } from './useSandboxStatus';

interface StatusLineProps {
  readonly sandbox: SandboxClient;
  readonly runner: RunnerStore;
  /** The last run's mistakes, warned of under the sentence once it is over. */
  readonly mistakes: readonly RunMistake[];
}

/**
 * One sentence on Python and the last run, a download bar while Python
 * loads, and a line warning of the run's mistakes.
 */
export function StatusLine({ sandbox, runner, mistakes }: StatusLineProps) {
  const status = useSandboxStatus(sandbox);
  const running = useStore(runner, (state) => state.running);
  const result = useStore(runner, (state) => state.result);
  const output = useStore(runner, (state) => state.output);
  return (
    <div className="status-line">
      {/* Outside the live region: a screen reader need not hear every percent. */}
      {status.phase === 'downloading' && status.loaded !== null && status.total !== null && (
        <progress aria-label="Downloading Python" value={status.loaded} max={status.total} />
      )}
      <p role="status">{describeStatus(status, { running, result, output })}</p>
      {/* A live region of its own, named, so the status sentence stays the one unnamed status. */}
      <p role="status" aria-label="Run warning" className="status-warning">
        {running ? null : describeMistakes(mistakes)}
      </p>
    </div>
  );
}
