/**
 * The panes as tabs on a narrow screen (issue 11: on a phone the output was
 * 1,300 px below Run). Pure: which tab a key moves to, and which tab a run
 * shows.
 */

/** A pane shown as a tab on a narrow screen. */
export type PaneTab = 'lesson' | 'program' | 'timeline' | 'output';

/**
 * The tab a key pressed on the tab list moves to, as in the WAI-ARIA tabs
 * pattern: the arrows go round, Home and End go to the ends. Null for any
 * other key.
 */
export function tabAfterKey(key: string, selected: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (selected + 1) % count;
    case 'ArrowLeft':
      return (selected - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The tab to show when a run starts. A learner who presses Run while reading
 * the program expects to see what it does, as every playground on a phone
 * shows it: the output, whose lines carry their time and task, with the
 * status line's sentence and warnings in the run bar beside Run. One who has
 * already opened the timeline or the output, or runs from a lesson's text
 * (a question, an exercise's Check, which answer in the lesson), stays where
 * they chose to be.
 */
export function tabWhenRunStarts(selected: PaneTab): PaneTab {
  return selected === 'program' ? 'output' : selected;
}
