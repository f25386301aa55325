/**
 * Which of the model's marks (arrows, prints, overlays: lists in order of
 * their edge) fall in the view, found by binary search.
 */
import { edgeBefore } from './axes';
import type { DrawContext } from './drawContext';
import { pxToUnit } from './frameLayout';
import { firstAtOrAfter, lastAtOrBefore, markAt } from '../model/sortedSearch';
import type { RunSection } from './timelineScene';

/** Marks this far out of view are still drawn: their shapes reach in. */
const MARK_OVERHANG = 6;

/** The edges in view, widened a little so marks half in view are drawn. */
export function edgesInView(draw: DrawContext, section: RunSection): readonly [number, number] {
  const { view, frame } = draw;
  return [
    edgeBefore(section.axis, pxToUnit(view, frame, frame.plotLeft - MARK_OVERHANG)),
    edgeBefore(section.axis, pxToUnit(view, frame, frame.width + MARK_OVERHANG)) + 1,
  ];
}

/** The indices of the items (in order of their edge) that fall in view: first and last. */
export function inView(
  draw: DrawContext,
  section: RunSection,
  items: readonly { readonly at: number }[],
): readonly [number, number] {
  const [fromEdge, toEdge] = edgesInView(draw, section);
  return [firstAtOrAfter(items, fromEdge, markAt), lastAtOrBefore(items, toEdge, markAt)];
}

/** The index of the first item (in order of its edge) right of pixel column `x`. */
export function firstInNextPixel(
  draw: DrawContext,
  section: RunSection,
  items: readonly { readonly at: number }[],
  x: number,
): number {
  const before = edgeBefore(section.axis, pxToUnit(draw.view, draw.frame, x + 1));
  // The axis ends in this pixel: every item left sits there too, those of a
  // step still running (its prints, past the last edge) included.
  if (before >= section.axis.endEdge) return items.length;
  return firstAtOrAfter(items, before + 1, markAt);
}
