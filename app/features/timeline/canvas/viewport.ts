/**
 * Pan and zoom: which part of the content the canvas shows. Pure and
 * mutable: the view keeps one `Viewport` in a ref and changes it in place on
 * every wheel, drag and key, so a frame allocates nothing (React state would
 * re-render the component at pointer rate).
 */

export interface Viewport {
  /** Pixels per axis unit. */
  scale: number;
  /** The axis unit at the plot's left edge. */
  offset: number;
  /** How far the lanes are scrolled down, in pixels. */
  scrollY: number;
  /** Showing the whole content: keeps showing it all as a streaming run grows. */
  fitted: boolean;
}

/** What the viewport is clamped to. */
export interface ViewBounds {
  /** The content's width in axis units. */
  readonly contentWidth: number;
  /** The plot's width in pixels (the canvas less the lane labels). */
  readonly plotWidth: number;
  /** The lanes' total height, and the height they are shown in, in pixels. */
  readonly contentHeight: number;
  readonly viewHeight: number;
  /** How far in one may zoom, as a multiple of the scale that fits everything. */
  readonly maxZoom: number;
}

export function createViewport(): Viewport {
  return { scale: 1, offset: 0, scrollY: 0, fitted: true };
}

function fitScale(bounds: ViewBounds): number {
  return Math.max(bounds.plotWidth, 1) / Math.max(bounds.contentWidth, Number.MIN_VALUE);
}

/** Keeps the view inside the content, and fitted when asked or zoomed all the way out. */
export function clampViewport(view: Viewport, bounds: ViewBounds): void {
  const fit = fitScale(bounds);
  if (view.fitted || view.scale <= fit) {
    view.scale = fit;
    view.fitted = true;
  }
  view.scale = Math.min(view.scale, fit * bounds.maxZoom);
  const visible = bounds.plotWidth / view.scale;
  view.offset = Math.min(Math.max(view.offset, 0), Math.max(bounds.contentWidth - visible, 0));
  const maxScroll = Math.max(bounds.contentHeight - bounds.viewHeight, 0);
  view.scrollY = Math.min(Math.max(view.scrollY, 0), maxScroll);
}

/** Zooms by `factor` keeping the unit under `anchorPx` (from the plot's left) in place. */
export function zoomAt(view: Viewport, factor: number, anchorPx: number, bounds: ViewBounds): void {
  const anchor = view.offset + anchorPx / view.scale;
  view.fitted = false;
  view.scale *= factor;
  clampViewport(view, bounds);
  view.offset = anchor - anchorPx / view.scale;
  clampViewport(view, bounds);
}

/** Moves the content by pixels: positive `dx` shows what lies to the left, positive `dy` what lies above. */
export function panBy(view: Viewport, dx: number, dy: number, bounds: ViewBounds): void {
  view.offset -= dx / view.scale;
  view.scrollY -= dy;
  clampViewport(view, bounds);
}

/** Centres the view on an axis unit (the minimap's drag). */
export function centreOn(view: Viewport, unit: number, bounds: ViewBounds): void {
  view.offset = unit - bounds.plotWidth / view.scale / 2;
  clampViewport(view, bounds);
}

/** The first and last units in view. */
export function visibleUnits(view: Viewport, bounds: ViewBounds): { from: number; to: number } {
  return { from: view.offset, to: view.offset + bounds.plotWidth / view.scale };
}

/** Whether the content is wider than the view (then the minimap is shown). */
export function isZoomedIn(view: Viewport, bounds: ViewBounds): boolean {
  return view.scale > fitScale(bounds) * (1 + 1e-9);
}
