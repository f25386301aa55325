/**
 * One object for every equal frame chain, and for every equal wait reason,
 * in a batch of trace events.
 *
 * Every `output` and `task.suspend` event carries the learner's frames that
 * led to it, and every `task.suspend` what the task waits on; the page keeps
 * every event for as long as the run is shown. A loop that prints a hundred
 * thousand lines sends the same one-frame chain a hundred thousand times,
 * and 500 tasks that each `await asyncio.sleep(0)` a thousand times send the
 * same reason half a million times; parsed, each is an object (and a frame
 * chain an array, a frame and a function name) of its own, all long-lived.
 * Sharing equal ones leaves those parsed copies as short-lived garbage,
 * which the collector's young generation drops for free, instead of
 * survivors it must copy.
 */
import type { ChainFrame, WaitReason } from './traceSchema';

/** Gives back a value equal to the one passed: the same object for equal values. */
export type Pool<Value> = (value: Value) => Value;

function createPool<Value>(keyOf: (value: Value) => string): Pool<Value> {
  const known = new Map<string, Value>();
  return (value) => {
    const key = keyOf(value);
    const same = known.get(key);
    if (same !== undefined) return same;
    known.set(key, value);
    return value;
  };
}

export function createChainPool(): Pool<readonly ChainFrame[]> {
  return createPool((chain) => {
    let key = '';
    for (const frame of chain) key += `${frame.fn}\n${frame.line}\n`;
    return key;
  });
}

/** Reasons are small, checked plain data: their JSON is their identity. */
export function createReasonPool(): Pool<WaitReason> {
  return createPool((reason) => JSON.stringify(reason));
}
