/**
 * The page keeps one Zustand store, built from one slice per feature. A
 * feature writes its slice against its own state only, so it never sees
 * (or imports) the others; the shell spreads the slices into one store.
 */
import type { StoreApi } from 'zustand/vanilla';

/** Builds a feature's slice, given the store's `set` and `get` narrowed to that slice. */
export type SliceCreator<Slice> = (
  set: StoreApi<Slice>['setState'],
  get: StoreApi<Slice>['getState'],
) => Slice;
