/**
 * Turns trace events into the timeline's model (types.ts), batch by batch as
 * a run streams in: lanes with their segments, arrows, print marks, blocked
 * bands, teaching overlays and the playback moments. Pure data, no DOM.
 *
 * The model only grows: a batch appends to it and bumps `version`, so a view
 * can redraw on a new version without rebuilding anything.
 */
import type { ChainFrame, HandleId, TaskId, TraceEvent } from '../../../runtime/traceSchema';
import { formatSeconds, timedOutLabel, waitLabel } from '../../../shared/waitLabels';
import { createHandleTable } from './handleTable';
import { createMinHeap } from './minHeap';
import {
  callbackLabel,
  createLoopTracker,
  isInternalHandle,
  type HandleOrigin,
  type LoopCheckpoint,
  type LoopState,
  type LoopTracker,
} from './loopState';
import {
  stepEnd,
  stepOfEdge,
  stepStart,
  type Arrow,
  type BlockedBand,
  type Edge,
  type Iteration,
  type Lane,
  type Moment,
  type Overlay,
  type PrintMark,
  type Segment,
  type Step,
} from './types';

export interface TimelineModel {
  /** Bumped by every batch. */
  readonly version: number;
  /** Every event of the run so far, in order. */
  readonly events: readonly TraceEvent[];
  readonly steps: readonly Step[];
  readonly iterations: readonly Iteration[];
  /** In creation order; `laneOrder` nests them under their creators. */
  readonly lanes: readonly Lane[];
  readonly laneByKey: ReadonlyMap<string, Lane>;
  readonly arrows: readonly Arrow[];
  readonly prints: readonly PrintMark[];
  readonly blocked: readonly BlockedBand[];
  readonly overlays: readonly Overlay[];
  readonly moments: readonly Moment[];
  /** The learner's moments (those not `internal`): indices into `moments`, in order. */
  readonly learnerMoments: readonly number[];
  /** Snapshots of the loop's state that `loopStateAt` starts from. */
  readonly checkpoints: readonly LoopCheckpoint[];
  /** The loop's state once events `0..event` have happened. */
  loopStateAt(event: number): LoopState;
  /** A task's name (`Task-2`, or the name it was given); `Task-N` before its creation is seen. */
  readonly taskName: (task: TaskId) => string;
  /** The latest virtual time seen. */
  readonly virtualTime: number;
  /** The run's last event has arrived. */
  readonly ended: boolean;
  /** Whether the runtime recorded scheduling events (false: output only). */
  readonly traced: boolean;
}

export interface TimelineBuilder {
  readonly model: TimelineModel;
  append(events: readonly TraceEvent[]): void;
}

/** Shared by every segment without frames: a run has hundreds of thousands of segments. */
const NO_FRAMES: readonly ChainFrame[] = [];

/** How many callbacks deep an arrow's cause is followed back to a task. */
const MAX_CAUSE_DEPTH = 8;

/**
 * Lane keys made once per id: every print, mark and table row names its
 * lane, and a key built each time was a string of its own that lived as
 * long as the run (hundreds of thousands in a flood of output).
 */
const taskKeys = new Map<TaskId, string>();
const threadKeys = new Map<number, string>();

export function taskLaneKey(task: TaskId): string {
  return keyFor(taskKeys, task, 'task');
}

export function threadLaneKey(thread: number): string {
  return keyFor(threadKeys, thread, 'thread');
}

function keyFor(keys: Map<number, string>, id: number, kind: string): string {
  let key = keys.get(id);
  if (key === undefined) {
    key = `${kind}:${id}`;
    keys.set(id, key);
  }
  return key;
}

export function buildTimeline(events: readonly TraceEvent[]): TimelineModel {
  const builder = createTimelineBuilder();
  builder.append(events);
  return builder.model;
}

/** A worker thread whose work is done at virtual time `end`: its lane closes when the loop gets there. */
interface EndingThread {
  readonly lane: Lane;
  readonly end: number;
}

