/**
 * The rows of the event table: one per event a learner can read something
 * from (a task created, suspended, woken, ended or asked to cancel, a print,
 * a blocking call, a warning, a worker thread, an error or a limit), in trace
 * order, each tied to its playback moment and to the learner's line.
 *
 * Rows are kept per model and extended as the model grows, so a run that
 * streams in costs one pass over its events in all, not one per batch.
 * asyncio's internal helper tasks are left out, as the timeline hides them.
 */
import type { TaskId, TraceEvent } from '../../../runtime/traceSchema';
import { formatSeconds, waitLabel } from '../model/labels';
import { taskLaneKey, threadLaneKey, type TimelineModel } from '../model/timelineBuilder';
import type { Arrow } from '../model/types';

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
  /**
   * The playback moment it belongs to: the first of `model.moments` at or
   * after the event (the last one for events after the last step of a run
   * that has ended); null while its step has not ended yet.
   */
  readonly moment: number | null;
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

/** What a row says before its moment is known. */
type RowDraft = Omit<EventRow, 'moment' | 'event' | 't' | 'step'>;

interface RowsSoFar {
  readonly rows: EventRow[];
  /** Events read so far. */
  read: number;
  /** The rows as last handed out, until they change. */
  snapshot: readonly EventRow[] | null;
  /** Rows from here on wait for their moment. */
  firstWithoutMoment: number;
  /** Where the search for the next row's moment goes on. */
  momentCursor: number;
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

const rowsByModel = new WeakMap<TimelineModel, RowsSoFar>();

/**
 * The table's rows for the model as it is now. The same array comes back
 * until the rows change, so a view can call this on every render and
 * memoize on the result.
 */
export function eventRows(model: TimelineModel): readonly EventRow[] {
  let sofar = rowsByModel.get(model);
  if (sofar === undefined) {
    sofar = {
      rows: [],
      read: 0,
      snapshot: null,
      firstWithoutMoment: 0,
      momentCursor: 0,
      wakeCursor: 0,
      cancelCursor: 0,
      steps: 0,
      t: 0,
      suspended: new Set(),
    };
    rowsByModel.set(model, sofar);
  }
  const rowsBefore = sofar.rows.length;
  readNewEvents(model, sofar);
  const placed = placeOnMoments(model, sofar);
  if (sofar.snapshot === null || sofar.rows.length > rowsBefore || placed > 0) {
    sofar.snapshot = [...sofar.rows];
  }
  return sofar.snapshot;
}

function readNewEvents(model: TimelineModel, sofar: RowsSoFar): void {
  for (; sofar.read < model.events.length; sofar.read += 1) {
    const event = model.events[sofar.read];
    if (event === undefined) break;
    const step = sofar.steps;
    if ('t' in event) sofar.t = event.t;
    const draft = describe(model, sofar, event);
    if (draft !== null && !isInternal(model, draft.task)) {
      sofar.rows.push({ ...draft, event: sofar.read, moment: null, t: sofar.t, step });
    }
    if (event.type === 'loop.blocked') sofar.t = Math.max(sofar.t, event.t + event.duration);
    if (endsStep(event)) sofar.steps += 1;
  }
}

/** Gives each row still without one its moment, now that more moments may exist; returns how many got one. */
function placeOnMoments(model: TimelineModel, sofar: RowsSoFar): number {
  const from = sofar.firstWithoutMoment;
  const { moments } = model;
  const last = moments.length - 1;
  for (; sofar.firstWithoutMoment < sofar.rows.length; sofar.firstWithoutMoment += 1) {
    const row = sofar.rows[sofar.firstWithoutMoment];
    if (row === undefined) break;
    while ((moments[sofar.momentCursor]?.event ?? Infinity) < row.event) sofar.momentCursor += 1;
    let moment: number | null = sofar.momentCursor <= last ? sofar.momentCursor : null;
    // After the last step of an ended run (an uncaught error, a limit) comes nothing more:
    // the last moment shows the run as it ended.
    if (moment === null && model.ended && last >= 0) moment = last;
    if (moment === null) break;
    sofar.rows[sofar.firstWithoutMoment] = { ...row, moment };
  }
  return sofar.firstWithoutMoment - from;
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
    case 'output': {
      const who =
        event.thread === null
          ? byTask(model, event.task)
          : { task: null, lane: threadLaneKey(event.thread), who: `thread ${event.thread}` };
      const text = event.text.trim();
      return {
        ...who,
        kind: 'output',
        text: event.stream === 'stdout' ? `Printed: ${text}` : `Wrote to stderr: ${text}`,
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
