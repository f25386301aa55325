import { useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { RunnerStore } from './runnerSlice';

interface RunControlsProps {
  readonly runner: RunnerStore;
  /** The program text Run sends. */
  readonly source: string;
}

/**
 * Run, and Stop while a run is going on. Run is disabled and Stop removed
 * as a run starts and ends, which would drop a keyboard user's focus on the
 * page's body: while the focus is in these controls it follows the one
 * that can be used, to Stop when a run starts and back to Run when it ends.
 */
export function RunControls({ runner, source }: RunControlsProps) {
  const running = useStore(runner, (state) => state.running);
  const runButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  // Set when a control is focused; a run started elsewhere (Ctrl+Enter in
  // the editor) leaves the focus where it is.
  const focusFollows = useRef(false);
  useLayoutEffect(() => {
    if (!focusFollows.current) return;
    const active = document.activeElement;
    // A Run button that is disabled may or may not keep the focus; a removed Stop does not.
    const lost = active === null || active === document.body || active === runButton.current;
    if (!lost) {
      focusFollows.current = false;
      return;
    }
    (running ? stopButton : runButton).current?.focus();
  }, [running]);
  return (
    <div
      className="run-controls"
      onFocus={() => {
        focusFollows.current = true;
      }}
    >
      <button
        ref={runButton}
        type="button"
        disabled={running}
        onClick={() => void runner.getState().run(source)}
      >
        Run
      </button>
      {running && (
        <button
          ref={stopButton}
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
