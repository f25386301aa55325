import { useStore } from 'zustand';
import type { SandboxClient } from '../../runtime/createSandboxClient';
import { describeStatus } from './describeStatus';
import type { RunnerStore } from './runnerSlice';
import { useSandboxStatus } from './useSandboxStatus';

interface StatusLineProps {
  readonly sandbox: SandboxClient;
  readonly runner: RunnerStore;
}

/** One sentence on Python and the last run, plus a download bar while Python loads. */
export function StatusLine({ sandbox, runner }: StatusLineProps) {
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
    </div>
  );
}
