/**
 * One array for every equal frame chain in a batch of trace events.
 *
 * Every `output` and `task.suspend` event carries the learner's frames that
 * led to it, and the page keeps every event for as long as the run is shown.
 * A loop that prints a hundred thousand lines sends the same one-frame chain
 * a hundred thousand times; parsed, each is an array, a frame object and a
 * function name of its own, all long-lived. Sharing equal chains leaves
 * those parsed copies as short-lived garbage, which the collector's young
 * generation drops for free, instead of survivors it must copy.
 */
import type { ChainFrame } from './traceSchema';

/** Gives back a chain equal to the one passed, the same array for equal chains. */
export type ChainPool = (chain: readonly ChainFrame[]) => readonly ChainFrame[];

export function createChainPool(): ChainPool {
  const chains = new Map<string, readonly ChainFrame[]>();
  return (chain) => {
    let key = '';
    for (const frame of chain) key += `${frame.fn}\n${frame.line}\n`;
    const known = chains.get(key);
    if (known !== undefined) return known;
    chains.set(key, chain);
    return chain;
  };
}
