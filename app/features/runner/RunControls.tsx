import { useStore } from 'zustand';
import type { RunnerStore } from './runnerSlice';

interface RunControlsProps {
  readonly runner: RunnerStore;
  /** The program text Run sends. */
  readonly source: string;
}

/** Run, and Stop while a run is going on. */
export function RunControls({ runner, source }: RunControlsProps) {
  const running = useStore(runner, (state) => state.running);
  return (
    <div className="run-controls">
      <button type="button" disabled={running} onClick={() => void runner.getState().run(source)}>
        Run
      </button>
      {running && (
        <button
          type="button"
          onClick={() => {
            runner.getState().stop();
          }}
        >
          Stop
        </button>
      )}
    </div>
  );
}
