/** What every drawing function of a frame gets: the canvas and how the view maps onto it. */
import type { CanvasPalette } from './canvasPalette';
import type { StampCache } from './canvasStamps';
import type { FrameLayout } from './frameLayout';
import type { Viewport } from './viewport';

export interface DrawContext {
  readonly ctx: CanvasRenderingContext2D;
  readonly view: Viewport;
  readonly frame: FrameLayout;
  readonly palette: CanvasPalette;
  /** Measured widths of texts drawn before, by font then text: measuring every frame is slow. */
  readonly textWidths: Map<string, Map<string, number>>;
  /** Bitmaps of the shapes drawn most often (canvasStamps.ts); null: always draw them in place. */
  readonly stamps: StampCache | null;
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
