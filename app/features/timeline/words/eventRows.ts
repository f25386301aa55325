/**
 * The rows of the event table: one per event a learner can read something
 * from (a task created, suspended, woken, ended or asked to cancel, a print,
 * a blocking call, a warning, a worker thread, an error or a limit), in trace
 * order, each tied to the learner's line; `rowMoment` finds its playback
 * moment.
 *
 * Rows are kept per model and extended as the model grows, so a run that
 * streams in costs one pass over its events in all, not one per batch; the
 * timeline slice reads each batch's events as it arrives, so that no task
 * describes more than one batch. A row holds no moment: when a long step
 * ends, tens of thousands of rows get theirs at once, and only the rows in
 * view need to know it.
 * asyncio's internal helper tasks are left out, as the timeline hides them.
 */
import type { OutputEvent, TaskId, TraceEvent } from '../../../runtime/traceSchema';
import { foldAppended } from '../model/foldAppended';
import { formatSeconds, waitLabel } from '../model/labels';
import { firstAtOrAfter, lastAtOrBefore } from '../model/sortedSearch';
import { taskLaneKey, threadLaneKey, type TimelineModel } from '../model/timelineBuilder';
import type { Arrow, Moment } from '../model/types';

/** What a row tells: a small fixed set, to filter by. */
export type EventKind =
  | 'created'
  | 'waits'
  | 'woken'
  | 'ended'
  | 'cancel'
  | 'output'
  | 'blocked'
  | 'warning'
  | 'thread'
  | 'error';

export interface EventRow {
  /** Index of the event in the trace. */
  readonly event: number;
  /** Virtual time when it happened. */
  readonly t: number;
  /** The loop step it happened in (or, between steps, the step that runs next): an index into `model.steps`. */
  readonly step: number;
  /** The task it is about, or null (a worker thread, the program as a whole). */
  readonly task: TaskId | null;
  /** The lane of who it is about (`task:2`, `thread:1`), to filter by. */
  readonly lane: string | null;
  /** That lane's name (`Task-2`, `thread 1`). */
  readonly who: string | null;
  readonly kind: EventKind;
  readonly text: string;
  /** The learner's line it concerns, if known. */
  readonly line: number | null;
}

/** The calls a learner creates tasks with, as they would write them. */
const CREATING_CALLS: Readonly<Record<string, string>> = {
  run: 'asyncio.run()',
  create_task: 'asyncio.create_task()',
  gather: 'asyncio.gather()',
  ensure_future: 'asyncio.ensure_future()',
  shield: 'asyncio.shield()',
  wait_for: 'asyncio.wait_for()',
  start_server: 'asyncio.start_server()',
  TaskGroup: 'a TaskGroup',
};

/** What a row says of its event, before it is placed in time. */
type RowDraft = Omit<EventRow, 'event' | 't' | 'step'>;

interface RowsSoFar {
  readonly rows: EventRow[];
  /** Where the search for the next wake and cancel arrow goes on (arrows are in trace order). */
  wakeCursor: number;
  cancelCursor: number;
  /** Steps ended so far. */
  steps: number;
  /** The loop's virtual time. */
  t: number;
  /** Tasks suspended now: their next `ready` is a wake-up, with an arrow. */
  readonly suspended: Set<TaskId>;
}

/** The rows of a model's events so far, each event read once. */
const rowsSoFar = foldAppended<TraceEvent, RowsSoFar, TimelineModel>(
  () => ({
    rows: [],
    wakeCursor: 0,
    cancelCursor: 0,
    steps: 0,
    t: 0,
    suspended: new Set(),
  }),
  readEvent,
);

/**
 * The table's rows for the model as it is now: one array per model, which
 * grows as events arrive (a view memoizes on its length too). Not a copy per
 * change: a flood's redraws copied 100,000 rows several times a second, each
 * copy a large object that hastened the collector's long pauses.
 */
export function eventRows(model: TimelineModel): readonly EventRow[] {
  return rowsSoFar(model.events, model).rows;
}

/**
 * Describes the events added to the model since the last call. Called as
 * each batch arrives, so that the table's next render has nothing left to read.
 */
export function readEventRows(model: TimelineModel): void {
  rowsSoFar(model.events, model);
}

