/**
 * What lies across or on top of the lanes: blocked bands, arrows (create,
 * wake, cancel), print marks and teaching overlays. Each list is in order of
 * its edge, so only the stretch in view is visited, and arrows and prints
 * only for the rows in view; marks that would land on the pixel of the one
 * drawn before are skipped.
 */
import { stepEnd, stepStart } from '../model/types';
import { edgeBefore } from './axes';
import { FONT } from './canvasPalette';
import { cross } from './canvasShapes';
import type { DrawContext } from './drawContext';
import { pxToUnit, rowTopPx, unitToPx } from './frameLayout';
import { MARK_Y, MIN_BAND_WIDTH, overlayRow } from './hitTest';
import { firstAtOrAfter, lastAtOrBefore, markAt } from './sortedSearch';
import type { Arrow, BlockedBand } from '../model/types';
import { LAYOUT, type LaneRow, type RunSection } from './timelineScene';

const ARROW_HEAD = 4;
/** A wake-up or cancel with no lane to start from (a timer, a timeout) comes from this far above. */
const STUB_LENGTH = 9;
const PRINT_SIZE = 3;
const OVERLAY_RADIUS = 6;

/** The edges in view, widened a little so marks half in view are drawn. */
function edgesInView(draw: DrawContext, section: RunSection): readonly [number, number] {
  const { view, frame } = draw;
  return [
    edgeBefore(section.axis, pxToUnit(view, frame, frame.plotLeft - OVERLAY_RADIUS)),
    edgeBefore(section.axis, pxToUnit(view, frame, frame.width + OVERLAY_RADIUS)) + 1,
  ];
}

/** A red band across the run's lanes where a blocking call froze the loop, with its line. */
export function drawBlockedBands(draw: DrawContext, section: RunSection): void {
  const { ctx, view, frame, palette } = draw;
  const firstRow = section.rows[0];
  const lastRow = section.rows[section.rows.length - 1];
  if (firstRow === undefined || lastRow === undefined) return;
  const top = rowTopPx(view, frame, firstRow.top);
  const bottom = rowTopPx(view, frame, lastRow.top) + LAYOUT.rowHeight;
  const { blocked } = section.model;
  const [fromEdge, toEdge] = edgesInView(draw, section);
  // Bands are in order of their step; one that starts just left of the view may end in it.
  const last = lastAtOrBefore(blocked, toEdge, bandStart);
  for (let index = firstAtOrAfter(blocked, fromEdge - 1, bandStart); index <= last; index += 1) {
    const band = blocked[index];
    if (band === undefined) continue;
    const x0 = unitToPx(view, frame, section.axis.x(stepStart(band.step)));
    const x1 = Math.max(
      unitToPx(view, frame, section.axis.x(stepEnd(band.step))),
      x0 + MIN_BAND_WIDTH,
    );
    if (x1 < frame.plotLeft || x0 > frame.width) continue;
    ctx.fillStyle = palette.error;
    ctx.globalAlpha = 0.16;
    ctx.fillRect(x0, top, x1 - x0, bottom - top);
    ctx.globalAlpha = 1;
    ctx.font = FONT.small;
    ctx.textBaseline = 'top';
    ctx.fillText(band.line === null ? 'blocked' : `blocked: line ${band.line}`, x0 + 3, top + 1);
  }
}

/** The indices of the items (in order of their edge) that fall in view: first and last. */
function inView(
  draw: DrawContext,
  section: RunSection,
  items: readonly { readonly at: number }[],
): readonly [number, number] {
  const [fromEdge, toEdge] = edgesInView(draw, section);
  return [firstAtOrAfter(items, fromEdge, markAt), lastAtOrBefore(items, toEdge, markAt)];
}

/** The index of the first item (in order of its edge) right of pixel column `x`. */
function firstInNextPixel(
  draw: DrawContext,
  section: RunSection,
  items: readonly { readonly at: number }[],
  x: number,
): number {
  const edge = edgeBefore(section.axis, pxToUnit(draw.view, draw.frame, x + 1)) + 1;
  return firstAtOrAfter(items, edge, markAt);
}

