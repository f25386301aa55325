/**
 * The numbers the run's summary states, each defined so that the sentence
 * built on it stays true: how many tasks ran concurrently, and how long the
 * run would have taken had nothing overlapped. Pure, over the timeline model.
 * The summary asks for them again and again while a run streams in, so each
 * reads what the model added since it was last asked (foldAppended.ts).
 */
import type { TaskId } from '../../../runtime/traceSchema';
import { foldAppended, foldSettled } from '../model/foldAppended';
import type { TimelineModel } from '../model/timelineBuilder';
import {
  stepOfEdge,
  type BlockedBand,
  type Edge,
  type Lane,
  type Segment,
  type Step,
} from '../model/types';

/** Waits on other tasks: the waiting task is not doing work of its own meanwhile. */
const WAITS_FOR_TASKS: ReadonlySet<string> = new Set(['task', 'gather', 'taskgroup']);

/** The learner's tasks so far, in creation order: one array per model, which grows. */
const learnerTasks = foldAppended<Lane, Lane[]>(() => [], keepLearnerTask);

function keepLearnerTask(tasks: Lane[], lane: Lane): void {
  if (lane.kind === 'task' && !lane.internal) tasks.push(lane);
}

/** The learner's tasks, in creation order: asyncio's helper tasks left out. */
export function userTasks(model: TimelineModel): readonly Lane[] {
  return learnerTasks(model.lanes);
}

/** How many steps each task has run: counted once per step, however often the summary asks. */
const stepsByTask = foldAppended<Step, Map<TaskId, number>>(() => new Map(), countStep);

function countStep(byTask: Map<TaskId, number>, step: Step): void {
  if (step.task !== null) byTask.set(step.task, (byTask.get(step.task) ?? 0) + 1);
}

/** The steps `task` has run so far. */
export function stepsOf(model: TimelineModel, task: TaskId): number {
  return stepsByTask(model.steps).get(task) ?? 0;
}

/**
 * A task's busy stretches and waits, folded from its segments as they close
 * (a closed segment never changes): the summary is redrawn while a run
 * streams in, and walking every lane's segments each time made a redraw of a
 * million-event run take a large share of a second (docs/PERFORMANCE.md).
 */
interface Busy {
  /** A segment other than `ready` has been seen: the task has begun. */
  begun: boolean;
  /** Where its busy stretch that is still going on began. */
  from: Edge;
  /** Its busy stretches that a wait on other tasks ended, as `[from, to)` pairs. */
  readonly stretches: (readonly [Edge, Edge])[];
  /** Its waits: suspended segments. */
  waits: number;
}

const busyOf = foldSettled<Segment, Busy>(
  () => ({ begun: false, from: 0, stretches: [], waits: 0 }),
  addToBusy,
  (segment) => segment.to !== null,
);

function addToBusy(busy: Busy, segment: Segment): void {
  if (segment.kind === 'suspended') busy.waits += 1;
  if (!busy.begun) {
    // Queued before its first step, a task has not begun.
    if (segment.kind === 'ready') return;
    busy.begun = true;
    busy.from = segment.from;
  }
  if (waitsForTasks(segment)) {
    if (segment.from > busy.from) busy.stretches.push([busy.from, segment.from]);
    busy.from = segment.to ?? Number.POSITIVE_INFINITY;
  }
}

/** A lane's busy fold as it is now: its open segment, if any, added to a copy. */
function busyNow(lane: Lane): Busy {
  const { result, read } = busyOf(lane.segments);
  if (read === lane.segments.length) return result;
  const now: Busy = { ...result, stretches: [...result.stretches] };
  for (let index = read; index < lane.segments.length; index += 1) {
    const segment = lane.segments[index];
    if (segment !== undefined) addToBusy(now, segment);
  }
  return now;
}

/** The waits of `lane` so far: its suspended segments. */
export function waitsOf(lane: Lane): number {
  return busyNow(lane).waits;
}

/**
 * "Concurrently": the most tasks busy at once. A task is busy from the start
 * of its first step to its end, except while it waits for other tasks
 * (`await task`, `gather`, a TaskGroup's end): a parent waiting for its
 * children is not work going on beside them, so main() gathering three
 * sleeps makes 3, not 4. Queued before its first step, a task has not begun:
 * three gathered tasks that each run start to end in one step (a blocking
 * `time.sleep` and no `await`) ran one at a time, however long they all sat
 * in the ready queue. Stretches are half-open on the model's edges, so a
 * task that ends where another starts does not overlap it, and a task that
 * ran to its end inside its creator's step (an eager task) overlaps nothing.
 * Costs the tasks' busy stretches, not their segments: a stretch ends only
 * at a wait on other tasks.
 */
