import { useStore } from 'zustand';
import type { SandboxClient } from '../../runtime/createSandboxClient';
import {
  describeMistakes,
  describePythonProgress,
  describeStatus,
  type PythonProgress,
  type RunMistake,
} from './describeStatus';
import type { RunnerStore } from './runnerSlice';
import './runner.css';
import { useSandboxStatus } from './useSandboxStatus';

interface StatusLineProps {
  readonly sandbox: SandboxClient;
  readonly runner: RunnerStore;
  /** The last run's mistakes, warned of under the sentence once it is over. */
  readonly mistakes: readonly RunMistake[];
}

/**
 * One sentence on Python and the last run, a progress bar while Python
 * downloads and starts, and a line warning of the run's mistakes.
 */
export function StatusLine({ sandbox, runner, mistakes }: StatusLineProps) {
  const status = useSandboxStatus(sandbox);
  const running = useStore(runner, (state) => state.running);
  const result = useStore(runner, (state) => state.result);
  const output = useStore(runner, (state) => state.output);
  // Between runs the next interpreter starts unseen; a run that waits for it shows the bar.
  const progress = running || result === null ? describePythonProgress(status) : null;
  return (
    <div className="status-line">
      <p role="status">{describeStatus(status, { running, result, output })}</p>
      {progress === null ? null : <PythonProgressBar progress={progress} />}
      {/* A live region of its own, named, so the status sentence stays the one unnamed status. */}
      <p role="status" aria-label="Run warning" className="status-warning">
        {running ? null : describeMistakes(mistakes)}
      </p>
    </div>
  );
}

/**
 * Outside the live region: the status sentence says "Starting Python…" once,
 * and a screen reader need not hear every megabyte.
 */
function PythonProgressBar({ progress }: { readonly progress: PythonProgress }) {
  const { bytes, amount } = progress;
  return (
    <div className="python-progress">
      <progress
        aria-label={progress.name}
        // Without a value the bar is indeterminate: it moves, but measures nothing.
        {...(bytes === null ? {} : { value: bytes.loaded, max: bytes.total })}
        {...(amount === null ? {} : { 'aria-valuetext': amount })}
      />
      <span className="python-progress-step">{progress.caption}</span>
    </div>
  );
}
