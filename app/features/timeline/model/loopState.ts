/**
 * The event loop's state at any point of a run, rebuilt from the trace as
 * docs/trace-format.md ("Rebuilding the loop's state") promises: the ready
 * queue in order, the pending timers, what every suspended task waits on,
 * and the handle running. The tracker follows the trace as it streams in.
 * The ready queue is one log for the whole run (readyQueueLog.ts); the rest
 * (timers, waits) is kept in snapshots, so a state far into a long run is
 * one snapshot plus a short replay away. Every event costs the same whatever
 * the run's size, and reading the queue costs what is listed (issue 12).
 */
import type {
  ChainFrame,
  HandleId,
  TaskId,
  TraceEvent,
  WaitReason,
} from '../../../runtime/traceSchema';
import type { HandleTable } from './handleTable';
import { createReadyQueueLog, type ReadyFront, type ReadyQueueAt } from './readyQueueLog';
import { lastAtOrBefore } from './sortedSearch';

/** A handle in the ready queue. */
export interface QueuedHandle {
  readonly h: HandleId;
  /** The task whose step it runs; null for a callback or a timer. */
  readonly task: TaskId | null;
  /** `Task-2`, `sleep timer`, `gather.<locals>._done_callback`. */
  readonly label: string;
  /** asyncio's own: one of its callbacks, or a step of one of its helper tasks. */
  readonly internal: boolean;
  /** Cancelled while queued: the loop will skip it. */
  readonly cancelled: boolean;
}

export interface PendingTimer {
  readonly h: HandleId;
  readonly when: number;
  /** `sleep`, `timeout`, `set result`, or the callback's name. */
  readonly callback: string;
  /** The task it concerns: the sleeper, or the task a timeout applies to. */
  readonly task: TaskId | null;
}

export interface TaskWait {
  readonly task: TaskId;
  readonly reason: WaitReason;
  readonly chain: readonly ChainFrame[];
  /** Virtual time the wait began. */
  readonly since: number;
}

/**
 * The ready queue at one moment, read on demand: a run can queue a million
 * callbacks, and a view lists a few of them and counts the rest.
 */
export interface ReadyQueue {
  /** Handles queued, the cancelled ones included. */
  readonly size: number;
  /** Those of them that are the learner's (not `internal`). */
  readonly learnerSize: number;
  /** The handle that runs next: the first one not cancelled. */
  front(): QueuedHandle | null;
  /** The first `count` handles in queue order: the learner's only, unless `withInternal`. */
  first(count: number, withInternal: boolean): QueuedHandle[];
}

export interface LoopState {
  /** The last trace event taken into account. */
  readonly event: number;
  readonly t: number;
  readonly ready: ReadyQueue;
  /** Sorted by deadline (then by creation). */
  readonly timers: readonly PendingTimer[];
  /** Sorted by task. */
  readonly waits: readonly TaskWait[];
  /** The step that ended last, if the last event ended one. */
  readonly ran: QueuedHandle | null;
}

/** What the tracker needs to know about a handle; the builder fills it. */
export type HandleOrigin =
  | { readonly kind: 'task'; readonly task: TaskId }
  | {
      readonly kind: 'callback';
      readonly name: string;
      readonly by: HandleId | null;
      /** asyncio's own callback, not the learner's. */
      readonly internal: boolean;
    }
  | { readonly kind: 'timer'; readonly callback: string; readonly internal: boolean }
  /** The timer that wakes the task awaiting a worker thread when the thread's work is done. */
  | { readonly kind: 'thread'; readonly thread: number };

interface MutableState {
  event: number;
  t: number;
  timers: Map<HandleId, PendingTimer>;
  waits: Map<TaskId, TaskWait>;
  ran: HandleId | null;
}

export interface LoopCheckpoint {
  readonly event: number;
  readonly state: Readonly<MutableState>;
  /** The ready queue's front then. */
  readonly front: ReadyFront;
}

export interface LoopTracker {
  readonly checkpoints: readonly LoopCheckpoint[];
  /** Takes in `events[index]`, the next event of the run. */
  apply(index: number): void;
  /** The state once events `0..event` have happened. */
  stateAt(event: number): LoopState;
}

const checkpointEvent = (checkpoint: LoopCheckpoint): number => checkpoint.event;

/** At least this many events between snapshots (more when the state is big). */
const MIN_EVENTS_BETWEEN_CHECKPOINTS = 2048;

function emptyState(): MutableState {
  return {
    event: -1,
    t: 0,
    timers: new Map(),
    waits: new Map(),
    ran: null,
  };
}

function copyState(state: Readonly<MutableState>): MutableState {
  return {
    ...state,
    timers: new Map(state.timers),
    waits: new Map(state.waits),
  };
}

