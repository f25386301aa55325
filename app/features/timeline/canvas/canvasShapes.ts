/** Small shapes more than one layer draws. */
import type { DrawingContext } from './drawingContext';

/** A filled circle with an outline. */
export function disc(
  ctx: DrawingContext,
  x: number,
  y: number,
  radius: number,
  fill: string,
  stroke: string,
): void {
  ctx.fillStyle = fill;
  ctx.strokeStyle = stroke;
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
}

/** An ✕ in the current stroke style. */
export function cross(ctx: DrawingContext, x: number, y: number, half: number): void {
  ctx.beginPath();
  ctx.moveTo(x - half, y - half);
  ctx.lineTo(x + half, y + half);
  ctx.moveTo(x + half, y - half);
  ctx.lineTo(x - half, y + half);
  ctx.stroke();
}