function readEvent(sofar: RowsSoFar, event: TraceEvent, index: number, model: TimelineModel): void {
  const step = sofar.steps;
  if ('t' in event) sofar.t = event.t;
  if (event.type === 'output') {
    const row = new PrintRow(model, event, index, sofar.t, step);
    if (!isInternal(model, row.task)) sofar.rows.push(row);
  } else {
    const draft = describe(model, sofar, event);
    if (draft !== null && !isInternal(model, draft.task)) {
      sofar.rows.push({
        event: index,
        t: sofar.t,
        step,
        task: draft.task,
        lane: draft.lane,
        who: draft.who,
        kind: draft.kind,
        text: draft.text,
        line: draft.line,
      });
    }
  }
  if (event.type === 'loop.blocked') sofar.t = Math.max(sofar.t, event.t + event.duration);
  if (endsStep(event)) sofar.steps += 1;
}

/**
 * The playback moment a row belongs to: the first of `model.moments` at or
 * after its event; null while its step has not ended yet. After the last
 * step of an ended run (an uncaught error, a limit) comes nothing more: the
 * last moment shows the run as it ended.
 */
export function rowMoment(model: TimelineModel, row: EventRow): number | null {
  const { moments } = model;
  const moment = firstAtOrAfter(moments, row.event, momentEvent);
  if (moment < moments.length) return moment;
  return model.ended && moments.length > 0 ? moments.length - 1 : null;
}

/**
 * The last of `rows` (in trace order) that has happened by `moment`: whose
 * own moment is at or before it; -1 if none.
 */
export function lastRowAtMoment(
  model: TimelineModel,
  rows: readonly EventRow[],
  moment: number,
): number {
  const { moments } = model;
  const last = Math.min(moment, moments.length - 1);
  if (last < 0) return -1;
  const ended = model.ended && last === moments.length - 1;
  const by = ended ? Number.POSITIVE_INFINITY : (moments[last]?.event ?? -1);
  return lastAtOrBefore(rows, by, rowEvent);
}

const momentEvent = (moment: Moment): number => moment.event;
const rowEvent = (row: EventRow): number => row.event;

/**
 * A print's row. Its words are made when the table shows it: a flood of
 * output has a row for every line, and a string of its own in each row
 * lived as long as the run, one more survivor per line for the collector
 * to copy while the flood streamed in.
 */
class PrintRow implements EventRow {
  readonly event: number;
  readonly t: number;
  readonly step: number;
  readonly task: TaskId | null;
  readonly lane: string | null;
  readonly who: string | null;
  readonly kind = 'output';
  readonly line = null;
  readonly #printed: OutputEvent;

  constructor(model: TimelineModel, printed: OutputEvent, event: number, t: number, step: number) {
    this.event = event;
    this.t = t;
    this.step = step;
    if (printed.thread === null) {
      this.task = printed.task;
      this.lane = printed.task === null ? null : taskLaneKey(printed.task);
      this.who = printed.task === null ? null : model.taskName(printed.task);
    } else {
      this.task = null;
      this.lane = threadLaneKey(printed.thread);
      this.who = laneName(model, this.lane);
    }
    this.#printed = printed;
  }

  get text(): string {
    const text = shownLines(this.#printed.text.trim());
    return this.#printed.stream === 'stdout' ? `Printed: ${text}` : `Wrote to stderr: ${text}`;
  }
}

/** The most lines of one print a row shows whole (a traceback fits). */
const ROW_LINES = 24;
/** Of a longer one, the lines shown from its start; its last line is shown too. */
const ROW_HEAD_LINES = 20;

/**
 * A print's lines as its row shows them: all of them, or for a long one
 * (past the run's first 10,000 prints, a step's consecutive prints share
 * one event) its first lines, how many are left out, and its last line.
 */
function shownLines(text: string): string {
  const ends: number[] = [];
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) ends.push(end);
  if (ends.length < ROW_LINES) return text;
  const headEnd = ends[ROW_HEAD_LINES - 1] ?? text.length;
  const lastStart = (ends.at(-1) ?? -1) + 1;
  const hidden = ends.length - ROW_HEAD_LINES;
  return `${text.slice(0, headEnd)}\n… ${hidden.toLocaleString('en')} more lines …\n${text.slice(lastStart)}`;
}

function endsStep(event: TraceEvent): boolean {
  return (
    event.type === 'step' ||
    ((event.type === 'task.suspend' || event.type === 'task.end') && event.h !== null)
  );
}

function isInternal(model: TimelineModel, task: TaskId | null): boolean {
  return task !== null && (model.laneByKey.get(taskLaneKey(task))?.internal ?? false);
}

function laneName(model: TimelineModel, lane: string): string {
  return model.laneByKey.get(lane)?.name ?? lane;
}

function byTask(
  model: TimelineModel,
  task: TaskId | null,
): Pick<RowDraft, 'task' | 'lane' | 'who'> {
  return task === null
    ? { task: null, lane: null, who: null }
    : { task, lane: taskLaneKey(task), who: model.taskName(task) };
}

