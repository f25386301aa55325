/**
 * What lies across or on top of the lanes besides arrows (drawArrows.ts):
 * blocked bands, print marks, teaching overlays, and the runs' titles. Only
 * the marks in view are visited (marksInView.ts), prints only for the rows
 * in view and one per pixel column.
 */
import { stepEnd, stepStart } from '../model/types';
import { FONT } from './canvasPalette';
import type { DrawContext } from './drawContext';
import { rowTopPx, unitToPx } from './frameLayout';
import { markY, MIN_BAND_WIDTH, overlayRow } from './hitTest';
import { firstAtOrAfter, lastAtOrBefore, markAt } from '../model/sortedSearch';
import type { BlockedBand } from '../model/types';
import { edgesInView, firstInNextPixel, inView } from './marksInView';
import { LAYOUT, type LaneRow, type RunSection } from './timelineScene';

const PRINT_SIZE = 3;
const OVERLAY_RADIUS = 6;

/** A red band across the run's lanes where blocking code froze the loop, with its line under the lanes. */
export function drawBlockedBands(draw: DrawContext, section: RunSection): void {
  const { ctx, view, frame, palette } = draw;
  const firstRow = section.rows[0];
  const lastRow = section.rows[section.rows.length - 1];
  if (firstRow === undefined || lastRow === undefined) return;
  const top = rowTopPx(view, frame, firstRow.top);
  const bottom = rowTopPx(view, frame, lastRow.top) + lastRow.height;
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
    ctx.fillRect(x0, top, x1 - x0, bottom + LAYOUT.bandLabelHeight - top);
    ctx.globalAlpha = 1;
    ctx.font = FONT.small;
    ctx.textBaseline = 'top';
    ctx.fillText(band.line === null ? 'blocked' : `blocked: line ${band.line}`, x0 + 3, bottom + 2);
  }
}

const bandStart = (band: BlockedBand): number => stepStart(band.step);

/**
 * Small triangles at the foot of the row, one per pixel column that has
 * prints (stderr in the error colour): after drawing one, the search jumps
 * to the next pixel, so a lane of a hundred thousand prints costs the
 * plot's width.
 */
export function drawRowPrints(draw: DrawContext, section: RunSection, row: LaneRow): void {
  const { ctx, view, frame, palette } = draw;
  const { prints } = row;
  const y = rowTopPx(view, frame, row.top) + markY(row.height).print;
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
    const y = rowTopPx(view, frame, row.top) + markY(row.height).overlay;
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
