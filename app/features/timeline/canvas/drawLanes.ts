/**
 * A lane's row: its segments (running solid, ready light, suspended
 * outlined with what it waits on), a timeout's deadline, and how the task
 * ended. Only the segments in view are visited (a binary search finds the
 * first), and runs of segments narrower than a pixel are drawn as one bar,
 * jumping over the rest of a pixel column's segments, so a lane of a
 * million steps costs what the screen can show.
 */
import type { Segment } from '../model/types';
import { FONT } from './canvasPalette';
import { cross, disc } from './canvasShapes';
import { textWidth, type DrawContext } from './drawContext';
import { pxToUnit, unitToPx } from './frameLayout';
import { markY } from './hitTest';
import { lastAtOrBefore } from '../model/sortedSearch';
import { labelIndent, type LaneRow, type RunSection } from './timelineScene';

/** How strongly each kind shows; a merged bar shows its strongest kind. */
const KIND_ALPHA: Record<Segment['kind'], number> = { running: 1, suspended: 0.45, ready: 0.28 };
const RUNNING_INSET = 5;
const SUSPENDED_INSET = 7;
const LABEL_PADDING = 4;
const END_RADIUS = 4;
/** The end of a merged run that holds nothing yet. */
const EMPTY = Number.NEGATIVE_INFINITY;

export function drawLaneSegments(
  draw: DrawContext,
  section: RunSection,
  row: LaneRow,
  top: number,
): void {
  const { ctx, view, frame } = draw;
  const { axis } = section;
  const { segments } = row.lane;
  const bar = { top, height: row.height };
  // Searched by where segments start along the axis, not by the edge there
  // (edgeBefore): the same segment (the axis never decreases), found with a
  // search of the lane's segments alone rather than of every step's edges
  // first, which the jumps below do once per pixel column of every row.
  const startX = (segment: Segment): number => axis.x(segment.from);
  let index = Math.max(0, lastAtOrBefore(segments, pxToUnit(view, frame, frame.plotLeft), startX));
  // A run of sub-pixel segments waiting to be drawn as one bar.
  let mergedFrom = 0;
  let mergedTo = EMPTY;
  let mergedAlpha = 0;
  ctx.fillStyle = row.colour;
  ctx.strokeStyle = row.colour;
  for (; index < segments.length; index += 1) {
    const segment = segments[index];
    if (segment === undefined) break;
    const x0 = unitToPx(view, frame, axis.x(segment.from));
    if (x0 > frame.width) break;
    const x1 = unitToPx(view, frame, axis.x(segment.to ?? axis.endEdge));
    if (x1 < frame.plotLeft) continue;
    if (x1 - x0 < 1) {
      if (mergedTo !== EMPTY && x0 - mergedTo < 1) {
        mergedTo = Math.max(mergedTo, x1);
        mergedAlpha = Math.max(mergedAlpha, KIND_ALPHA[segment.kind]);
      } else {
        drawMerged(draw, mergedFrom, mergedTo, mergedAlpha, bar);
        mergedFrom = x0;
        mergedTo = x1;
        mergedAlpha = KIND_ALPHA[segment.kind];
      }
      // Jump over the rest of this pixel column's segments rather than visit each.
      const next = lastAtOrBefore(segments, pxToUnit(view, frame, Math.floor(x1) + 1), startX);
      const landing = segments[next];
      if (next > index + 1 && landing !== undefined) {
        mergedTo = Math.max(mergedTo, unitToPx(view, frame, axis.x(landing.from)));
        // A task's segments go ready, running, suspended: a jump over some passes a running one.
        mergedAlpha = KIND_ALPHA.running;
        index = next - 1;
      }
      continue;
    }
    drawMerged(draw, mergedFrom, mergedTo, mergedAlpha, bar);
    mergedTo = EMPTY;
    if (segment.kind === 'suspended') drawSuspended(draw, section, row, segment, x0, x1, top);
    else drawMerged(draw, x0, x1, KIND_ALPHA[segment.kind], bar);
  }
  drawMerged(draw, mergedFrom, mergedTo, mergedAlpha, bar);
  drawEnd(draw, section, row, top);
}

