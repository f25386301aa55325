/**
 * What lies across or on top of the lanes: blocked bands, arrows (create,
 * wake, cancel), print marks and teaching overlays. Each list is in order of
 * its edge, so only the stretch in view is visited; marks that would land on
 * the pixel of the one drawn before are skipped.
 */
import { stepEnd, stepStart } from '../model/types';
import { edgeBefore } from './axes';
import { FONT } from './canvasPalette';
import { cross } from './canvasShapes';
import type { DrawContext } from './drawContext';
import { pxToUnit, rowTopPx, unitToPx } from './frameLayout';
import { MARK_Y, MIN_BAND_WIDTH, overlayRow } from './hitTest';
import { firstAtOrAfter, lastAtOrBefore, markAt } from './sortedSearch';
import { LAYOUT, type RunSection } from './timelineScene';

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
  const first = section.rows[0];
  const last = section.rows[section.rows.length - 1];
  if (first === undefined || last === undefined) return;
  const top = rowTopPx(view, frame, first.top);
  const bottom = rowTopPx(view, frame, last.top) + LAYOUT.rowHeight;
  for (const band of section.model.blocked) {
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

/**
 * Arrows run straight down (or up) at their edge. Of arrows at one pixel
 * from one lane, only those whose tips land in view are drawn one by one:
 * a gather of ten thousand tasks draws its creation arrows into the rows on
 * screen, and one more for all those below.
 */
export function drawArrows(draw: DrawContext, section: RunSection): void {
  const { ctx, view, frame, palette } = draw;
  const { arrows } = section.model;
  const [fromEdge, toEdge] = edgesInView(draw, section);
  const last = lastAtOrBefore(arrows, toEdge, markAt);
  let previousX = Number.NaN;
  let previousFrom: string | null = '';
  let previousTip = Number.NaN;
  ctx.lineWidth = 1.5;
  ctx.setLineDash(SOLID);
  for (let index = firstAtOrAfter(arrows, fromEdge, markAt); index <= last; index += 1) {
    const arrow = arrows[index];
    if (arrow === undefined) continue;
    const target = section.rowByKey.get(arrow.toLane);
    if (target === undefined) continue;
    const source = arrow.fromLane === null ? undefined : section.rowByKey.get(arrow.fromLane);
    const targetTop = rowTopPx(view, frame, target.top);
    const down = source === undefined || target.top > source.top;
    const tip = down ? targetTop + 3 : targetTop + LAYOUT.rowHeight - 3;
    const shownTip = Math.min(Math.max(tip, frame.lanesTop - 1), frame.lanesBottom + 1);
    const x = Math.round(unitToPx(view, frame, section.axis.x(arrow.at)));
    if (x === previousX && arrow.fromLane === previousFrom && shownTip === previousTip) continue;
    previousX = x;
    previousFrom = arrow.fromLane;
    previousTip = shownTip;
    const colour =
      arrow.kind === 'cancel'
        ? palette.error
        : arrow.kind === 'create'
          ? palette.muted
          : (source?.colour ?? palette.text);
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    if (source === undefined) {
      if (tip === shownTip) drawStub(draw, x, targetTop, arrow.kind === 'cancel');
      continue;
    }
    const sourceMiddle = rowTopPx(view, frame, source.top) + LAYOUT.rowHeight / 2;
    const from = Math.min(Math.max(sourceMiddle, frame.lanesTop - 1), frame.lanesBottom + 1);
    if (from === shownTip) continue;
    ctx.setLineDash(arrow.kind === 'create' ? DASHED : SOLID);
    ctx.beginPath();
    ctx.moveTo(x, from);
    ctx.lineTo(x, shownTip);
    ctx.stroke();
    ctx.setLineDash(SOLID);
    if (tip !== shownTip) continue;
    if (arrow.kind === 'cancel') cross(ctx, x, tip + (down ? 2 : -2), 3);
    else drawHead(draw, x, tip, down);
  }
}

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

/** A small triangle at the foot of the lane that printed; stderr in the error colour. */
export function drawPrints(draw: DrawContext, section: RunSection): void {
  const { ctx, view, frame, palette } = draw;
  const { prints } = section.model;
  const [fromEdge, toEdge] = edgesInView(draw, section);
  const last = lastAtOrBefore(prints, toEdge, markAt);
  let previousX = Number.NaN;
  let previousLane: string | null = '';
  for (let index = firstAtOrAfter(prints, fromEdge, markAt); index <= last; index += 1) {
    const mark = prints[index];
    if (mark === undefined || mark.lane === null) continue;
    const row = section.rowByKey.get(mark.lane);
    if (row === undefined) continue;
    const x = Math.round(unitToPx(view, frame, section.axis.x(mark.at)));
    if (x === previousX && mark.lane === previousLane) continue;
    previousX = x;
    previousLane = mark.lane;
    const y = rowTopPx(view, frame, row.top) + MARK_Y.print;
    if (y < frame.lanesTop || y > frame.lanesBottom + PRINT_SIZE) continue;
    ctx.fillStyle = mark.stream === 'stderr' ? palette.error : palette.text;
    ctx.beginPath();
    ctx.moveTo(x, y - PRINT_SIZE);
    ctx.lineTo(x - PRINT_SIZE, y + PRINT_SIZE);
    ctx.lineTo(x + PRINT_SIZE, y + PRINT_SIZE);
    ctx.closePath();
    ctx.fill();
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