/**
 * A row's arrows: those into it, each from its source row (or a clock above
 * it for a timer or timeout), and those out of it to rows out of view, as
 * far as the view's edge. Arrows run straight down (or up) at their edge;
 * of several at one pixel, one is drawn.
 */
export function drawRowArrows(draw: DrawContext, section: RunSection, row: LaneRow): void {
  const { ctx, view, frame } = draw;
  ctx.lineWidth = 1.5;
  ctx.setLineDash(SOLID);
  const top = rowTopPx(view, frame, row.top);
  let [index, last] = inView(draw, section, row.arrowsIn);
  let previousX = Number.NaN;
  for (; index <= last; index += 1) {
    const arrow = row.arrowsIn[index];
    if (arrow === undefined) continue;
    const x = Math.round(unitToPx(view, frame, section.axis.x(arrow.at)));
    if (x === previousX) {
      index = Math.max(index, firstInNextPixel(draw, section, row.arrowsIn, x) - 1);
      continue;
    }
    previousX = x;
    const source = arrow.fromLane === null ? undefined : section.rowByKey.get(arrow.fromLane);
    setArrowColour(draw, arrow, source);
    if (source === undefined) {
      drawStub(draw, x, top, arrow.kind === 'cancel');
      continue;
    }
    const down = row.top > source.top;
    const sourceMiddle = rowTopPx(view, frame, source.top) + LAYOUT.rowHeight / 2;
    drawArrowLine(draw, arrow, x, clampToLanes(draw, sourceMiddle), arrowTip(top, down), true);
  }
  [index, last] = inView(draw, section, row.arrowsOut);
  previousX = Number.NaN;
  let previousTip = Number.NaN;
  const middle = top + LAYOUT.rowHeight / 2;
  for (; index <= last; index += 1) {
    const arrow = row.arrowsOut[index];
    const target = arrow === undefined ? undefined : section.rowByKey.get(arrow.toLane);
    if (arrow === undefined || target === undefined) continue;
    const tip = arrowTip(rowTopPx(view, frame, target.top), target.top > row.top);
    const shownTip = clampToLanes(draw, tip);
    // A target in view draws the arrow itself.
    if (shownTip === tip) continue;
    const x = Math.round(unitToPx(view, frame, section.axis.x(arrow.at)));
    if (x === previousX && shownTip === previousTip) continue;
    previousX = x;
    previousTip = shownTip;
    setArrowColour(draw, arrow, row);
    drawArrowLine(draw, arrow, x, middle, shownTip, false);
  }
}

/** Where an arrow's head touches its target row, coming down onto its top or up onto its bottom. */
function arrowTip(targetTop: number, down: boolean): number {
  return down ? targetTop + 3 : targetTop + LAYOUT.rowHeight - 3;
}

/** Just outside the lanes' area at the most, so lines to rows out of view stop at its edge. */
function clampToLanes(draw: DrawContext, y: number): number {
  return Math.min(Math.max(y, draw.frame.lanesTop - 1), draw.frame.lanesBottom + 1);
}

function setArrowColour(draw: DrawContext, arrow: Arrow, source: LaneRow | undefined): void {
  const { ctx, palette } = draw;
  const colour =
    arrow.kind === 'cancel'
      ? palette.error
      : arrow.kind === 'create'
        ? palette.muted
        : (source?.colour ?? palette.text);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
}

/** A create arrow is dashed; a cancel ends in ✕; the others in a head (when the tip is in view). */
function drawArrowLine(
  draw: DrawContext,
  arrow: Arrow,
  x: number,
  from: number,
  tip: number,
  tipInView: boolean,
): void {
  const { ctx } = draw;
  if (from === tip) return;
  ctx.setLineDash(arrow.kind === 'create' ? DASHED : SOLID);
  ctx.beginPath();
  ctx.moveTo(x, from);
  ctx.lineTo(x, tip);
  ctx.stroke();
  ctx.setLineDash(SOLID);
  if (!tipInView) return;
  const down = tip > from;
  if (arrow.kind === 'cancel') cross(ctx, x, tip + (down ? 2 : -2), 3);
  else drawHead(draw, x, tip, down);
}

const bandStart = (band: BlockedBand): number => stepStart(band.step);

