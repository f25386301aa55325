/**
 * Draws one frame of the timeline from the scene and the viewport: the
 * axis, each run's lanes in view, the marks over them, the playback cursor
 * and the minimap. Reads the model (through the scene) and nothing else.
 */
import type { Edge } from '../model/types';
import type { DrawContext } from './drawContext';
import type { DrawingContext } from './drawingContext';
import { drawAxis, drawCursor } from './drawAxis';
import { drawLaneLabel, drawLaneSegments } from './drawLanes';
import { drawRowArrows } from './drawArrows';
import { drawBlockedBands, drawOverlays, drawRowPrints, drawSectionTitle } from './drawMarks';
import { rowTopPx } from './frameLayout';
import { drawMinimap, type MinimapDensity } from './minimap';
import { currentSection, firstRowBelow, type TimelineScene } from './timelineScene';

export interface TimelineFrame {
  readonly scene: TimelineScene;
  readonly density: MinimapDensity;
  /** The playback cursor, on the current run; null: none. */
  readonly cursor: Edge | null;
}

export function renderTimeline(draw: DrawContext, { scene, density, cursor }: TimelineFrame): void {
  const { ctx, frame, palette, view } = draw;
  ctx.clearRect(0, 0, frame.width, frame.height);
  ctx.fillStyle = palette.panel;
  ctx.fillRect(0, 0, frame.width, frame.height);
  const current = currentSection(scene);
  if (current !== undefined) drawAxis(draw, current);

  ctx.save();
  clip(ctx, 0, frame.lanesTop, frame.width, frame.lanesBottom - frame.lanesTop);
  const first = firstRowBelow(scene, view.scrollY);
  const bottom = view.scrollY + frame.lanesBottom - frame.lanesTop;
  for (const section of scene.sections) drawSectionTitle(draw, section);

  ctx.save();
  clip(
    ctx,
    frame.plotLeft,
    frame.lanesTop,
    frame.width - frame.plotLeft,
    frame.lanesBottom - frame.lanesTop,
  );
  for (const section of scene.sections) drawBlockedBands(draw, section);
  for (let index = first; index < scene.rows.length; index += 1) {
    const row = scene.rows[index];
    if (row === undefined || row.top > bottom) break;
    const section = scene.sections[row.section];
    if (section !== undefined) drawLaneSegments(draw, section, row, rowTopPx(view, frame, row.top));
  }
  // Over every row's segments, since arrows cross rows.
  for (let index = first; index < scene.rows.length; index += 1) {
    const row = scene.rows[index];
    if (row === undefined || row.top > bottom) break;
    const section = scene.sections[row.section];
    if (section === undefined) continue;
    drawRowArrows(draw, section, row);
    drawRowPrints(draw, section, row);
  }
  for (const section of scene.sections) drawOverlays(draw, section);
  ctx.restore();

  for (let index = first; index < scene.rows.length; index += 1) {
    const row = scene.rows[index];
    if (row === undefined || row.top > bottom) break;
    drawLaneLabel(draw, row, rowTopPx(view, frame, row.top));
  }
  ctx.restore();
  const firstRow = current?.rows[0];
  const lastRow = current?.rows[current.rows.length - 1];
  if (cursor !== null && current !== undefined && firstRow !== undefined && lastRow !== undefined) {
    drawCursor(
      draw,
      current,
      cursor,
      rowTopPx(view, frame, firstRow.top),
      rowTopPx(view, frame, lastRow.top) + lastRow.height,
    );
  }
  drawMinimap(draw, density, scene.width);
}

function clip(ctx: DrawingContext, x: number, y: number, width: number, height: number): void {
  ctx.beginPath();
  ctx.rect(x, y, width, height);
  ctx.clip();
}
