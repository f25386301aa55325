/** What every drawing function of a frame gets: the surface and how the view maps onto it. */
import type { CanvasPalette } from './canvasPalette';
import type { StampTarget } from './canvasStamps';
import type { FrameLayout } from './frameLayout';
import type { Viewport } from './viewport';

/**
 * The surface (a canvas, or the SVG recorder: `StampTarget` says which may
 * copy bitmaps) and the frame drawn on it.
 */
export type DrawContext = StampTarget & DrawFrame;

interface DrawFrame {
  readonly view: Viewport;
  readonly frame: FrameLayout;
  readonly palette: CanvasPalette;
  /** Measured widths of texts drawn before, by font then text: measuring every frame is slow. */
  readonly textWidths: Map<string, Map<string, number>>;
}

/** The width of `text` in the context's current font. */
export function textWidth(draw: DrawContext, text: string): number {
  const { font } = draw.ctx;
  let widths = draw.textWidths.get(font);
  if (widths === undefined) {
    widths = new Map();
    draw.textWidths.set(font, widths);
  }
  let width = widths.get(text);
  if (width === undefined) {
    width = draw.ctx.measureText(text).width;
    widths.set(text, width);
  }
  return width;
}
