import { useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { RunnerStore } from './runnerSlice';

interface RunControlsProps {
  readonly runner: RunnerStore;
  /** The program text Run sends. */
  readonly source: string;
}

/**
 * Run, and Stop while a run is going on. Run is disabled and Stop hidden
 * as a run starts and ends, which would drop a keyboard user's focus on the
 * page's body: while the focus is in these controls it follows the one
 * that can be used, to Stop when a run starts and back to Run when it ends.
 *
 * Stop is hidden rather than removed, and the focus moves without
 * scrolling: removing the focused element, or focusing one with a scroll
 * into view, lays the page out at once, in the same task as everything
 * else the run's start or end redraws.
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
    // A disabled Run or a hidden Stop may or may not keep the focus.
    const lost =
      active === null ||
      active === document.body ||
      active === (running ? runButton : stopButton).current;
    if (!lost) {
      focusFollows.current = false;
      return;
    }
    (running ? stopButton : runButton).current?.focus({ preventScroll: true });
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
      <button
        ref={stopButton}
        type="button"
        hidden={!running}
        onClick={() => {
          runner.getState().stop();
        }}
      >
        Stop
      </button>
    </div>
  );
}
