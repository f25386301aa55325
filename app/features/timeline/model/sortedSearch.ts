/**
 * Binary searches over lists kept in order of a position: the model's
 * segments by `from`, marks and moments by `at`, prints and loop snapshots
 * by event, the canvas's rows by height. A frame finds what is in view, and
 * playback what has happened, without walking the rest.
 */

/** The index of the last item whose position is at or before `edge`; -1 if none. */
export function lastAtOrBefore<T>(
  items: readonly T[],
  edge: number,
  position: (item: T) => number,
): number {
  return firstPast(items, edge, position, true) - 1;
}

/** The index of the first item whose position is at or after `edge`; `items.length` if none. */
export function firstAtOrAfter<T>(
  items: readonly T[],
  edge: number,
  position: (item: T) => number,
): number {
  return firstPast(items, edge, position, false);
}

/** The first index whose position is past `edge` (or at it, unless `inclusive`). */
function firstPast<T>(
  items: readonly T[],
  edge: number,
  position: (item: T) => number,
  inclusive: boolean,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const item = items[middle];
    const at = item === undefined ? Number.POSITIVE_INFINITY : position(item);
    if (at < edge || (inclusive && at === edge)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Positions of the model's items, as module constants so that searching allocates nothing. */
export const segmentFrom = (segment: { readonly from: number }): number => segment.from;
export const markAt = (mark: { readonly at: number }): number => mark.at;
