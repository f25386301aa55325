import { memo, useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { taskColorCss } from '../../../shared/taskColors';
import { orderLanes } from '../model/laneOrder';
import type { TimelineModel } from '../model/timelineBuilder';
import type { Lane } from '../model/types';
import { ALL, EventFilters } from './EventFilters';
import { eventRows, lastRowAtMoment, rowMoment, type EventRow } from './eventRows';
import { LineButton } from './LineButton';
import { moveRowFocus, tabStop, type ButtonColumn, type TableFocus } from './rowFocus';
import './words.css';

/**
 * At most this many rows are in the DOM: a real table lays out every row,
 * and while a run streams in the table is drawn again several times a
 * second, each time a new window of rows when the cursor moves. With 200,
 * creating, styling and laying out the rows was most of the longest task
 * of an output flood (bench:output, docs/PERFORMANCE.md); 50 still fill the
 * panel on a tall screen. The window follows the playback cursor.
 */
export const MAX_SHOWN_ROWS = 50;

interface EventTableProps {
  readonly model: TimelineModel;
  /**
   * The model's version. The model grows in place, so a new version is what
   * makes the table render (and read the model) again.
   */
  readonly version: number;
  /** The playback cursor: an index into `model.moments`, or null when not replaying. */
  readonly cursorMoment: number | null;
  /** Moves the editor to a line of the learner's program. */
  readonly onOpenLine: (line: number) => void;
  /** Moves the playback cursor to a moment. */
  readonly onSeek: (moment: number) => void;
}

/** The learner's choice of a window other than the one around the cursor, while cursor and filters stay. */
interface Paging {
  readonly start: number;
  readonly cursorMoment: number | null;
  readonly filters: string;
}

/**
 * Everything the timeline draws, as a table a screen reader can walk: one
 * row per event, filtered by task and kind; each row's time moves the
 * playback cursor there and its line button moves the editor.
 */
export function EventTable({ model, cursorMoment, onOpenLine, onSeek }: EventTableProps) {
  const [lane, setLane] = useState(ALL);
  const [kind, setKind] = useState(ALL);
  const [paging, setPaging] = useState<Paging | null>(null);
  // Cheap to read on every render: the rows are one array that grows (hence
  // its length among the memo's inputs), the lanes the same array until one is added.
  const rows = eventRows(model);
  const rowCount = rows.length;
  const lanes = laneChoices(model);
  const shown = useMemo(
    () =>
      lane === ALL && kind === ALL
        ? rows
        : firstRowsWhere(
            rows,
            rowCount,
            (row) => (lane === ALL || row.lane === lane) && (kind === ALL || row.kind === kind),
          ),
    [rows, rowCount, lane, kind],
  );

  const filters = `${lane} ${kind}`;
  const current = cursorMoment === null ? -1 : lastRowAtMoment(model, shown, cursorMoment);
  const start =
    paging?.cursorMoment === cursorMoment && paging.filters === filters
      ? paging.start
      : windowAround(current, shown.length);
  const end = Math.min(shown.length, start + MAX_SHOWN_ROWS);
  const page = (to: number) => {
    setPaging({ start: to, cursorMoment, filters });
  };
  const rowsShown = shown.slice(start, end);
  const [focused, setFocused] = useState<TableFocus | null>(null);
  const stop = tabStop(model, rowsShown, focused, shown[current]);
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const column = event.target.closest<HTMLElement>('[data-column]')?.dataset.column;
    const row = event.target.closest<HTMLElement>('[data-event]');
    if ((column === 'time' || column === 'line') && row !== null) {
      setFocused({ event: Number(row.dataset.event), column });
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (
      event.target instanceof Element &&
      moveRowFocus(event.currentTarget, event.target, event.key)
    ) {
      event.preventDefault();
    }
  };

  return (
    <div className="event-table-panel">
      <EventFilters lanes={lanes} lane={lane} kind={kind} onLane={setLane} onKind={setKind} />
      {shown.length > MAX_SHOWN_ROWS && (
        <p className="event-table-note">
          Showing events {(start + 1).toLocaleString('en')}–{end.toLocaleString('en')} of{' '}
          {shown.length.toLocaleString('en')}; filter by task or kind to see others.{' '}
          <button
            type="button"
            disabled={start === 0}
            onClick={() => {
              page(Math.max(0, start - MAX_SHOWN_ROWS));
            }}
          >
            Earlier events
          </button>{' '}
          <button
            type="button"
            disabled={end === shown.length}
            onClick={() => {
              page(Math.min(shown.length - MAX_SHOWN_ROWS, start + MAX_SHOWN_ROWS));
            }}
          >
            Later events
          </button>
        </p>
      )}
      <div className="event-table-scroll">
        <table className="event-table">
          <caption>Events</caption>
          <thead>
            <tr>
              <th scope="col" className="event-column-time">
                Time
              </th>
              <th scope="col" className="event-column-step">
                Step
              </th>
              <th scope="col" className="event-column-who">
                Task
              </th>
              <th scope="col">What</th>
              <th scope="col" className="event-column-line">
                Line
              </th>
            </tr>
          </thead>
          <tbody onFocus={onFocus} onKeyDown={onKeyDown}>
            {rowsShown.map((row, index) => (
              <EventTableRow
                key={row.event}
                row={row}
                moment={rowMoment(model, row)}
                current={start + index === current}
                tabStop={stop?.event === row.event ? stop.column : null}
                onOpenLine={onOpenLine}
                onSeek={onSeek}
              />
            ))}
          </tbody>
        </table>
        {shown.length === 0 && (
          <p className="event-table-note">
            {rows.length === 0 ? 'No events yet.' : 'No events match these filters.'}
          </p>
        )}
      </div>
    </div>
  );
}

interface EventTableRowProps {
  readonly row: EventRow;
  /** Its playback moment, for the time button; null while its step has not ended. */
  readonly moment: number | null;
  /** The row at the playback cursor. */
  readonly current: boolean;
  /** Which of the row's buttons is the table's one stop for Tab, if one is. */
  readonly tabStop: ButtonColumn | null;
  readonly onOpenLine: (line: number) => void;
  readonly onSeek: (moment: number) => void;
}

/** Memoized: moving the cursor re-renders only the rows it leaves and reaches. */
const EventTableRow = memo(function EventTableRow({
  row,
  moment,
  current,
  tabStop,
  onOpenLine,
  onSeek,
}: EventTableRowProps) {
  const time = row.t.toFixed(3);
  const { line } = row;
  return (
    <tr
      data-event={row.event}
      aria-current={current ? 'true' : undefined}
      className={`event-${row.kind}${current ? ' event-current' : ''}`}
    >
      <td data-column="time">
        {moment === null ? (
          time
        ) : (
          <button
            type="button"
            tabIndex={tabStop === 'time' ? 0 : -1}
            className="event-time"
            aria-label={`Go to ${time} s, step ${row.step + 1}`}
            onClick={() => {
              onSeek(moment);
            }}
          >
            {time}
          </button>
        )}
      </td>
      <td className="event-step">{row.step + 1}</td>
      <td
        className="event-who"
        style={row.task === null ? undefined : { color: taskColorCss(row.task) }}
        // A long name is cut to the column; the whole of it on hover.
        title={row.who ?? undefined}
      >
        {row.who}
      </td>
      <td className="event-what">{row.text}</td>
      <td data-column="line">
        {line !== null && (
          <LineButton line={line} onOpenLine={onOpenLine} tabIndex={tabStop === 'line' ? 0 : -1} />
        )}
      </td>
    </tr>
  );
});

/** Those of the first `count` rows (the rows as of a render) that pass `keep`. */
function firstRowsWhere(
  rows: readonly EventRow[],
  count: number,
  keep: (row: EventRow) => boolean,
): EventRow[] {
  const kept: EventRow[] = [];
  for (let index = 0; index < count; index += 1) {
    const row = rows[index];
    if (row !== undefined && keep(row)) kept.push(row);
  }
  return kept;
}

const choicesByModel = new WeakMap<TimelineModel, { count: number; lanes: readonly Lane[] }>();

/** The task filter's lanes, in the canvas's order: the same array until a lane is added. */
function laneChoices(model: TimelineModel): readonly Lane[] {
  const known = choicesByModel.get(model);
  if (known?.count === model.lanes.length) return known.lanes;
  const lanes = orderLanes(model, { showInternal: false });
  choicesByModel.set(model, { count: model.lanes.length, lanes });
  return lanes;
}

/** The first row of a window of rows centred on `row` (or the first window, with no row). */
function windowAround(row: number, total: number): number {
  if (total <= MAX_SHOWN_ROWS || row < 0) return 0;
  return Math.max(0, Math.min(row - MAX_SHOWN_ROWS / 2, total - MAX_SHOWN_ROWS));
}