export function createLoopTracker(
  events: readonly TraceEvent[],
  handles: Pick<HandleTable<HandleOrigin>, 'get'>,
  taskName: (task: TaskId) => string,
  taskInternal: (task: TaskId) => boolean,
): LoopTracker {
  const ready = createReadyQueueLog();
  const checkpoints: LoopCheckpoint[] = [{ event: -1, state: emptyState(), front: ready.front() }];
  const live = emptyState();
  let lastAsked: LoopState | null = null;

  function taskOf(h: HandleId | null): TaskId | null {
    if (h === null) return null;
    const origin = handles.get(h);
    return origin?.kind === 'task' ? origin.task : null;
  }

  function internalHandle(h: HandleId): boolean {
    return isInternalHandle(handles.get(h), taskInternal);
  }

  /** What an event does to the ready queue: told to the log once, as the trace streams in. */
  function logReady(event: TraceEvent, index: number): void {
    switch (event.type) {
      case 'iteration':
        for (const h of event.due ?? []) ready.enqueue(h, internalHandle(h), index);
        break;
      case 'ready':
        ready.enqueue(event.h, internalHandle(event.h), index);
        break;
      case 'ready.cancel':
        ready.cancel(event.h, index);
        break;
      case 'step':
        ready.run(event.h, index);
        break;
      case 'task.suspend':
      case 'task.end':
        if (event.h !== null) ready.run(event.h, index);
        break;
      default:
        break;
    }
  }

  /** What an event does to the rest of the state: applied live, and again by a replay. */
  function reduce(state: MutableState, event: TraceEvent, index: number): void {
    state.event = index;
    if (event.type !== 'output' && event.type !== 'warning') state.ran = null;
    switch (event.type) {
      case 'iteration':
        state.t = event.t;
        for (const h of event.due ?? []) state.timers.delete(h);
        break;
      case 'ready':
        if (event.task !== undefined) state.waits.delete(event.task);
        break;
      case 'timer':
        state.timers.set(event.h, {
          h: event.h,
          when: event.when,
          callback: event.callback,
          task: event.task ?? taskOf(event.by),
        });
        break;
      case 'timer.cancel':
        state.timers.delete(event.h);
        break;
      case 'step':
        state.ran = event.h;
        break;
      case 'task.suspend':
        if (event.h !== null) state.ran = event.h;
        state.waits.set(event.task, {
          task: event.task,
          reason: event.reason,
          chain: event.chain,
          since: state.t,
        });
        break;
      case 'task.end':
        if (event.h !== null) state.ran = event.h;
        state.waits.delete(event.task);
        break;
      case 'loop.blocked':
        state.t = Math.max(state.t, event.t + event.duration);
        break;
      default:
        break;
    }
  }

  function describe(h: HandleId, cancelled: boolean): QueuedHandle {
    const origin = handles.get(h);
    const internal = isInternalHandle(origin, taskInternal);
    if (origin?.kind === 'task') {
      return { h, task: origin.task, label: taskName(origin.task), internal, cancelled };
    }
    const label = origin === undefined ? `handle ${h}` : callbackLabel(origin);
    return { h, task: null, label, internal, cancelled };
  }

  function queueAt(queue: ReadyQueueAt): ReadyQueue {
    return {
      size: queue.size,
      learnerSize: queue.learnerSize,
      front() {
        const h = queue.front();
        return h === null ? null : describe(h, false);
      },
      first: (count, withInternal) =>
        queue.first(count, withInternal).map((entry) => describe(entry.h, entry.cancelled)),
    };
  }

  function publish(state: MutableState, front: ReadyFront): LoopState {
    return {
      event: state.event,
      t: state.t,
      ready: queueAt(ready.at(state.event, front)),
      timers: [...state.timers.values()].sort((a, b) => a.when - b.when || a.h - b.h),
      waits: [...state.waits.values()].sort((a, b) => a.task - b.task),
      ran: state.ran === null ? null : describe(state.ran, false),
    };
  }

  function stateSize(state: MutableState): number {
    return state.timers.size + state.waits.size;
  }

  return {
    checkpoints,
    apply(index) {
      const event = events[index];
      if (event === undefined) return;
      logReady(event, index);
      reduce(live, event, index);
      const last = checkpoints[checkpoints.length - 1];
      const gap = index - (last?.event ?? -1);
      // Copying costs the state's size, so big states are copied less often.
      if (gap >= Math.max(MIN_EVENTS_BETWEEN_CHECKPOINTS, 4 * stateSize(live))) {
        checkpoints.push({ event: index, state: copyState(live), front: ready.front() });
      }
    },
    stateAt(event) {
      const target = Math.min(event, events.length - 1);
      // The past does not change: the editor and the Event loop panel ask
      // for the same moment's state, and get one rebuilding between them.
      if (lastAsked?.event === target) return lastAsked;
      lastAsked = target === live.event ? publish(live, ready.front()) : replayTo(target);
      return lastAsked;
    },
  };

  function replayTo(target: number): LoopState {
    const start = checkpoints[lastAtOrBefore(checkpoints, target, checkpointEvent)] ?? {
      event: -1,
      state: emptyState(),
      front: { all: 0, learner: 0 },
    };
    const state = copyState(start.state);
    for (let index = start.event + 1; index <= target; index += 1) {
      const replayed = events[index];
      if (replayed) reduce(state, replayed, index);
    }
    return publish(state, start.front);
  }
}

/** Whether a handle is asyncio's own: one of its callbacks, or a step of one of its helper tasks. */
export function isInternalHandle(
  origin: HandleOrigin | undefined,
  taskInternal: (task: TaskId) => boolean,
): boolean {
  if (origin === undefined) return false;
  switch (origin.kind) {
    case 'task':
      return taskInternal(origin.task);
    // A worker thread's end is the runtime's bookkeeping for the task that awaits it.
    case 'thread':
      return true;
    default:
      return origin.internal;
  }
}

/** How a handle that is not a task's step is named: its callback. */
export function callbackLabel(origin: Exclude<HandleOrigin, { kind: 'task' }>): string {
  switch (origin.kind) {
    case 'timer':
      return `${origin.callback} timer`;
    case 'callback':
      return origin.name;
    case 'thread':
      return `thread ${origin.thread} done`;
  }
}
