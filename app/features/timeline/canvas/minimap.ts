/**
 * The overview strip under the lanes when zoomed in: how busy the loop was
 * along the whole run (steps per stretch of the axis), and a frame around
 * the part in view that can be dragged.
 */
import { stepStart } from '../model/types';
import type { DrawContext } from './drawContext';
import type { FrameLayout } from './frameLayout';
import { currentSection, LAYOUT, type TimelineScene } from './timelineScene';

export interface MinimapDensity {
  /** Steps that start in each equal stretch of the scene's width (estimated from a sample in long runs). */
  readonly counts: Uint32Array;
  readonly max: number;
}

const BUCKETS = 300;
const MIN_WINDOW_WIDTH = 4;
const MAX_SAMPLES = 20_000;

/** Counts the current run's steps along the axis; built with the scene, not per frame. */
export function minimapDensity(scene: TimelineScene, buckets: number = BUCKETS): MinimapDensity {
  const counts = new Uint32Array(buckets);
  const section = currentSection(scene);
  let max = 0;
  if (section !== undefined) {
    // A sample is enough for a strip of a few hundred bars, and keeps a
    // million-step run's rebuild (once per batch while it streams) short.
    const { length } = section.model.steps;
    const stride = Math.max(1, Math.ceil(length / MAX_SAMPLES));
    for (let step = 0; step < length; step += stride) {
      const share = section.axis.x(stepStart(step)) / scene.width;
      const bucket = Math.min(buckets - 1, Math.max(0, Math.floor(share * buckets)));
      const count = (counts[bucket] ?? 0) + stride;
      counts[bucket] = count;
      max = Math.max(max, count);
    }
  }
  return { counts, max };
}

/** The axis unit under a pixel column of the strip (which shows the whole width). */
export function minimapUnitAt(frame: FrameLayout, sceneWidth: number, px: number): number {
  return ((px - frame.plotLeft) / frame.plotWidth) * sceneWidth;
}

export function isInMinimap(frame: FrameLayout, px: number, py: number): boolean {
  return frame.minimapTop !== null && py >= frame.minimapTop && px >= frame.plotLeft;
}

export function drawMinimap(draw: DrawContext, density: MinimapDensity, sceneWidth: number): void {
  const { ctx, frame, palette, view } = draw;
  if (frame.minimapTop === null) return;
  const top = frame.minimapTop;
  const height = LAYOUT.minimapHeight;
  ctx.fillStyle = palette.panel;
  ctx.fillRect(0, top, frame.width, height);
  ctx.fillStyle = palette.border;
  ctx.fillRect(0, top, frame.width, 1);
  const barWidth = frame.plotWidth / density.counts.length;
  ctx.fillStyle = palette.muted;
  ctx.globalAlpha = 0.5;
  for (let bucket = 0; bucket < density.counts.length; bucket += 1) {
    const count = density.counts[bucket] ?? 0;
    if (count === 0) continue;
    // A square root keeps quiet stretches visible beside busy ones.
    const barHeight = Math.max(1, Math.sqrt(count / density.max) * (height - 6));
    ctx.fillRect(
      frame.plotLeft + bucket * barWidth,
      top + height - 2 - barHeight,
      Math.max(barWidth, 1),
      barHeight,
    );
  }
  ctx.globalAlpha = 1;
  const x = frame.plotLeft + (view.offset / sceneWidth) * frame.plotWidth;
  const width = Math.max(
    (frame.plotWidth / view.scale / sceneWidth) * frame.plotWidth,
    MIN_WINDOW_WIDTH,
  );
  ctx.fillStyle = palette.text;
  ctx.globalAlpha = 0.1;
  ctx.fillRect(x, top + 2, width, height - 3);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = palette.text;
  ctx.lineWidth = 1;
  ctx.strokeRect(Math.round(x) + 0.5, top + 2.5, Math.round(width) - 1, height - 4);
}
