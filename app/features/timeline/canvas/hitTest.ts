/**
 * What is under a point of the canvas: a mark, a blocked band or a segment,
 * found the way the renderer placed them. Pure: the hover card and clicks
 * use it, and tests call it with pixel positions.
 */
import type { BlockedBand, Overlay, PrintMark, Segment } from '../model/types';
import { stepEnd, stepStart } from '../model/types';
import { edgeBefore, nearestEdge } from './axes';
import { pxToUnit, rowTopPx, unitToPx, type FrameLayout } from './frameLayout';
import { firstAtOrAfter, lastAtOrBefore, markAt, segmentFrom } from '../model/sortedSearch';
import { rowAt, type LaneRow, type RunSection, type TimelineScene } from './timelineScene';
import type { Viewport } from './viewport';

export type TimelineHit =
  | {
      readonly kind: 'segment';
      readonly section: RunSection;
      readonly row: LaneRow;
      readonly segment: Segment;
    }
  | { readonly kind: 'end'; readonly section: RunSection; readonly row: LaneRow }
  /** The lane's label, left of the plot. */
  | { readonly kind: 'label'; readonly section: RunSection; readonly row: LaneRow }
  | {
      readonly kind: 'print';
      readonly section: RunSection;
      readonly row: LaneRow;
      readonly mark: PrintMark;
    }
  | { readonly kind: 'overlay'; readonly section: RunSection; readonly overlay: Overlay }
  | { readonly kind: 'blocked'; readonly section: RunSection; readonly band: BlockedBand };

/** How close (in pixels) the pointer must be to a mark's centre. */
export const MARK_REACH = 6;
/** A blocked band is at least this wide on screen, so a zero-width one can be seen and hovered. */
export const MIN_BAND_WIDTH = 3;

/** Where a lane's marks sit vertically within a row of `height`. */
export function markY(height: number): { overlay: number; end: number; print: number } {
  return { overlay: 7, end: height / 2, print: height - 4 };
}

export function hitTest(
  scene: TimelineScene,
  view: Viewport,
  frame: FrameLayout,
  px: number,
  py: number,
): TimelineHit | null {
  if (py < frame.lanesTop || py >= frame.lanesBottom) return null;
  const row = rowAt(scene, py - frame.lanesTop + view.scrollY);
  if (row === null) return null;
  const section = scene.sections[row.section];
  if (section === undefined) return null;
  if (px < frame.plotLeft) return { kind: 'label', section, row };
  const top = rowTopPx(view, frame, row.top);
  const inRow = { section, row, px, py: py - top, view, frame };
  return overlayAt(inRow) ?? printAt(inRow) ?? endAt(inRow) ?? blockedAt(inRow) ?? segmentAt(inRow);
}

interface PointInRow {
  readonly section: RunSection;
  readonly row: LaneRow;
  readonly px: number;
  /** From the row's top. */
  readonly py: number;
  readonly view: Viewport;
  readonly frame: FrameLayout;
}

function edgePx(point: PointInRow, edge: number): number {
  return unitToPx(point.view, point.frame, point.section.axis.x(edge));
}

/** The indices of the marks whose edge lies within reach of the pointer horizontally. */
function marksInReach(
  point: PointInRow,
  marks: readonly { readonly at: number }[],
): readonly [number, number] {
  const { axis } = point.section;
  const from = edgeBefore(axis, pxToUnit(point.view, point.frame, point.px - MARK_REACH));
  const to = edgeBefore(axis, pxToUnit(point.view, point.frame, point.px + MARK_REACH));
  return [firstAtOrAfter(marks, from, markAt), lastAtOrBefore(marks, to, markAt)];
}

function near(point: PointInRow, x: number, y: number): boolean {
  return Math.abs(point.px - x) <= MARK_REACH && Math.abs(point.py - y) <= MARK_REACH;
}

/** A lane's overlays; overlays of no lane are drawn on its section's first row. */
export function overlayRow(section: RunSection, overlay: Overlay): LaneRow | undefined {
  return overlay.lane === null ? section.rows[0] : section.rowByKey.get(overlay.lane);
}

