/**
 * The moments playback walks, counted one way everywhere (the playback bar,
 * its keys, the scrubber, the event table's links).
 *
 * By default they are the learner's story: their tasks' steps, their own
 * callbacks and every print. asyncio's own moments (a sleep's timer firing,
 * gather or a TaskGroup noting a child done, `asyncio.run` finishing, its
 * helper tasks) are folded into the learner's moment they serve, which is
 * the next one: the timer into the woken task's step, gather's bookkeeping
 * into the parent's wake-up. With asyncio's helpers shown, every moment
 * counts. Positions here are places among the moments shown; the cursor
 * itself is always an index into `model.moments`.
 */
import { firstAtOrAfter } from './sortedSearch';
import type { TimelineModel } from './timelineBuilder';

/** How many moments playback shows. */
export function shownMomentCount(model: TimelineModel, showInternal: boolean): number {
  return showInternal ? model.moments.length : model.learnerMoments.length;
}

/** The moment (an index into `model.moments`) at a place among those shown. */
export function shownMoment(
  model: TimelineModel,
  showInternal: boolean,
  position: number,
): number | undefined {
  if (position < 0 || position >= shownMomentCount(model, showInternal)) return undefined;
  return showInternal ? position : model.learnerMoments[position];
}

/**
 * The place among the moments shown of the one `moment` is folded into:
 * itself if shown, else the next shown, else (asyncio's own closing
 * moments, after the learner's last) the last shown. -1 when none is shown.
 */
export function shownPosition(model: TimelineModel, showInternal: boolean, moment: number): number {
  const count = shownMomentCount(model, showInternal);
  if (showInternal) return Math.min(moment, count - 1);
  return Math.min(firstAtOrAfter(model.learnerMoments, moment, asIs), count - 1);
}

/** The moment shown in place of `moment` (see `shownPosition`). */
export function servingMoment(
  model: TimelineModel,
  showInternal: boolean,
  moment: number,
): number | undefined {
  return shownMoment(model, showInternal, shownPosition(model, showInternal, moment));
}

const asIs = (index: number): number => index;
