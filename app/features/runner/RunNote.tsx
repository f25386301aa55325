import { useStore } from 'zustand';
import type { RunnerStore } from './runnerSlice';

/**
 * A gentle note on a program that only runs here: one that awaits outside a
 * function, which plain `python3` refuses with a SyntaxError.
 */
export function RunNote({ runner }: { readonly runner: RunnerStore }) {
  const topLevelAwait = useStore(runner, (state) => state.result?.summary?.topLevelAwait === true);
  if (!topLevelAwait) return null;
  return (
    <p role="note" aria-label="About this program" className="run-note">
      Note: this program uses <code>await</code> outside a function; plain Python needs{' '}
      <code>asyncio.run(main())</code>.
    </p>
  );
}
