/**
 * Folds over arrays that only ever grow, as a timeline model's events and
 * prints do. A view that describes a run is asked again after every batch
 * while the run streams in; reading the whole array each time would cost
 * O(n²) over the run. So the fold of each array is kept beside it (weakly:
 * it goes when the array does) with how far it has read, and each call reads
 * only the items appended since the last.
 */

/** Adds one item (at `index` in its array) to the result, in place. */
export type FoldStep<Item, Result, Context> = (
  result: Result,
  item: Item,
  index: number,
  context: Context,
) => void;

/** What is kept beside each array. */
interface Fold<Result> {
  /** Items folded in so far. */
  read: number;
  readonly result: Result;
}

/**
 * Returns a function of a growing array that gives its fold so far: the
 * same result object on every call, brought up to date first. A different
 * array starts afresh from `start`. `context` (the model the items are read
 * against) goes to `start` and `step`; an array is always read with the
 * same one.
 */
export function foldAppended<Item, Result, Context = void>(
  start: (context: Context) => Result,
  step: FoldStep<Item, Result, Context>,
): (items: readonly Item[], context: Context) => Result {
  const folds = new WeakMap<readonly Item[], Fold<Result>>();
  return (items, context) => {
    let fold = folds.get(items);
    if (fold === undefined) {
      fold = { read: 0, result: start(context) };
      folds.set(items, fold);
    }
    for (; fold.read < items.length; fold.read += 1) {
      const item = items[fold.read];
      if (item !== undefined) step(fold.result, item, fold.read, context);
    }
    return fold.result;
  };
}