export function createTimelineBuilder(): TimelineBuilder {
  const events: TraceEvent[] = [];
  const steps: Step[] = [];
  const iterations: Iteration[] = [];
  const lanes: Lane[] = [];
  const laneByKey = new Map<string, Lane>();
  const arrows: Arrow[] = [];
  const prints: PrintMark[] = [];
  const blocked: BlockedBand[] = [];
  const overlays: Overlay[] = [];
  const moments: Moment[] = [];
  const learnerMoments: number[] = [];
  const handles = createHandleTable<HandleOrigin>();
  // Origins are plain data that many handles share: a task is queued once per
  // step and a sleep's timer set once per sleep, and an origin of its own per
  // handle was one more object per event for the collector to keep.
  const taskOrigins = new Map<TaskId, HandleOrigin>();
  const timerOrigins = new Map<string, HandleOrigin>();
  const callbackLabels = new Map<HandleOrigin, string>();
  // Threads by id until their end is known, then by end: a run can start
  // thousands, and each iteration looks only at those due.
  const runningThreads = new Map<number, Lane>();
  const endingThreads = createMinHeap<EndingThread>((a, b) => a.end < b.end);
  /** The first task lane of each name: CPython's messages name tasks. */
  const taskLaneByName = new Map<string, Lane>();
  const shutdownCancels = new Set<TaskId>();
  const loop: LoopTracker = createLoopTracker(events, handles, taskName, taskInternal);

  let version = 0;
  let virtualTime = 0;
  let ended = false;
  let traced = true;
  /** Inside a loop iteration: events belong to the step that runs next. */
  let inIteration = false;
  /** The virtual time the next step starts at (later than its iteration's when a step blocked). */
  let clock = 0;

  const model: TimelineModel = {
    get version() {
      return version;
    },
    events,
    steps,
    iterations,
    lanes,
    laneByKey,
    arrows,
    prints,
    blocked,
    overlays,
    moments,
    learnerMoments,
    checkpoints: loop.checkpoints,
    loopStateAt: (event) => loop.stateAt(event),
    taskName,
    get virtualTime() {
      return virtualTime;
    },
    get ended() {
      return ended;
    },
    get traced() {
      return traced;
    },
  };

  function taskName(task: TaskId): string {
    return laneByKey.get(taskLaneKey(task))?.name ?? `Task-${task}`;
  }

  function taskInternal(task: TaskId): boolean {
    return laneByKey.get(taskLaneKey(task))?.internal ?? false;
  }

  function taskOrigin(task: TaskId): HandleOrigin {
    let origin = taskOrigins.get(task);
    if (origin === undefined) {
      origin = { kind: 'task', task };
      taskOrigins.set(task, origin);
    }
    return origin;
  }

  function timerOrigin(callback: string, internal: boolean): HandleOrigin {
    const key = `${internal ? 'internal' : 'learner'}:${callback}`;
    let origin = timerOrigins.get(key);
    if (origin === undefined) {
      origin = { kind: 'timer', callback, internal };
      timerOrigins.set(key, origin);
    }
    return origin;
  }

  /**
   * A callback step's name. A callback's origin holds it; a timer's or a
   * thread's is made once per origin, which the steps of a kind of timer
   * share. Only those few are kept: a run of a million `call_soon` callbacks
   * has a million origins, and a map of them all cost more than it saved.
   */
  function stepCallback(origin: Exclude<HandleOrigin, { kind: 'task' }>): string {
    if (origin.kind === 'callback') return origin.name;
    let label = callbackLabels.get(origin);
    if (label === undefined) {
      label = callbackLabel(origin);
      callbackLabels.set(origin, label);
    }
    return label;
  }

  function addMoment(moment: Moment): void {
    if (!moment.internal) learnerMoments.push(moments.length);
    moments.push(moment);
  }

  /** A step's end is a moment: asyncio's own when the handle is. */
  function addStepMoment(step: number | null, index: number, line: number | null): void {
    if (step === null) return;
    const h = steps[step]?.h ?? null;
    const internal = h !== null && isInternalHandle(handles.get(h), taskInternal);
    addMoment({ kind: 'step-end', step, at: stepEnd(step), event: index, line, internal });
  }

  function addLane(lane: Lane): void {
    lanes.push(lane);
    laneByKey.set(lane.key, lane);
  }

  function lastSegment(lane: Lane): Segment | undefined {
    return lane.segments[lane.segments.length - 1];
  }

  function closeOpenSegment(lane: Lane, at: Edge): void {
    const last = lastSegment(lane);
    if (last && last.to === null) last.to = Math.max(at, last.from);
  }

  /** Ends the lane's open segment where `segment` (open itself) begins. */
  function openSegment(lane: Lane, segment: Segment): void {
    closeOpenSegment(lane, segment.from);
    lane.segments.push(segment);
  }

  /** Where an event happens: inside the step that runs next, or before it. */
  function edgeOf(event: TraceEvent): Edge {
    const next = steps.length;
    return inIteration && !isBetweenSteps(event) ? stepEnd(next) : stepStart(next);
  }

  /** The lane an arrow's cause starts from (a task), or the cause's name. */
  function causeOf(by: HandleId | null): { lane: string | null; cause: string } {
    let handle = by;
    for (let depth = 0; depth < MAX_CAUSE_DEPTH && handle !== null; depth += 1) {
      const origin = handles.get(handle);
      if (origin === undefined) break;
      if (origin.kind === 'task') return { lane: taskLaneKey(origin.task), cause: 'task' };
      if (origin.kind === 'thread') return { lane: threadLaneKey(origin.thread), cause: 'thread' };
      if (origin.kind === 'timer') {
        return { lane: null, cause: origin.callback === 'sleep' ? 'timer' : origin.callback };
      }
      if (origin.by === null) return { lane: null, cause: origin.name };
      handle = origin.by;
    }
    return { lane: null, cause: 'loop' };
  }

  /**
   * A timeout cancelled the task while it waited: its bar ends now, before
   * what it waited for (a `wait_for(asyncio.sleep(5), 2)` ends at 2 s), so
   * the label says so.
   */
  function timedOut(task: TaskId): void {
    const lane = taskLane(task);
    const wait = lane && lastSegment(lane);
    if (wait?.kind !== 'suspended' || wait.to !== null) return;
    const began = steps[stepOfEdge(wait.from)]?.t1 ?? clock;
    wait.label = timedOutLabel(wait.label, clock - began);
  }

  /** Ends a task's step: its ready stretch closes and its running one is drawn. */
  function runStep(lane: Lane, step: number, line: number | null): void {
    closeOpenSegment(lane, stepStart(step));
    openSegment(lane, {
      kind: 'running',
      from: stepStart(step),
      to: null,
      reason: null,
      chain: NO_FRAMES,
      label: '',
      line,
      step,
    });
    closeOpenSegment(lane, stepEnd(step));
  }

  /** Records a step of the loop; returns its index, or null for an eager task's first step. */
  function endStep(
    index: number,
    h: HandleId | null,
    task: TaskId | null,
    line: number | null,
  ): number | null {
    if (h === null) return null;
    const iteration = iterations.length - 1;
    const column = iterations[iteration];
    const origin = handles.get(h);
    const t0 = clock;
    let t1 = t0;
    for (let i = blocked.length - 1; i >= 0 && blocked[i]?.step === steps.length; i -= 1) {
      const band = blocked[i];
      if (band) t1 = Math.max(t1, band.t + band.duration);
    }
    steps.push({
      index: steps.length,
      iteration,
      slot: column ? column.steps : 0,
      h,
      task,
      callback: origin === undefined || origin.kind === 'task' ? null : stepCallback(origin),
      t0,
      t1,
      endEvent: index,
      line,
    });
    if (column) column.steps += 1;
    clock = t1;
    virtualTime = Math.max(virtualTime, t1);
    return steps.length - 1;
  }

  function taskLane(task: TaskId): Lane | undefined {
    return laneByKey.get(taskLaneKey(task));
  }

  function apply(event: TraceEvent, index: number): void {
    const at = edgeOf(event);
    switch (event.type) {
      case 'run.start':
        traced = event.traced;
        break;
      case 'run.end':
        ended = true;
        inIteration = false;
        virtualTime = Math.max(virtualTime, event.virtualTime);
        break;
      case 'loop.create':
        inIteration = false;
        break;
      case 'iteration': {
        inIteration = true;
        clock = Math.max(clock, event.t);
        virtualTime = Math.max(virtualTime, event.t);
        iterations.push({ n: event.n, t: event.t, firstStep: steps.length, steps: 0 });
        closeFinishedThreads(event.t, stepStart(steps.length));
        break;
      }
      case 'ready': {
        if (event.task !== undefined) {
          handles.set(event.h, taskOrigin(event.task));
          const lane = taskLane(event.task);
          if (lane) wake(lane, event.by, at);
        } else {
          handles.set(event.h, {
            kind: 'callback',
            name: event.callback ?? '?',
            by: event.by,
            internal: event.internal === true,
          });
        }
        break;
      }
      case 'timer': {
        // The runtime follows a `thread.start` with the timer that ends the thread's wait.
        const previous = events[index - 1];
        handles.set(
          event.h,
          previous?.type === 'thread.start'
            ? { kind: 'thread', thread: previous.thread }
            : timerOrigin(event.callback, event.internal === true),
        );
        break;
      }
      case 'task.create': {
        const parent = event.parent === null ? undefined : taskLane(event.parent);
        const lane: Lane = {
          key: taskLaneKey(event.task),
          kind: 'task',
          id: event.task,
          name: event.name,
          coro: event.coro,
          label: `${event.name} · ${event.coro}`,
          parent: event.parent,
          depth: parent ? parent.depth + 1 : 0,
          internal: event.internal,
          line: event.line,
          api: event.api,
          createdAt: at,
          endedAt: null,
          outcome: null,
          segments: [],
        };
        addLane(lane);
        if (!taskLaneByName.has(lane.name)) taskLaneByName.set(lane.name, lane);
        if (parent) {
          arrows.push({
            kind: 'create',
            fromLane: parent.key,
            toLane: taskLaneKey(event.task),
            at,
            cause: event.api,
          });
        }
        break;
      }
      case 'task.suspend': {
        const line = event.chain[event.chain.length - 1]?.line ?? null;
        const step = endStep(index, event.h, event.task, line);
        const lane = taskLane(event.task);
        if (lane) {
          const ranIn = step ?? steps.length;
          runStep(lane, ranIn, line);
          openSegment(lane, {
            kind: 'suspended',
            from: stepEnd(ranIn),
            to: null,
            reason: event.reason,
            chain: event.chain,
            label: waitLabel(event.reason, clock, taskName),
            line,
            step: null,
          });
        }
        addStepMoment(step, index, line);
        break;
      }
      case 'task.end': {
        const line = event.outcome === 'exception' ? event.line : null;
        const step = endStep(index, event.h, event.task, line);
        const lane = taskLane(event.task);
        if (lane) {
          const ranIn = step ?? steps.length;
          runStep(lane, ranIn, line);
          lane.endedAt = stepEnd(ranIn);
          lane.outcome =
            event.outcome === 'result'
              ? { kind: 'result', repr: event.repr }
              : event.outcome === 'cancelled'
                ? { kind: 'cancelled' }
                : {
                    kind: 'exception',
                    error: event.error,
                    message: event.message,
                    line: event.line,
                  };
          if (event.outcome === 'cancelled' && shutdownCancels.has(event.task) && !lane.internal) {
            overlays.push({
              kind: 'cancelled-at-shutdown',
              lane: lane.key,
              at: lane.endedAt,
              line: lane.line,
              text:
                `${lane.name} was still waiting when asyncio.run() ended, so it was cancelled: ` +
                'nothing awaited it. Await the task (or gather it) before main returns.',
            });
          }
        }
        addStepMoment(step, index, line);
        break;
      }
      case 'step': {
        addStepMoment(endStep(index, event.h, null, null), index, null);
        break;
      }
      case 'task.cancel': {
        const cause = causeOf(event.by);
        const fromLane = event.byTask === null ? cause.lane : taskLaneKey(event.byTask);
        const shutdown = event.by === null && event.byTask === null;
        if (shutdown) shutdownCancels.add(event.task);
        arrows.push({
          kind: 'cancel',
          fromLane,
          toLane: taskLaneKey(event.task),
          at,
          cause: shutdown ? 'shutdown' : fromLane === null ? cause.cause : 'task',
        });
        if (!shutdown && fromLane === null && cause.cause === 'timeout') timedOut(event.task);
        break;
      }
      case 'loop.blocked': {
        const band: BlockedBand = {
          step: steps.length,
          task: event.task,
          line: event.line,
          t: event.t,
          duration: event.duration,
        };
        blocked.push(band);
        const who = event.task === null ? 'A callback' : taskName(event.task);
        overlays.push({
          kind: 'blocking-call',
          lane: event.task === null ? null : taskLaneKey(event.task),
          at: stepEnd(steps.length),
          line: event.line,
          // Same event for `time.sleep` and for busy work (a loop reading the
          // clock): the words fit both.
          text:
            `${who} blocked the event loop${event.line === null ? '' : ` at line ${event.line}`} ` +
            `for ${formatSeconds(event.duration)}: no other task could run meanwhile. ` +
            'A blocking call such as `time.sleep` does this, and so does busy work (a loop that ' +
            'computes, or watches the clock); in a coroutine, wait with `await asyncio.sleep(…)`.',
        });
        break;
      }
      case 'output': {
        const lane =
          event.thread !== null
            ? threadLaneKey(event.thread)
            : event.task !== null
              ? taskLaneKey(event.task)
              : null;
        const line = event.chain[event.chain.length - 1]?.line ?? null;
        prints.push({ lane, at, event: index, stream: event.stream, text: event.text, line });
        // What is printed is the learner's story, whoever wrote it.
        addMoment({ kind: 'print', step: steps.length, at, event: index, line, internal: false });
        virtualTime = Math.max(virtualTime, event.t);
        if (event.stream === 'stderr') noticeUnretrievedException(event.text, at);
        break;
      }
      case 'warning':
        if (event.message.endsWith('was never awaited')) {
          overlays.push({
            kind: 'never-awaited',
            lane: event.task === null ? null : taskLaneKey(event.task),
            at,
            line: event.line,
            text:
              `${event.message}${event.line === null ? '' : ` (line ${event.line})`}: calling a ` +
              'coroutine function only creates the coroutine. Nothing runs until it is awaited or wrapped in a task.',
          });
        }
        break;
      case 'thread.start': {
        const lane: Lane = {
          key: threadLaneKey(event.thread),
          kind: 'thread',
          id: event.thread,
          name: `thread ${event.thread}`,
          coro: event.fn,
          label: `thread ${event.thread} · ${event.fn}`,
          parent: event.task,
          depth: event.task === null ? 0 : (taskLane(event.task)?.depth ?? -1) + 1,
          internal: false,
          line: event.line,
          api: 'thread',
          createdAt: at,
          endedAt: null,
          outcome: null,
          segments: [],
        };
        addLane(lane);
        openSegment(lane, {
          kind: 'running',
          from: at,
          to: null,
          reason: null,
          chain: NO_FRAMES,
          label: event.fn,
          line: event.line,
          step: null,
        });
        runningThreads.set(event.thread, lane);
        break;
      }
      case 'thread.end': {
        const lane = runningThreads.get(event.thread);
        if (lane) {
          runningThreads.delete(event.thread);
          endingThreads.push({ lane, end: event.end });
          if (event.error === null) lane.outcome = { kind: 'result', repr: '' };
          else
            lane.outcome = {
              kind: 'exception',
              error: event.error,
              message: '',
              line: null,
            };
        }
        break;
      }
      default:
        break;
    }
  }

  /** A wake-up: the task leaves its wait for the ready queue. */
  function wake(lane: Lane, by: HandleId | null, at: Edge): void {
    const waited = lastSegment(lane)?.kind === 'suspended';
    if (waited) {
      const cause = causeOf(by);
      arrows.push({ kind: 'wake', fromLane: cause.lane, toLane: lane.key, at, cause: cause.cause });
    }
    openSegment(lane, {
      kind: 'ready',
      from: at,
      to: null,
      reason: null,
      chain: NO_FRAMES,
      label: '',
      line: null,
      step: null,
    });
  }

  /** Worker threads end when the loop's clock reaches their end time. */
  function closeFinishedThreads(now: number, at: Edge): void {
    for (let next = endingThreads.peek(); next && next.end <= now; next = endingThreads.peek()) {
      endingThreads.pop();
      closeThread(next.lane, at);
    }
  }

  function closeThread(lane: Lane, at: Edge): void {
    closeOpenSegment(lane, at);
    lane.endedAt = at;
  }

  /** CPython's "Task exception was never retrieved" names the task in its text. */
  function noticeUnretrievedException(text: string, at: Edge): void {
    if (!text.startsWith('Task exception was never retrieved')) return;
    const name = /name='([^']+)'/.exec(text)?.[1];
    const lane = name === undefined ? undefined : taskLaneByName.get(name);
    const raised = lane?.outcome?.kind === 'exception' ? lane.outcome : null;
    overlays.push({
      kind: 'exception-never-retrieved',
      lane: lane?.key ?? null,
      at,
      line: raised?.line ?? null,
      text:
        `${name ?? 'A task'} raised ${raised ? raised.error : 'an exception'} and nothing awaited it, ` +
        'so the error surfaced only when the task was thrown away. Await the task (or gather it) to handle its exception.',
    });
  }

  return {
    model,
    append(batch) {
      for (const event of batch) {
        const index = events.length;
        events.push(event);
        apply(event, index);
        loop.apply(index);
      }
      if (ended) {
        const at = stepStart(steps.length);
        for (const lane of runningThreads.values()) closeThread(lane, at);
        for (const thread of endingThreads.drain()) closeThread(thread.lane, at);
        runningThreads.clear();
      }
      version += 1;
    },
  };
}

/** Events that happen outside any step even in the middle of an iteration. */
function isBetweenSteps(event: TraceEvent): boolean {
  switch (event.type) {
    case 'iteration':
    case 'loop.create':
    case 'run.start':
    case 'run.end':
      return true;
    case 'ready':
    case 'task.create':
    case 'task.cancel':
      return event.by === null;
    case 'output':
      return event.task === null && event.thread === null;
    default:
      return false;
  }
}
