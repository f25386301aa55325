/**
 * The timeline as an image for slides: the frame on screen (its zoom and
 * pan) or the whole run fitted into a wide frame, drawn by the screen's own
 * renderTimeline into an SVG recorder here, or a canvas (saveTimelineImage.ts).
 * Pure: no DOM.
 */
import type { Edge } from '../model/types';
import type { CanvasPalette } from './canvasPalette';
import type { StampTarget } from './canvasStamps';
import type { DrawContext } from './drawContext';
import { frameLayout, viewBounds, type FrameLayout } from './frameLayout';
import type { MinimapDensity } from './minimap';
import { renderTimeline } from './renderTimeline';
import { SvgContext, type MeasureText } from './svgContext';
import { LAYOUT, type TimelineScene } from './timelineScene';
import { clampViewport, createViewport, type Viewport } from './viewport';

/** What the canvas last drew: enough to draw it again elsewhere. */
export interface TimelineSnapshot {
  readonly scene: TimelineScene;
  readonly density: MinimapDensity;
  readonly cursor: Edge | null;
  /** The page's theme colours when the snapshot was taken. */
  readonly palette: CanvasPalette;
  /** A copy: the screen's view goes on changing. */
  readonly view: Viewport;
  readonly frame: FrameLayout;
}

/** "As shown": the screen's zoom and pan; "whole": the run fitted, every lane. */
export type ImageExtent = 'shown' | 'whole';

export interface ImageLayout {
  readonly view: Viewport;
  readonly frame: FrameLayout;
  /** Device pixels per CSS pixel for a PNG. */
  readonly ratio: number;
}

/** A whole run is at least this wide (CSS pixels), so that a short one still fills a slide. */
export const WHOLE_MIN_WIDTH = 1600;
/**
 * The largest image, in CSS pixels a side: a run of a few hundred lanes fits;
 * lanes below are left out rather than make an image no slide can show.
 */
export const MAX_WIDTH = 4096;
export const MAX_HEIGHT = 8192;
/** Twice the CSS pixels, sharp on a projector or a retina screen. */
const SLIDE_RATIO = 2;
/**
 * A PNG's device pixels at most (2^25, 128 MiB of RGBA while it is drawn):
 * a larger image is drawn at a lower ratio. Chromium refuses canvases far
 * larger (about 2^28 pixels), and a big one stalls the page while it encodes.
 */
export const MAX_PIXELS = 2 ** 25;

export function imageLayout(snapshot: TimelineSnapshot, extent: ImageExtent): ImageLayout {
  const layout = extent === 'shown' ? shownLayout(snapshot) : wholeLayout(snapshot);
  const { width, height } = layout.frame;
  const ratio = Math.min(SLIDE_RATIO, Math.sqrt(MAX_PIXELS / Math.max(width * height, 1)));
  return { ...layout, ratio };
}

function shownLayout({ view, frame }: TimelineSnapshot): Omit<ImageLayout, 'ratio'> {
  return { view: { ...view }, frame };
}

/** The viewport's own fit, in a frame as wide as the screen's (or a slide's) and as tall as every lane. */
function wholeLayout({ scene, frame: shown }: TimelineSnapshot): Omit<ImageLayout, 'ratio'> {
  const width = Math.min(Math.max(shown.width, WHOLE_MIN_WIDTH), MAX_WIDTH);
  const height = Math.min(LAYOUT.axisHeight + scene.height, MAX_HEIGHT);
  const frame = frameLayout(width, height, false, scene.labelWidth);
  const view = createViewport();
  clampViewport(view, viewBounds(scene, frame));
  return { view, frame };
}

/** The frame drawn on `ctx` with the snapshot's colours; `ctx` already scaled to CSS pixels. */
export function drawImage(
  target: StampTarget,
  snapshot: TimelineSnapshot,
  { view, frame }: ImageLayout,
): void {
  const draw: DrawContext = {
    ...target,
    view,
    frame,
    palette: snapshot.palette,
    textWidths: new Map(),
  };
  renderTimeline(draw, snapshot);
}

/** The image as an SVG document. */
export function timelineSvg(
  snapshot: TimelineSnapshot,
  layout: ImageLayout,
  measure: MeasureText,
): string {
  const svg = new SvgContext(layout.frame.width, layout.frame.height, measure);
  drawImage({ ctx: svg, stamps: null }, snapshot, layout);
  return svg.toSvg();
}
