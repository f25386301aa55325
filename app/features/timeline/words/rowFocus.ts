/**
 * The event table is one stop for Tab (issue 11: every row cost two): a
 * roving tab index, as in the WAI-ARIA grid pattern. One button of the rows
 * shown is in the tab order; the arrow keys, Home and End move between the
 * rows and between a row's two buttons (its time and its line).
 */
import type { TimelineModel } from '../model/timelineBuilder';
import { rowMoment, type EventRow } from './eventRows';

/** The table's columns that hold a button: the time (playback) and the line (editor). */
export type ButtonColumn = 'time' | 'line';

/** A button of the table: the row's event and the column. */
export interface TableFocus {
  readonly event: number;
  readonly column: ButtonColumn;
}

function hasButton(model: TimelineModel, row: EventRow, column: ButtonColumn): boolean {
  return column === 'time' ? rowMoment(model, row) !== null : row.line !== null;
}

function firstButton(model: TimelineModel, row: EventRow): TableFocus | null {
  if (hasButton(model, row, 'time')) return { event: row.event, column: 'time' };
  if (hasButton(model, row, 'line')) return { event: row.event, column: 'line' };
  return null;
}

/**
 * The one button in the tab order: the one last focused, while it is shown;
 * else the first of the playback cursor's row, else of the first row that
 * has a button. Pure.
 */
export function tabStop(
  model: TimelineModel,
  rows: readonly EventRow[],
  active: TableFocus | null,
  current: EventRow | undefined,
): TableFocus | null {
  if (active !== null) {
    const row = rows.find((each) => each.event === active.event);
    if (row !== undefined && hasButton(model, row, active.column)) return active;
  }
  const atCursor =
    current !== undefined && rows.includes(current) ? firstButton(model, current) : null;
  if (atCursor !== null) return atCursor;
  for (const row of rows) {
    const first = firstButton(model, row);
    if (first !== null) return first;
  }
  return null;
}

/**
 * Moves the focus for a key pressed on one of the table's buttons; returns
 * whether the key was one of the table's own. Reads the rows from the DOM:
 * each `tr` with `data-event`, each button's cell with `data-column`.
 */
export function moveRowFocus(body: HTMLTableSectionElement, from: Element, key: string): boolean {
  const cell = from.closest<HTMLElement>('[data-column]');
  const row = from.closest('tr');
  if (cell === null || row === null) return false;
  const column = cell.dataset.column;
  const rows = [...body.querySelectorAll<HTMLTableRowElement>(':scope > tr')].filter(
    (each) => each.querySelector('button') !== null,
  );
  const at = rows.indexOf(row);
  // The same column in another row, or the row's other button.
  const buttonIn = (target: HTMLTableRowElement | undefined) =>
    target?.querySelector<HTMLButtonElement>(`[data-column="${column ?? ''}"] button`) ??
    target?.querySelector<HTMLButtonElement>('button');
  let next: HTMLButtonElement | null | undefined;
  switch (key) {
    case 'ArrowDown':
      next = buttonIn(rows[at + 1]);
      break;
    case 'ArrowUp':
      next = buttonIn(rows[at - 1]);
      break;
    case 'Home':
      next = buttonIn(rows[0]);
      break;
    case 'End':
      next = buttonIn(rows.at(-1));
      break;
    case 'ArrowRight':
      next = row.querySelector<HTMLButtonElement>('[data-column="line"] button');
      break;
    case 'ArrowLeft':
      next = row.querySelector<HTMLButtonElement>('[data-column="time"] button');
      break;
    default:
      return false;
  }
  next?.focus();
  return true;
}