const DASHED = [3, 3];
const SOLID: number[] = [];

function drawHead(draw: DrawContext, x: number, tip: number, down: boolean): void {
  const { ctx } = draw;
  const back = down ? tip - ARROW_HEAD * 1.5 : tip + ARROW_HEAD * 1.5;
  ctx.beginPath();
  ctx.moveTo(x, tip);
  ctx.lineTo(x - ARROW_HEAD, back);
  ctx.lineTo(x + ARROW_HEAD, back);
  ctx.closePath();
  ctx.fill();
}

/** A timer's or a timeout's arrow: a small clock above the row, and a short arrow down into it. */
function drawStub(draw: DrawContext, x: number, targetTop: number, cancel: boolean): void {
  const { ctx } = draw;
  const tip = targetTop + 4;
  const clockY = tip - STUB_LENGTH;
  ctx.beginPath();
  ctx.arc(x, clockY, 3, 0, 2 * Math.PI);
  ctx.moveTo(x, clockY);
  ctx.lineTo(x, clockY - 2);
  ctx.moveTo(x, clockY);
  ctx.lineTo(x + 2, clockY);
  ctx.moveTo(x, clockY + 3);
  ctx.lineTo(x, tip);
  ctx.stroke();
  if (cancel) cross(ctx, x, tip + 2, 3);
  else drawHead(draw, x, tip, true);
}

/**
 * Small triangles at the foot of the row, one per pixel column that has
 * prints (stderr in the error colour): after drawing one, the search jumps
 * to the next pixel, so a lane of a hundred thousand prints costs the
 * plot's width.
 */
export function drawRowPrints(draw: DrawContext, section: RunSection, row: LaneRow): void {
  const { ctx, view, frame, palette } = draw;
  const { prints } = row;
  const y = rowTopPx(view, frame, row.top) + MARK_Y.print;
  const [first, last] = inView(draw, section, prints);
  let index = first;
  while (index <= last) {
    const mark = prints[index];
    if (mark === undefined) break;
    const x = Math.round(unitToPx(view, frame, section.axis.x(mark.at)));
    ctx.fillStyle = mark.stream === 'stderr' ? palette.error : palette.text;
    ctx.beginPath();
    ctx.moveTo(x, y - PRINT_SIZE);
    ctx.lineTo(x - PRINT_SIZE, y + PRINT_SIZE);
    ctx.lineTo(x + PRINT_SIZE, y + PRINT_SIZE);
    ctx.closePath();
    ctx.fill();
    index = Math.max(index + 1, firstInNextPixel(draw, section, prints, x));
  }
}

/** A "!" badge where the trace reveals a mistake. */
export function drawOverlays(draw: DrawContext, section: RunSection): void {
  const { ctx, view, frame, palette } = draw;
  const { overlays } = section.model;
  const [fromEdge, toEdge] = edgesInView(draw, section);
  const last = lastAtOrBefore(overlays, toEdge, markAt);
  ctx.font = FONT.glyph;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  for (let index = firstAtOrAfter(overlays, fromEdge, markAt); index <= last; index += 1) {
    const overlay = overlays[index];
    if (overlay === undefined) continue;
    const row = overlayRow(section, overlay);
    if (row === undefined) continue;
    const x = unitToPx(view, frame, section.axis.x(overlay.at));
    const y = rowTopPx(view, frame, row.top) + MARK_Y.overlay;
    ctx.fillStyle = palette.warning;
    ctx.beginPath();
    ctx.arc(x, y, OVERLAY_RADIUS, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = palette.panel;
    ctx.fillText('!', x, y + 0.5);
  }
  ctx.textAlign = 'start';
}

/** A run's title ("Previous run", "This run") when two runs are compared. */
export function drawSectionTitle(draw: DrawContext, section: RunSection): void {
  if (section.title === null) return;
  const { ctx, view, frame, palette } = draw;
  const top = rowTopPx(view, frame, section.titleTop);
  ctx.fillStyle = palette.border;
  ctx.fillRect(0, top, frame.width, 1);
  ctx.font = FONT.title;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = palette.muted;
  ctx.fillText(section.title, 6, top + LAYOUT.titleHeight / 2);
}
