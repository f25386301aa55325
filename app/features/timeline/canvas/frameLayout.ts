/**
 * Where a frame's parts go on the canvas, and the conversions between axis
 * units and canvas pixels. Pure.
 */
import { LAYOUT, type TimelineScene } from './timelineScene';
import type { ViewBounds, Viewport } from './viewport';

export interface FrameLayout {
  /** The canvas's size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** The plot (segments and marks) starts right of the lane labels; the content fits in its width. */
  readonly plotLeft: number;
  readonly plotWidth: number;
  /** The lanes' area, below the axis strip and above the minimap. */
  readonly lanesTop: number;
  readonly lanesBottom: number;
  /** The minimap's top, or null when it is not shown. */
  readonly minimapTop: number | null;
}

/** How far in one may zoom: until one step's column is a few hundred pixels wide. */
const MAX_ZOOM_PER_STEP = 4;
const MIN_MAX_ZOOM = 64;
/** Room right of the content, so the marks at the run's end are not cut in half. */
const PLOT_RIGHT_MARGIN = 12;

/** A frame of `width` × `height`, with a label column `labelWidth` wide at most (the scene's). */
export function frameLayout(
  width: number,
  height: number,
  minimap: boolean,
  labelWidth: number,
): FrameLayout {
  const plotLeft = Math.min(labelWidth, Math.floor(width / 3));
  const minimapTop = minimap ? Math.max(height - LAYOUT.minimapHeight, LAYOUT.axisHeight) : null;
  return {
    width,
    height,
    plotLeft,
    plotWidth: Math.max(width - plotLeft - PLOT_RIGHT_MARGIN, 1),
    lanesTop: LAYOUT.axisHeight,
    lanesBottom: minimapTop ?? height,
    minimapTop,
  };
}

/** The canvas height that shows every lane: the axis, the lanes, and room for the minimap when zoomed in. */
export function contentHeight(scene: TimelineScene): number {
  return LAYOUT.axisHeight + scene.height + LAYOUT.minimapHeight;
}

export function viewBounds(scene: TimelineScene, frame: FrameLayout): ViewBounds {
  return {
    contentWidth: scene.width,
    plotWidth: frame.plotWidth,
    contentHeight: scene.height,
    viewHeight: frame.lanesBottom - frame.lanesTop,
    maxZoom: Math.max(MIN_MAX_ZOOM, scene.steps * MAX_ZOOM_PER_STEP),
  };
}

export function unitToPx(view: Viewport, frame: FrameLayout, unit: number): number {
  return frame.plotLeft + (unit - view.offset) * view.scale;
}

export function pxToUnit(view: Viewport, frame: FrameLayout, px: number): number {
  return view.offset + (px - frame.plotLeft) / view.scale;
}

/** A lane row's top on the canvas. */
export function rowTopPx(view: Viewport, frame: FrameLayout, top: number): number {
  return frame.lanesTop + top - view.scrollY;
}
