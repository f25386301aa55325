/**
 * Values by handle id, kept in an array indexed by the id. The runtime
 * numbers handles from 1, one after another, and a run of a million
 * `call_soon` callbacks has a million of them: a Map that large stalled the
 * page for a fifth of a second each time it grew (it rehashes every entry;
 * docs/PERFORMANCE.md), where an array grows by one copy. Ids far apart (a
 * trace that is not the runtime's) still work: the array then keeps them as
 * a dictionary.
 */
import type { HandleId } from '../../../runtime/traceSchema';

export interface HandleTable<Value> {
  get(h: HandleId): Value | undefined;
  set(h: HandleId, value: Value): void;
  delete(h: HandleId): void;
}

export function createHandleTable<Value>(): HandleTable<Value> {
  const values: (Value | undefined)[] = [];
  return {
    get: (h) => values[h],
    set(h, value) {
      values[h] = value;
    },
    delete(h) {
      values[h] = undefined;
    },
  };
}