function overlayAt(point: PointInRow): TimelineHit | null {
  const { overlays } = point.section.model;
  const [first, last] = marksInReach(point, overlays);
  for (let index = first; index <= last; index += 1) {
    const overlay = overlays[index];
    if (overlay === undefined || overlayRow(point.section, overlay) !== point.row) continue;
    if (near(point, edgePx(point, overlay.at), markY(point.row.height).overlay)) {
      return { kind: 'overlay', section: point.section, overlay };
    }
  }
  return null;
}

function printAt(point: PointInRow): TimelineHit | null {
  const { prints } = point.row;
  const [first, last] = marksInReach(point, prints);
  let best: PrintMark | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const y = markY(point.row.height).print;
  for (let index = first; index <= last; index += 1) {
    const mark = prints[index];
    if (mark === undefined) continue;
    const x = edgePx(point, mark.at);
    if (near(point, x, y) && Math.abs(point.px - x) < bestDistance) {
      best = mark;
      bestDistance = Math.abs(point.px - x);
    }
  }
  return best === null
    ? null
    : { kind: 'print', section: point.section, row: point.row, mark: best };
}

function endAt(point: PointInRow): TimelineHit | null {
  const { lane } = point.row;
  if (lane.endedAt === null || lane.outcome === null) return null;
  return near(point, edgePx(point, lane.endedAt), markY(point.row.height).end)
    ? { kind: 'end', section: point.section, row: point.row }
    : null;
}

function blockedAt(point: PointInRow): TimelineHit | null {
  for (const band of point.section.model.blocked) {
    const x0 = edgePx(point, stepStart(band.step));
    const x1 = Math.max(edgePx(point, stepEnd(band.step)), x0 + MIN_BAND_WIDTH);
    if (point.px >= x0 && point.px <= x1) return { kind: 'blocked', section: point.section, band };
  }
  return null;
}

function segmentAt(point: PointInRow): TimelineHit | null {
  const { axis } = point.section;
  const edge = edgeBefore(axis, pxToUnit(point.view, point.frame, point.px));
  const { segments } = point.row.lane;
  const segment = segments[lastAtOrBefore(segments, edge, segmentFrom)];
  if (segment === undefined) return null;
  const end = segment.to ?? axis.endEdge;
  if (point.px > edgePx(point, end) + 1) return null;
  return { kind: 'segment', section: point.section, row: point.row, segment };
}

/** The edge nearest to a pixel column, on the current run's axis: where a click seeks to. */
export function seekEdge(
  section: RunSection,
  view: Viewport,
  frame: FrameLayout,
  px: number,
): number {
  return nearestEdge(section.axis, pxToUnit(view, frame, px));
}

/** The learner's line a hit is about, if any: a click there opens it in the editor. */
export function lineOfHit(hit: TimelineHit): number | null {
  switch (hit.kind) {
    case 'segment':
      return hit.segment.line;
    case 'end':
      return hit.row.lane.outcome?.kind === 'exception'
        ? (hit.row.lane.outcome.line ?? hit.row.lane.line)
        : hit.row.lane.line;
    case 'label':
      return hit.row.lane.line;
    case 'print':
      return hit.mark.line;
    case 'overlay':
      return hit.overlay.line;
    case 'blocked':
      return hit.band.line;
  }
}

/** Whether two hits are on the same thing (the hover card changes only when not). */
export function sameHit(a: TimelineHit | null, b: TimelineHit | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.section !== b.section) return false;
  switch (a.kind) {
    case 'segment':
      return b.kind === 'segment' && a.segment === b.segment;
    case 'end':
    case 'label':
      return b.kind === a.kind && a.row === b.row;
    case 'print':
      return b.kind === 'print' && a.mark === b.mark;
    case 'overlay':
      return b.kind === 'overlay' && a.overlay === b.overlay;
    case 'blocked':
      return b.kind === 'blocked' && a.band === b.band;
  }
}
