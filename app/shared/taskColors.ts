/**
 * One colour per task, the same wherever a task appears (output, timeline,
 * editor). Pure: no React, no DOM.
 *
 * The hues are Okabe and Ito's, chosen to stay apart for the common kinds of
 * colour blindness, with two changes: their sky blue, a hue too close to
 * their blue for a thin bar to tell the two apart, is a violet here, and
 * their black is a mid grey (black or white would be the text colour of one
 * theme). Each theme has its own lightness for a hue, so that every colour
 * reads as text at WCAG's 4.5:1 on both backgrounds of its theme (panel and
 * page): darker in the light theme, lighter in the dark one, with the OKLCH
 * hue kept, so task N is "the same colour" in both. Contrast leaves little
 * room for lightness in the light theme, so colours differ there mostly in
 * hue; orange is a dark brownish orange there, to stay apart from the olive
 * that yellow becomes. Any two colours of a theme differ by a CIEDE2000 of
 * at least 20, and the order sets side by side hues that stay far apart for
 * protanopes and deuteranopes too, since neighbouring tasks (N and N + 1,
 * and 8 and 9 when the palette wraps) are the ones started together and
 * printing line by line. taskColors.test.ts checks all of this. Colour is
 * only a second cue: the task's name is printed beside it.
 */
import type { Theme } from './theme';

/**
 * The palettes, in one hue order: blue, vermilion, bluish green, violet,
 * yellow, reddish purple, orange, grey.
 */
export const TASK_PALETTES: Readonly<Record<Theme, readonly [string, ...string[]]>> = {
  light: ['#025a8d', '#b95103', '#03805d', '#6a40b5', '#7a7303', '#a55683', '#5e4005', '#707070'],
  dark: ['#3390d2', '#df6716', '#009e73', '#a98aff', '#f0e442', '#cc79a7', '#e69f00', '#8a8a8a'],
};

/**
 * The colour of task number `task` (1-based, as in the trace) in `theme`, as
 * `#rrggbb`: for drawing on a canvas, which CSS does not reach.
 */
export function taskColor(task: number, theme: Theme): string {
  const palette = TASK_PALETTES[theme];
  return palette[(task - 1) % palette.length] ?? palette[0];
}

/**
 * The colour of task number `task` as a CSS value that follows the page's
 * theme by itself, for text in the DOM: `light-dark()` picks by the
 * `color-scheme` app.css sets with each theme, so switching theme repaints
 * without a re-render.
 */
export function taskColorCss(task: number): string {
  return `light-dark(${taskColor(task, 'light')}, ${taskColor(task, 'dark')})`;
}

/**
 * The class that sets `--task-color` to task number `task`'s colour in both
 * themes, for what CSS draws but React does not style (Monaco's line
 * decorations). The rules come from `taskColorRules`; null: no task.
 */
export function taskColorClass(task: number | null): string {
  return task === null
    ? 'task-color-none'
    : `task-color-${(task - 1) % TASK_PALETTES.light.length}`;
}

/** The style sheet behind `taskColorClass`, made from the palettes so it cannot drift from them. */
export function taskColorRules(): string {
  return TASK_PALETTES.light
    .map((_, slot) => `.task-color-${slot} { --task-color: ${taskColorCss(slot + 1)}; }`)
    .join('\n');
}

/** Adds `taskColorRules` to the page: task colours for what CSS draws (editor decorations). */
export function addTaskColorRules(): void {
  const style = document.createElement('style');
  style.textContent = taskColorRules();
  document.head.append(style);
}
