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
import { formatSeconds, waitLabel } from '../../../shared/waitLabels';
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
    const told = toldEvent(sofar, event);
    if (told !== null) {
      // Taken whether or not the row is shown: the arrows are in trace order.
      const cause = causeArrow(model, sofar, told);
      if (!isInternal(model, rowTask(told))) {
        sofar.rows.push(new DescribedRow(model, told, index, sofar.t, step, cause));
      }
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

/** The events a row tells of, other than prints. */
type ToldEvent = Extract<
  TraceEvent,
  {
    readonly type:
      | 'task.create'
      | 'task.suspend'
      | 'ready'
      | 'task.end'
      | 'task.cancel'
      | 'loop.blocked'
      | 'warning'
      | 'thread.start'
      | 'thread.end'
      | 'error'
      | 'limit';
  }
>;

/**
 * The event as one a row tells of, or null: events of other types, and a
 * `ready` that is no wake-up (the task was not suspended). Notes the tasks
 * that suspend, for the wake-ups that follow.
 */
function toldEvent(sofar: RowsSoFar, event: TraceEvent): ToldEvent | null {
  switch (event.type) {
    case 'task.suspend':
      sofar.suspended.add(event.task);
      return event;
    case 'ready':
      return event.task !== undefined && sofar.suspended.delete(event.task) ? event : null;
    case 'task.end':
      sofar.suspended.delete(event.task);
      return event;
    case 'task.create':
    case 'task.cancel':
    case 'loop.blocked':
    case 'warning':
    case 'thread.start':
    case 'thread.end':
    case 'error':
    case 'limit':
      return event;
    default:
      return null;
  }
}

/** The arrow a wake-up's or a cancel's row names as its cause, taken in trace order. */
function causeArrow(model: TimelineModel, sofar: RowsSoFar, event: ToldEvent): Arrow | undefined {
  if (event.type === 'ready') return takeArrow(model, sofar, 'wake');
  if (event.type === 'task.cancel') return takeArrow(model, sofar, 'cancel');
  return undefined;
}

function rowTask(event: ToldEvent): TaskId | null {
  return event.type === 'thread.end' || event.type === 'limit' ? null : (event.task ?? null);
}

const ROW_KINDS: Readonly<Record<ToldEvent['type'], EventKind>> = {
  'task.create': 'created',
  'task.suspend': 'waits',
  ready: 'woken',
  'task.end': 'ended',
  'task.cancel': 'cancel',
  'loop.blocked': 'blocked',
  warning: 'warning',
  'thread.start': 'thread',
  'thread.end': 'thread',
  error: 'error',
  limit: 'error',
};

/**
 * A row of any event but a print. Its words are made when they are read (the
 * table reads those of the rows it shows; a filter reads only `lane` and
 * `kind`, made without words): a run of a million events has a row for most
 * of them, and a row that kept its own strings was several objects more per
 * event for the collector, and most of the time spent reading a batch.
 */
class DescribedRow implements EventRow {
  readonly event: number;
  readonly t: number;
  readonly step: number;
  readonly #model: TimelineModel;
  readonly #told: ToldEvent;
  /** The arrow a wake-up or a cancel came by (as `cause` words it). */
  readonly #cause: Arrow | undefined;

  constructor(
    model: TimelineModel,
    told: ToldEvent,
    event: number,
    t: number,
    step: number,
    cause: Arrow | undefined,
  ) {
    this.event = event;
    this.t = t;
    this.step = step;
    this.#model = model;
    this.#told = told;
    this.#cause = cause;
  }

  get task(): TaskId | null {
    return rowTask(this.#told);
  }

  get lane(): string | null {
    const told = this.#told;
    if (told.type === 'thread.end') return threadLaneKey(told.thread);
    const task = rowTask(told);
    return task === null ? null : taskLaneKey(task);
  }

  get who(): string | null {
    const told = this.#told;
    if (told.type === 'thread.end') return `thread ${told.thread}`;
    const task = rowTask(told);
    return task === null ? null : this.#model.taskName(task);
  }

  get kind(): EventKind {
    return ROW_KINDS[this.#told.type];
  }

  get line(): number | null {
    const told = this.#told;
    switch (told.type) {
      case 'task.suspend':
        return told.chain[told.chain.length - 1]?.line ?? null;
      case 'task.end':
        return told.outcome === 'exception' ? told.line : null;
      case 'task.create':
      case 'loop.blocked':
      case 'warning':
      case 'thread.start':
      case 'error':
        return told.line;
      default:
        return null;
    }
  }

  get text(): string {
    return describe(this.#model, this.#told, this.t, this.#cause);
  }
}

/** What a row says of its event. */
function describe(
  model: TimelineModel,
  event: ToldEvent,
  t: number,
  arrow: Arrow | undefined,
): string {
  switch (event.type) {
    case 'task.create': {
      const from = event.parent === null ? '' : `, from ${model.taskName(event.parent)}`;
      return `Created ${event.coro} with ${CREATING_CALLS[event.api] ?? event.api}${from}`;
    }
    case 'task.suspend': {
      const label = waitLabel(event.reason, t, model.taskName);
      const deadline =
        event.reason.deadline === undefined
          ? ''
          : ` (timeout at ${formatSeconds(event.reason.deadline)})`;
      return `Suspended: ${label}${deadline}`;
    }
    case 'ready':
      return `Woken by ${cause(model, arrow)}`;
    case 'task.end': {
      const ended =
        event.outcome === 'result'
          ? `returned ${event.repr}`
          : event.outcome === 'cancelled'
            ? 'cancelled'
            : `raised ${event.error}${event.message ? `: ${event.message}` : ''}`;
      return `Ended: ${ended}`;
    }
    case 'task.cancel':
      return `Cancel requested by ${cause(model, arrow)}`;
    case 'loop.blocked':
      return `Blocked the loop for ${formatSeconds(event.duration)}: no other task could run`;
    case 'warning':
      return `${event.category}: ${event.message}`;
    case 'thread.start':
      return `Started ${event.fn} on worker thread ${event.thread}`;
    case 'thread.end': {
      const fn = model.laneByKey.get(threadLaneKey(event.thread))?.coro ?? 'its function';
      const ends = event.error === null ? 'returns' : `raises ${event.error}`;
      return `${fn} ${ends} at ${formatSeconds(event.end)}`;
    }
    case 'error':
      return `Uncaught ${event.error}${event.message ? `: ${event.message}` : ''}`;
    case 'limit':
      return event.message;
  }
}
