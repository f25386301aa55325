import { useStore } from 'zustand';
import type { RunnerStore } from './runnerStore';

interface OutputLogProps {
  readonly runner: RunnerStore;
}

/** What the program printed, stderr set apart from stdout. */
export function OutputLog({ runner }: OutputLogProps) {
  const chunks = useStore(runner, (state) => state.output.chunks);
  return (
    <div role="log" aria-label="Output" className="output">
      {chunks.map((chunk, index) => (
        // Chunks are only ever appended, so the index is a stable key.
        <span key={index} className={`output-${chunk.stream}`}>
          {chunk.text}
        </span>
      ))}
    </div>
  );
}
