/**
 * The loop's ready queue over the whole run, kept once for every moment of
 * it: each handle the queue ever held, in queue order, with the events at
 * which it joined, was cancelled and left. The past of a trace does not
 * change, so the queue at any event is read from these lists (a binary
 * search and a walk from a nearby front) instead of being copied into every
 * snapshot and rebuilt by replay. With a million callbacks queued at once, a
 * copy per snapshot and a `splice` per step made the timeline quadratic: the
 * page froze for minutes (issue 12).
 */
import type { HandleId } from '../../../runtime/traceSchema';
import { createHandleTable } from './handleTable';
import { lastAtOrBefore } from './sortedSearch';

/** An event index that never comes: a handle still queued, or never cancelled. */
const NEVER = Number.POSITIVE_INFINITY;

/** Where the queue's front was at some event: a later read starts walking from there. */
export interface ReadyFront {
  /** The first handle still queued, as a place in the log. */
  readonly all: number;
  /** The same among the learner's handles (a place in their own list). */
  readonly learner: number;
}

export interface ReadyEntry {
  readonly h: HandleId;
  /** Cancelled while queued: the loop will skip it. */
  readonly cancelled: boolean;
}

/** The ready queue once events `0..event` have happened. */
export interface ReadyQueueAt {
  /** Handles queued, the cancelled ones included. */
  readonly size: number;
  /** Those of them that are the learner's (not asyncio's own). */
  readonly learnerSize: number;
  /** The handle that runs next: the first one not cancelled. */
  front(): HandleId | null;
  /** The first `count` handles in queue order: the learner's only, unless `withInternal`. */
  first(count: number, withInternal: boolean): ReadyEntry[];
}

export interface ReadyQueueLog {
  /** The front now, for reads of this event or later ones. */
  front(): ReadyFront;
  /** `h` joins the back of the queue at `event`. */
  enqueue(h: HandleId, internal: boolean, event: number): void;
  /** `h` is cancelled at `event`: skipped when it reaches the front. */
  cancel(h: HandleId, event: number): void;
  /** A step that ran `h` ended at `event`: the cancelled handles before it are skipped, it leaves. */
  run(h: HandleId, event: number): void;
  /** The queue at `event`, read from `from`, a front taken at or before `event`. */
  at(event: number, from: ReadyFront): ReadyQueueAt;
}

const asIs = (value: number): number => value;

export function createReadyQueueLog(): ReadyQueueLog {
  // One entry per handle queued (a place in the log), in queue order.
  const handles: HandleId[] = [];
  const learnerOf: boolean[] = [];
  /** Non-decreasing: handles join in the order of the trace. */
  const joinedAt: number[] = [];
  const leftAt: number[] = [];
  const cancelledAt: number[] = [];
  /** The learner's places in the log, in order. */
  const learner: number[] = [];
  /** The events at which a handle left (any, and the learner's), in the order they left. */
  const left: number[] = [];
  const learnerLeft: number[] = [];
  /** Where each queued handle is, so that a step or a cancel finds it without a search. */
  const placeOf = createHandleTable<number>();
  /** Cancels of handles not queued (yet): they join cancelled. */
  const cancelledEarly = new Set<HandleId>();
  let head = 0;
  let learnerHead = 0;

  const joined = (place: number): number => joinedAt[place] ?? NEVER;
  const gone = (place: number): number => leftAt[place] ?? NEVER;

  function leave(place: number, event: number): void {
    leftAt[place] = event;
    left.push(event);
    if (learnerOf[place] === true) learnerLeft.push(event);
    const h = handles[place];
    if (h !== undefined && placeOf.get(h) === place) placeOf.delete(h);
  }

  /** Moves the fronts past the handles that have left. */
  function advance(): void {
    while (head < handles.length && gone(head) !== NEVER) head += 1;
    while (learnerHead < learner.length && gone(learner[learnerHead] ?? -1) !== NEVER) {
      learnerHead += 1;
    }
  }

  return {
    front: () => ({ all: head, learner: learnerHead }),
    enqueue(h, internal, event) {
      const place = handles.length;
      handles.push(h);
      learnerOf.push(!internal);
      joinedAt.push(event);
      leftAt.push(NEVER);
      cancelledAt.push(cancelledEarly.delete(h) ? event : NEVER);
      if (!internal) learner.push(place);
      placeOf.set(h, place);
    },
    cancel(h, event) {
      const place = placeOf.get(h);
      if (place === undefined) cancelledEarly.add(h);
      else if (cancelledAt[place] === NEVER) cancelledAt[place] = event;
    },
    run(h, event) {
      // As CPython's loop does, the cancelled handles at the front are dropped unrun.
      advance();
      while (head < handles.length && cancelledAt[head] !== NEVER) {
        leave(head, event);
        advance();
      }
      const place = placeOf.get(h);
      if (place !== undefined) leave(place, event);
      advance();
    },
    at(event, from) {
      const queued = (place: number): boolean => joined(place) <= event && gone(place) > event;
      const tail = lastAtOrBefore(joinedAt, event, asIs) + 1;
      const learnerTail = lastAtOrBefore(learner, event, joined) + 1;
      /** The places `places(start..end - 1)` that are queued at `event`. */
      function* walk(places: (index: number) => number, start: number, end: number) {
        for (let index = start; index < end; index += 1) {
          const place = places(index);
          if (queued(place)) yield place;
        }
      }
      const entry = (place: number): ReadyEntry => ({
        h: handles[place] ?? -1,
        cancelled: (cancelledAt[place] ?? NEVER) <= event,
      });
      return {
        size: tail - (lastAtOrBefore(left, event, asIs) + 1),
        learnerSize: learnerTail - (lastAtOrBefore(learnerLeft, event, asIs) + 1),
        front() {
          for (const place of walk(asIs, from.all, tail)) {
            if (!entry(place).cancelled) return handles[place] ?? null;
          }
          return null;
        },
        first(count, withInternal) {
          const entries: ReadyEntry[] = [];
          const places = withInternal
            ? walk(asIs, from.all, tail)
            : walk((index) => learner[index] ?? -1, from.learner, learnerTail);
          for (const place of places) {
            if (entries.length >= count) break;
            entries.push(entry(place));
          }
          return entries;
        },
      };
    },
  };
}
