/**
 * The axis strip at the top (iteration numbers or seconds), faint grid lines
 * down the lanes, and the playback cursor.
 */
import type { Edge } from '../model/types';
import { axisTicks } from './axes';
import { FONT } from './canvasPalette';
import { textWidth, type DrawContext } from './drawContext';
import { pxToUnit, unitToPx } from './frameLayout';
import type { RunSection } from './timelineScene';

/** Ticks stand at least this far apart, in pixels. */
const MIN_TICK_GAP = 64;

export function drawAxis(draw: DrawContext, section: RunSection): void {
  const { ctx, view, frame, palette } = draw;
  const ticks = axisTicks(
    section.axis,
    section.model,
    pxToUnit(view, frame, frame.plotLeft),
    pxToUnit(view, frame, frame.width),
    MIN_TICK_GAP / view.scale,
  );
  ctx.font = FONT.small;
  ctx.textBaseline = 'middle';
  for (const tick of ticks) {
    const x = Math.round(unitToPx(view, frame, tick.x)) + 0.5;
    ctx.fillStyle = palette.border;
    ctx.fillRect(x - 0.5, frame.lanesTop, 1, frame.lanesBottom - frame.lanesTop);
    ctx.fillStyle = palette.muted;
    ctx.fillRect(x - 0.5, frame.lanesTop - 5, 1, 5);
    // A label that would run off the canvas's right edge goes left of its tick.
    const fits = x + 3 + textWidth(draw, tick.label) <= frame.width;
    ctx.textAlign = fits ? 'start' : 'end';
    ctx.fillText(tick.label, fits ? x + 3 : x - 3, frame.lanesTop / 2);
  }
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'end';
  ctx.fillText(
    section.axis.mode === 'steps' ? 'loop iteration' : 'virtual time',
    frame.plotLeft - 8,
    frame.lanesTop / 2,
  );
  ctx.textAlign = 'start';
  ctx.fillStyle = palette.border;
  ctx.fillRect(0, frame.lanesTop - 1, frame.width, 1);
}

/** The playback cursor: a line down the current run's lanes, a notch in the axis strip. */
export function drawCursor(
  draw: DrawContext,
  section: RunSection,
  cursor: Edge,
  top: number,
  bottom: number,
): void {
  const { ctx, view, frame, palette } = draw;
  const x = Math.round(unitToPx(view, frame, section.axis.x(cursor))) + 0.5;
  if (x < frame.plotLeft || x > frame.width) return;
  const from = Math.max(top, frame.lanesTop);
  const to = Math.min(bottom, frame.lanesBottom);
  ctx.fillStyle = palette.text;
  if (to > from) ctx.fillRect(x - 1, from, 2, to - from);
  ctx.beginPath();
  ctx.moveTo(x - 5, frame.lanesTop - 7);
  ctx.lineTo(x + 5, frame.lanesTop - 7);
  ctx.lineTo(x, frame.lanesTop);
  ctx.closePath();
  ctx.fill();
}