/** The next arrow of `kind` from `cursor` on; moves the cursor past it. */
function takeArrow(
  model: TimelineModel,
  sofar: RowsSoFar,
  kind: 'wake' | 'cancel',
): Arrow | undefined {
  const cursor = kind === 'wake' ? 'wakeCursor' : 'cancelCursor';
  const { arrows } = model;
  while (sofar[cursor] < arrows.length && arrows[sofar[cursor]]?.kind !== kind) sofar[cursor] += 1;
  const arrow = arrows[sofar[cursor]];
  if (arrow !== undefined) sofar[cursor] += 1;
  return arrow;
}

/** Who or what an arrow comes from, in words: `Task-4`, `thread 1`, `a timer`. */
function cause(model: TimelineModel, arrow: Arrow | undefined): string {
  if (arrow === undefined) return 'the loop';
  if (arrow.fromLane !== null) return laneName(model, arrow.fromLane);
  switch (arrow.cause) {
    case 'timer':
      return 'its timer';
    case 'timeout':
      return 'a timeout';
    case 'shutdown':
      return 'asyncio.run() shutting down';
    case 'loop':
      return 'the loop';
    default:
      return `the callback ${arrow.cause}`;
  }
}

function describe(model: TimelineModel, sofar: RowsSoFar, event: TraceEvent): RowDraft | null {
  switch (event.type) {
    case 'task.create': {
      const from = event.parent === null ? '' : `, from ${model.taskName(event.parent)}`;
      return {
        ...byTask(model, event.task),
        kind: 'created',
        text: `Created ${event.coro} with ${CREATING_CALLS[event.api] ?? event.api}${from}`,
        line: event.line,
      };
    }
    case 'task.suspend': {
      sofar.suspended.add(event.task);
      const label = waitLabel(event.reason, sofar.t, model.taskName);
      const deadline =
        event.reason.deadline === undefined
          ? ''
          : ` (timeout at ${formatSeconds(event.reason.deadline)})`;
      return {
        ...byTask(model, event.task),
        kind: 'waits',
        text: `Suspended: ${label}${deadline}`,
        line: event.chain[event.chain.length - 1]?.line ?? null,
      };
    }
    case 'ready': {
      if (event.task === undefined || !sofar.suspended.delete(event.task)) return null;
      const arrow = takeArrow(model, sofar, 'wake');
      return {
        ...byTask(model, event.task),
        kind: 'woken',
        text: `Woken by ${cause(model, arrow)}`,
        line: null,
      };
    }
    case 'task.end': {
      sofar.suspended.delete(event.task);
      const ended =
        event.outcome === 'result'
          ? `returned ${event.repr}`
          : event.outcome === 'cancelled'
            ? 'cancelled'
            : `raised ${event.error}${event.message ? `: ${event.message}` : ''}`;
      return {
        ...byTask(model, event.task),
        kind: 'ended',
        text: `Ended: ${ended}`,
        line: event.outcome === 'exception' ? event.line : null,
      };
    }
    case 'task.cancel': {
      const arrow = takeArrow(model, sofar, 'cancel');
      return {
        ...byTask(model, event.task),
        kind: 'cancel',
        text: `Cancel requested by ${cause(model, arrow)}`,
        line: null,
      };
    }
    case 'loop.blocked':
      return {
        ...byTask(model, event.task),
        kind: 'blocked',
        text: `Blocked the loop for ${formatSeconds(event.duration)}: no other task could run`,
        line: event.line,
      };
    case 'warning':
      return {
        ...byTask(model, event.task),
        kind: 'warning',
        text: `${event.category}: ${event.message}`,
        line: event.line,
      };
    case 'thread.start':
      return {
        ...byTask(model, event.task),
        kind: 'thread',
        text: `Started ${event.fn} on worker thread ${event.thread}`,
        line: event.line,
      };
    case 'thread.end': {
      const fn = model.laneByKey.get(threadLaneKey(event.thread))?.coro ?? 'its function';
      const ends = event.error === null ? 'returns' : `raises ${event.error}`;
      return {
        task: null,
        lane: threadLaneKey(event.thread),
        who: `thread ${event.thread}`,
        kind: 'thread',
        text: `${fn} ${ends} at ${formatSeconds(event.end)}`,
        line: null,
      };
    }
    case 'error':
      return {
        ...byTask(model, event.task),
        kind: 'error',
        text: `Uncaught ${event.error}${event.message ? `: ${event.message}` : ''}`,
        line: event.line,
      };
    case 'limit':
      return { ...byTask(model, null), kind: 'error', text: event.message, line: null };
    default:
      return null;
  }
}
