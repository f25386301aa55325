/**
 * One colour per task, the same wherever a task appears (output, timeline,
 * editor). Pure. The palette is Okabe and Ito's, chosen to stay apart for
 * the common kinds of colour blindness; it is darkened enough to read as
 * text on a light background.
 */
const PALETTE = [
  '#0072B2', // blue
  '#D55E00', // vermilion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#8a6d00', // dark yellow
  '#56A0D3', // sky blue
  '#b35900', // orange
  '#555555', // grey
] as const;

/** The colour of task number `task` (1-based, as in the trace). */
export function taskColor(task: number): string {
  return PALETTE[(task - 1) % PALETTE.length] ?? PALETTE[0];
}
