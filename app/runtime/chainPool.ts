/**
 * One object for every equal frame chain, and for every equal wait reason,
 * in a batch of trace events.
 *
 * Every `output` and `task.suspend` event carries the learner's frames that
 * led to it, and every `task.suspend` what the task waits on; the page keeps
 * every event for as long as the run is shown. A loop that prints a hundred
 * thousand lines sends the same one-frame chain a hundred thousand times,
 * and 500 tasks that each `await asyncio.sleep(0)` a thousand times send the
 * same reason half a million times; decoded, each would be an object (and
 * a frame chain an array, a frame and a function name) of its own, all
 * long-lived. Sharing equal ones leaves only the parsed wire lists as
 * short-lived garbage, which the collector's young generation drops for
 * free, instead of survivors it must copy.
 *
 * Pooled as they come off the wire (traceWire.ts), before decoding: a chain
 * or reason seen before in the batch is not decoded again. The key is the
 * wire value's JSON, exact for anything a program could forge.
 */
import { decodeChain, decodeReason } from './traceWire';

/** Gives back the decoded value of a wire value: the same object for equal wire values. */
export type Pool = (wire: unknown) => unknown;

function createPool(decode: (wire: unknown) => unknown): Pool {
  const known = new Map<string, unknown>();
  return (wire) => {
    // Not a list: no chain or reason, and its check refuses null.
    if (!Array.isArray(wire)) return null;
    const key = JSON.stringify(wire);
    let value = known.get(key);
    if (value === undefined) {
      value = decode(wire);
      known.set(key, value);
    }
    return value;
  };
}

export function createChainPool(): Pool {
  return createPool(decodeChain);
}

export function createReasonPool(): Pool {
  return createPool(decodeReason);
}
