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

/** A fold so far, and how many of the array's items it holds. */
export interface SettledFold<Result> {
  readonly result: Result;
  readonly read: number;
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
  const fold = foldSettled(start, step, always);
  return (items, context) => fold(items, context).result;
}

const always = (): boolean => true;

/**
 * The same, for arrays whose last items may still change: a lane's open
 * segment closes later, and where a segment ends may not have a time yet.
 * Items are folded in order once `settled` says they will not change; the
 * fold stops at the first that may, and says how far it got, so that the
 * caller reads the few items after it afresh on each call.
 */
export function foldSettled<Item, Result, Context = void>(
  start: (context: Context) => Result,
  step: FoldStep<Item, Result, Context>,
  settled: (item: Item, context: Context) => boolean,
): (items: readonly Item[], context: Context) => SettledFold<Result> {
  const folds = new WeakMap<readonly Item[], Fold<Result>>();
  return (items, context) => {
    let fold = folds.get(items);
    if (fold === undefined) {
      fold = { read: 0, result: start(context) };
      folds.set(items, fold);
    }
    for (; fold.read < items.length; fold.read += 1) {
      const item = items[fold.read];
      if (item === undefined) continue;
      if (!settled(item, context)) break;
      step(fold.result, item, fold.read, context);
    }
    return fold;
  };
}
