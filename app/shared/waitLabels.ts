/**
 * Short words for what a task waits on: on its bar in the timeline, in tables,
 * in the editor and the Event loop panel, and in exports.
 */
import type { TaskId, WaitReason } from '../runtime/traceSchema';

/** Seconds as the timeline writes them: `1 s`, `0.25 s`, `1.5 ms`. */
export function formatSeconds(seconds: number): string {
  if (seconds !== 0 && Math.abs(seconds) < 0.01) return `${round(seconds * 1000)} ms`;
  return `${round(seconds)} s`;
}

function round(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/**
 * The bar's label for a wait that began at virtual time `now`, e.g.
 * `sleep 1 s`, `q.get()`, `waits for Task-3`, `gather (2 left)`.
 */
export function waitLabel(
  reason: WaitReason,
  now: number,
  taskName: (task: TaskId) => string,
): string {
  switch (reason.kind) {
    case 'sleep':
      return reason.until === undefined ? 'sleep' : `sleep ${formatSeconds(reason.until - now)}`;
    case 'yield':
      return 'yield (sleep 0)';
    case 'task':
      return reason.task === undefined ? 'waits for a task' : `waits for ${taskName(reason.task)}`;
    case 'gather':
      return reason.left === undefined ? 'gather' : `gather (${reason.left} left)`;
    case 'taskgroup':
      return 'TaskGroup';
    case 'executor':
      return 'worker thread';
    default: {
      const call = AWAITED_CALLS[reason.kind];
      if (call !== undefined) return `${reason.name ?? call.object}.${call.method}()`;
      return reason.name === undefined ? reason.kind : `${reason.kind} ${reason.name}`;
    }
  }
}

/**
 * The call a wait on a queue or a synchronisation primitive awaited, written
 * on the learner's variable (`ready.wait()`), so that a variable named after
 * its type reads `queue.get()`, not `queue.get queue`.
 */
const AWAITED_CALLS: Readonly<Partial<Record<string, { object: string; method: string }>>> = {
  'queue.get': { object: 'queue', method: 'get' },
  'queue.put': { object: 'queue', method: 'put' },
  'queue.join': { object: 'queue', method: 'join' },
  lock: { object: 'lock', method: 'acquire' },
  semaphore: { object: 'semaphore', method: 'acquire' },
  event: { object: 'event', method: 'wait' },
  condition: { object: 'condition', method: 'wait' },
  barrier: { object: 'barrier', method: 'wait' },
  'stream.drain': { object: 'writer', method: 'drain' },
};

/** The label of a wait a timeout cut short after `seconds`: `sleep 5 s — timed out after 2 s`. */
export function timedOutLabel(label: string, seconds: number): string {
  return `${label} — timed out after ${formatSeconds(seconds)}`;
}

/** A wait in the words of the editor and the event-loop panel: `sleep until 2.0 s`. */
export function describeWait(
  reason: WaitReason,
  since: number,
  taskName: (task: TaskId) => string,
): string {
  const what =
    reason.kind === 'sleep' && reason.until !== undefined
      ? `sleep until ${reason.until.toFixed(1)} s`
      : waitLabel(reason, since, taskName);
  return reason.deadline === undefined
    ? what
    : `${what}, timeout at ${reason.deadline.toFixed(1)} s`;
}
