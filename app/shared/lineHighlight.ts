/**
 * A line of the program marked by playback: where a task is paused, or the
 * line running now. The timeline computes them; the editor draws them.
 */
export interface LineHighlight {
  readonly line: number;
  /** The task it is about (for its colour); null for a callback. */
  readonly task: number | null;
  readonly kind: 'paused' | 'running';
  /** Shown at the end of the line, e.g. `⏸ Task-2 waits: sleep until 2.0 s`. */
  readonly text: string;
}