export function mostTasksAtOnce(tasks: readonly Lane[]): number {
  const changes: [Edge, number][] = [];
  const busy = (from: Edge, to: Edge): void => {
    if (to > from) changes.push([from, 1], [to, -1]);
  };
  for (const lane of tasks) {
    const now = busyNow(lane);
    if (!now.begun) continue;
    for (const [from, to] of now.stretches) busy(from, to);
    busy(now.from, lane.endedAt ?? Number.POSITIVE_INFINITY);
  }
  // At the same edge, ends come before starts.
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, change] of changes) {
    now += change;
    most = Math.max(most, now);
  }
  return most;
}

function waitsForTasks(segment: Segment): boolean {
  return segment.kind === 'suspended' && WAITS_FOR_TASKS.has(segment.reason?.kind ?? '');
}

/**
 * Waits for what another task hands over (an item, a signal, data, a
 * connection): tasks that wait so depend on one another, and could not have
 * run one after another (a consumer run to its end before its producer
 * starts waits forever), so a sequential time means nothing for them. Locks
 * and semaphores only take turns: the tasks behind them could.
 */
const HANDED_OVER: ReadonlySet<string> = new Set([
  'queue.get',
  'queue.put',
  'queue.join',
  'event',
  'condition',
  'barrier',
  'stream.read',
  'accept',
  'future',
]);

/** Virtual times this close are one instant (they are sums of floats). */
const SAME_INSTANT = 1e-9;

/**
 * "Sequentially": the virtual time the run would take if nothing
 * overlapped; null when that means nothing: a task waited for another to
 * hand it something (see `HANDED_OVER`), or a sleep was cut short by a
 * cancellation (run one after another, the cancelled tasks would have slept
 * to the end, or not at all). It is the sum, over the learner's tasks, of
 * the time each spent waiting on something of its own, plus the time
 * blocking calls froze the loop. A task's own waits are its sleeps, counted
 * for at most what the sleep asked for (a sleep that overran because the
 * loop was blocked counts only its own length), and its waits on worker
 * threads, as long as they lasted. Waits on other tasks, queues, locks,
 * events and the like are left out: what they wait for is already counted
 * in the task that does it. Each segment is counted once, when its times
 * are known; only each lane's last few are read on every call.
 */
export function sequentialSeconds(model: TimelineModel, tasks: readonly Lane[]): number | null {
  let total = blockedSeconds(model.blocked).seconds;
  for (const lane of tasks) {
    const { result, read } = ownWaitsOf(lane.segments, model);
    if (result.meaningless) return null;
    total += result.seconds;
    for (let index = read; index < lane.segments.length; index += 1) {
      const segment = lane.segments[index];
      const seconds = segment === undefined ? 0 : ownWaitSeconds(model, segment);
      if (seconds === null) return null;
      total += seconds;
    }
  }
  return total;
}

const blockedSeconds = foldAppended<BlockedBand, { seconds: number }>(
  () => ({ seconds: 0 }),
  (sum, band) => {
    sum.seconds += band.duration;
  },
);

/** A task's own waits so far: their seconds, or that they make a sequential time meaningless. */
interface OwnWaits {
  seconds: number;
  meaningless: boolean;
}

/** Counted once a segment has ended at a step the model has: its times will not change. */
const ownWaitsOf = foldSettled<Segment, OwnWaits, TimelineModel>(
  () => ({ seconds: 0, meaningless: false }),
  (waits, segment, _index, model) => {
    const seconds = ownWaitSeconds(model, segment);
    if (seconds === null) waits.meaningless = true;
    else waits.seconds += seconds;
  },
  (segment, model) => segment.to !== null && stepOfEdge(segment.to) < model.steps.length,
);

/** What a segment adds to the sequential time (see `sequentialSeconds`); null: it means nothing. */
function ownWaitSeconds(model: TimelineModel, segment: Segment): number | null {
  if (segment.kind !== 'suspended') return 0;
  const kind = segment.reason?.kind;
  if (kind !== undefined && HANDED_OVER.has(kind)) return null;
  if (kind !== 'sleep' && kind !== 'executor') return 0;
  const start = timeAtEdge(model, segment.from);
  const lasted = (segment.to === null ? model.virtualTime : timeAtEdge(model, segment.to)) - start;
  const until = segment.reason?.until;
  if (kind === 'sleep' && until !== undefined) {
    if (segment.to !== null && lasted < until - start - SAME_INSTANT) return null;
    return Math.min(lasted, until - start);
  }
  return lasted;
}

/** The virtual time at an edge: its step's start or end; the latest time past the last step. */
function timeAtEdge(model: TimelineModel, edge: Edge): number {
  const step = model.steps[stepOfEdge(edge)];
  if (step === undefined) return model.virtualTime;
  return edge % 2 === 0 ? step.t0 : step.t1;
}
