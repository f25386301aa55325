/**
 * The arrows between lanes: a parent creates a child (dashed), a task or a
 * timer wakes one (in the waker's colour), a task or a timeout cancels one
 * (error colour, ending in ✕). An arrow with no lane to start from comes
 * out of a small clock above its row.
 */
import type { Arrow } from '../model/types';
import { cross } from './canvasShapes';
import { drawStamp, type StampBox, type StampPaint } from './canvasStamps';
import type { DrawContext } from './drawContext';
import type { DrawingContext } from './drawingContext';
import { rowTopPx, unitToPx } from './frameLayout';
import { firstInNextPixel, inView } from './marksInView';
import type { LaneRow, RunSection } from './timelineScene';

const ARROW_HEAD = 4;
const LINE_WIDTH = 1.5;
/** A wake-up or cancel with no lane to start from (a timer, a timeout) comes from this far above. */
const STUB_LENGTH = 9;
const DASHED = [3, 3];
const SOLID: number[] = [];

function drawHead(ctx: DrawingContext, x: number, tip: number, down: boolean): void {
  const back = down ? tip - ARROW_HEAD * 1.5 : tip + ARROW_HEAD * 1.5;
  ctx.beginPath();
  ctx.moveTo(x, tip);
  ctx.lineTo(x - ARROW_HEAD, back);
  ctx.lineTo(x + ARROW_HEAD, back);
  ctx.closePath();
  ctx.fill();
}

/**
 * A row's arrows: those into it, each from its source row (or a clock above
 * it for a timer or timeout), and those out of it to rows out of view, as
 * far as the view's edge. Arrows run straight down (or up) at their edge;
 * of several at one pixel, one is drawn.
 */
export function drawRowArrows(draw: DrawContext, section: RunSection, row: LaneRow): void {
  const { ctx, view, frame } = draw;
  ctx.lineWidth = LINE_WIDTH;
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
    if (source === undefined) {
      drawStub(draw, x, top, arrow.kind === 'cancel', arrowColour(draw, arrow, source));
      continue;
    }
    setArrowColour(draw, arrow, source);
    const down = row.top > source.top;
    const sourceMiddle = rowTopPx(view, frame, source.top) + source.height / 2;
    const tip = arrowTip(top, row.height, down);
    drawArrowLine(draw, arrow, x, clampToLanes(draw, sourceMiddle), tip, true);
  }
  [index, last] = inView(draw, section, row.arrowsOut);
  previousX = Number.NaN;
  let previousTip = Number.NaN;
  const middle = top + row.height / 2;
  for (; index <= last; index += 1) {
    const arrow = row.arrowsOut[index];
    const target = arrow === undefined ? undefined : section.rowByKey.get(arrow.toLane);
    if (arrow === undefined || target === undefined) continue;
    const tip = arrowTip(rowTopPx(view, frame, target.top), target.height, target.top > row.top);
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
function arrowTip(targetTop: number, targetHeight: number, down: boolean): number {
  return down ? targetTop + 3 : targetTop + targetHeight - 3;
}

/** Just outside the lanes' area at the most, so lines to rows out of view stop at its edge. */
function clampToLanes(draw: DrawContext, y: number): number {
  return Math.min(Math.max(y, draw.frame.lanesTop - 1), draw.frame.lanesBottom + 1);
}

function setArrowColour(draw: DrawContext, arrow: Arrow, source: LaneRow | undefined): void {
  const colour = arrowColour(draw, arrow, source);
  draw.ctx.strokeStyle = colour;
  draw.ctx.fillStyle = colour;
}

function arrowColour(draw: DrawContext, arrow: Arrow, source: LaneRow | undefined): string {
  const { palette } = draw;
  return arrow.kind === 'cancel'
    ? palette.error
    : arrow.kind === 'create'
      ? palette.muted
      : (source?.colour ?? palette.text);
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
  else drawHead(ctx, x, tip, down);
}

/**
 * A timer's or a timeout's arrow: a small clock above the row, and a short
 * arrow down into it. The same few shapes at thousands of places when zoomed
 * out, so each is copied from a bitmap (canvasStamps.ts).
 */
function drawStub(
  draw: DrawContext,
  x: number,
  targetTop: number,
  cancel: boolean,
  colour: string,
): void {
  const key = `${cancel ? 'stub-cancel' : 'stub'} ${colour}`;
  let paint = stubPainters.get(key);
  if (paint === undefined) {
    paint = (ctx, anchorX, anchorTop) => {
      paintStub(ctx, anchorX, anchorTop, colour, cancel);
    };
    stubPainters.set(key, paint);
  }
  drawStamp(draw, key, STUB_BOX, x, targetTop, paint);
}

/** The clock, its stem and head (or ✕) reach this far around (x, the target row's top). */
const STUB_BOX: StampBox = { left: 7, up: 11, right: 7, down: 11 };

/** One painter per kind of stub and colour, so that a frame makes no closures. */
const stubPainters = new Map<string, StampPaint>();

function paintStub(
  ctx: DrawingContext,
  x: number,
  targetTop: number,
  colour: string,
  cancel: boolean,
): void {
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = LINE_WIDTH;
  ctx.setLineDash(SOLID);
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
  else drawHead(ctx, x, tip, true);
}