/** A solid bar (running) or a light one (ready), or a run of sub-pixel segments; at least a pixel wide, nothing when empty. */
function drawMerged(
  draw: DrawContext,
  from: number,
  to: number,
  alpha: number,
  row: { readonly top: number; readonly height: number },
): void {
  if (to === EMPTY) return;
  const { ctx } = draw;
  ctx.globalAlpha = alpha;
  ctx.fillRect(
    from,
    row.top + RUNNING_INSET,
    Math.max(to - from, 1),
    row.height - 2 * RUNNING_INSET,
  );
  ctx.globalAlpha = 1;
}

function drawSuspended(
  draw: DrawContext,
  section: RunSection,
  row: LaneRow,
  segment: Segment,
  x0: number,
  x1: number,
  top: number,
): void {
  const { ctx, frame, palette, view } = draw;
  const height = row.height - 2 * SUSPENDED_INSET;
  ctx.globalAlpha = 0.12;
  ctx.fillRect(x0, top + SUSPENDED_INSET, x1 - x0, height);
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1;
  ctx.strokeRect(
    Math.round(x0) + 0.5,
    top + SUSPENDED_INSET + 0.5,
    Math.max(Math.round(x1 - x0) - 1, 0),
    height - 1,
  );
  const deadline = segment.reason?.deadline;
  if (deadline !== undefined) {
    const x = unitToPx(view, frame, section.axis.timeX(deadline));
    if (x >= x0 - 0.5 && x <= x1 + 0.5) drawDeadline(draw, x, top, row.height);
  }
  // The label stays in view when the bar starts left of it.
  const from = Math.max(x0, frame.plotLeft) + LABEL_PADDING;
  const room = Math.min(x1, frame.width) - LABEL_PADDING - from;
  if (segment.label === '' || room <= 0) return;
  ctx.font = FONT.small;
  if (textWidth(draw, segment.label) > room) return;
  ctx.fillStyle = palette.text;
  ctx.textBaseline = 'middle';
  ctx.fillText(segment.label, from, top + row.height / 2);
  ctx.fillStyle = row.colour;
}

/** A timeout's deadline: a short bar across the row with a flag. */
function drawDeadline(draw: DrawContext, x: number, top: number, height: number): void {
  const { ctx, palette } = draw;
  ctx.save();
  ctx.strokeStyle = palette.warning;
  ctx.fillStyle = palette.warning;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, top + 2);
  ctx.lineTo(x, top + height - 2);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x, top + 2);
  ctx.lineTo(x - 6, top + 5);
  ctx.lineTo(x, top + 8);
  ctx.fill();
  ctx.restore();
}

/** How the lane ended: ● a result, ✕ an exception (error colour), ⊘ cancelled. */
function drawEnd(draw: DrawContext, section: RunSection, row: LaneRow, top: number): void {
  const { lane } = row;
  if (lane.endedAt === null || lane.outcome === null) return;
  const { ctx, palette, view, frame } = draw;
  const x = unitToPx(view, frame, section.axis.x(lane.endedAt));
  if (x < frame.plotLeft - END_RADIUS || x > frame.width + END_RADIUS) return;
  const y = top + markY(row.height).end;
  ctx.save();
  ctx.lineWidth = 2;
  switch (lane.outcome.kind) {
    case 'result':
      ctx.lineWidth = 1;
      disc(ctx, x, y, END_RADIUS, row.colour, palette.panel);
      break;
    case 'exception':
      ctx.strokeStyle = palette.error;
      ctx.lineWidth = 2.5;
      cross(ctx, x, y, END_RADIUS);
      break;
    case 'cancelled':
      disc(ctx, x, y, END_RADIUS, palette.panel, palette.muted);
      ctx.beginPath();
      ctx.moveTo(x - END_RADIUS * 0.7, y + END_RADIUS * 0.7);
      ctx.lineTo(x + END_RADIUS * 0.7, y - END_RADIUS * 0.7);
      ctx.stroke();
      break;
  }
  ctx.restore();
}

/** The lane's label in the left column: a colour swatch, then `Task-2 · fetch('b')`, indented by depth. */
export function drawLaneLabel(draw: DrawContext, row: LaneRow, top: number): void {
  const { ctx, palette, frame } = draw;
  const indent = labelIndent(row.lane.depth);
  const middle = top + row.height / 2;
  ctx.fillStyle = row.colour;
  ctx.fillRect(indent, middle - 4, 8, 8);
  ctx.font = FONT.label;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = row.lane.internal ? palette.muted : palette.text;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, top, frame.plotLeft - 4, row.height);
  ctx.clip();
  ctx.fillText(row.lane.label, indent + 12, middle);
  ctx.restore();
}
