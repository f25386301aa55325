/**
 * The numbers the run's summary states, each defined so that the sentence
 * built on it stays true: how many tasks ran concurrently, and how long the
 * run would have taken had nothing overlapped. Pure, over the timeline model.
 */
import type { TimelineModel } from '../model/timelineBuilder';
import { stepOfEdge, type Edge, type Lane, type Segment } from '../model/types';

/** Waits on other tasks: the waiting task is not doing work of its own meanwhile. */
const WAITS_FOR_TASKS: ReadonlySet<string> = new Set(['task', 'gather', 'taskgroup']);

/** The learner's tasks, in creation order: asyncio's helper tasks left out. */
export function userTasks(model: TimelineModel): Lane[] {
  return model.lanes.filter((lane) => lane.kind === 'task' && !lane.internal);
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
 */
export function mostTasksAtOnce(tasks: readonly Lane[]): number {
  const changes: [Edge, number][] = [];
  const busy = (from: Edge, to: Edge): void => {
    if (to > from) changes.push([from, 1], [to, -1]);
  };
  for (const lane of tasks) {
    const begun = lane.segments.find((segment) => segment.kind !== 'ready');
    if (begun === undefined) continue;
    let from = begun.from;
    for (const segment of lane.segments) {
      if (waitsForTasks(segment)) {
        busy(from, segment.from);
        from = segment.to ?? Number.POSITIVE_INFINITY;
      }
    }
    busy(from, lane.endedAt ?? Number.POSITIVE_INFINITY);
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
 * in the task that does it.
 */
export function sequentialSeconds(model: TimelineModel, tasks: readonly Lane[]): number | null {
  let total = model.blocked.reduce((sum, band) => sum + band.duration, 0);
  for (const lane of tasks) {
    for (const segment of lane.segments) {
      if (segment.kind !== 'suspended') continue;
      const kind = segment.reason?.kind;
      if (kind !== undefined && HANDED_OVER.has(kind)) return null;
      if (kind !== 'sleep' && kind !== 'executor') continue;
      const start = timeAtEdge(model, segment.from);
      const lasted =
        (segment.to === null ? model.virtualTime : timeAtEdge(model, segment.to)) - start;
      const until = segment.reason?.until;
      if (kind === 'sleep' && until !== undefined) {
        if (segment.to !== null && lasted < until - start - SAME_INSTANT) return null;
        total += Math.min(lasted, until - start);
      } else {
        total += lasted;
      }
    }
  }
  return total;
}

/** The virtual time at an edge: its step's start or end; the latest time past the last step. */
function timeAtEdge(model: TimelineModel, edge: Edge): number {
  const step = model.steps[stepOfEdge(edge)];
  if (step === undefined) return model.virtualTime;
  return edge % 2 === 0 ? step.t0 : step.t1;
}
