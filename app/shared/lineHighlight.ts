/**
 * A line of the program marked by playback: where a task is paused, the
 * line running now, or the calls that line is inside. The timeline computes
 * them; the editor draws them.
 */
export interface LineHighlight {
  readonly line: number;
  /** The task it is about (for its colour); null for a callback. */
  readonly task: number | null;
  /** Where a task waits; the line running now; a call the running line is inside. */
  readonly kind: 'paused' | 'running' | 'caller';
  /** Shown at the end of the line, e.g. `⏸ Task-2 waits: sleep until 2.0 s`. */
  readonly text: string;
}
