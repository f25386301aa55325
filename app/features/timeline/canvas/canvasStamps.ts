/**
 * Small shapes a frame draws thousands of times (a timer's clock over its
 * arrow), rasterized once into a bitmap of their own and copied where they
 * go. Stroking an arc is slow in Chromium's software canvas: a zoomed-out
 * 10^5-event run draws ~2,000 clocks a frame, and profiling the timeline
 * benchmark showed them costing ~15 ms of a ~30 ms frame, spent rasterizing
 * (not in our code); copying a bitmap costs next to nothing.
 *
 * A copy matches drawing in place pixel for pixel only where the shape's
 * anchor falls on a device pixel (antialiasing depends on the sub-pixel
 * offset), so elsewhere the shape is drawn in place as before.
 */

import type { DrawingContext } from './drawingContext';

/**
 * Where a frame draws, and the bitmaps of the shapes it draws most often:
 * only a canvas can copy a bitmap, so a surface that is not one (the SVG
 * recorder) has none and draws every shape in place.
 */
export type StampTarget =
  | {
      readonly ctx: CanvasRenderingContext2D;
      /** Null: always draw the shapes in place. */
      readonly stamps: StampCache | null;
    }
  | { readonly ctx: DrawingContext; readonly stamps: null };

/** A stamp's extent around its anchor, in CSS pixels: how far it reaches left, up, right and down. */
export interface StampBox {
  readonly left: number;
  readonly up: number;
  readonly right: number;
  readonly down: number;
}

/** Draws a shape with its anchor at (x, y), setting every style it uses. */
export type StampPaint = (ctx: DrawingContext, x: number, y: number) => void;

export interface StampCache {
  /** Device pixels per CSS pixel, as the canvas is drawn at. */
  readonly ratio: number;
  /** The bitmaps made so far, by key (null: the browser gave no canvas for one). */
  readonly stamps: Map<string, Stamp | null>;
  /** A canvas of `width` by `height` device pixels and its 2D context; null when there is none. */
  readonly createCanvas: (width: number, height: number) => StampCanvas | null;
}

export interface StampCanvas {
  readonly ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  /** The bitmap, once drawn. */
  image(): CanvasImageSource;
}

interface Stamp {
  readonly image: CanvasImageSource;
  /** The anchor's place in the bitmap, in device pixels. */
  readonly anchorX: number;
  readonly anchorY: number;
  /** The bitmap's size in device pixels. */
  readonly width: number;
  readonly height: number;
}

/** How far from a whole device pixel an anchor may be and still count as on it. */
const ON_PIXEL = 1e-6;

export function createStampCache(
  ratio: number,
  createCanvas: StampCache['createCanvas'],
): StampCache {
  return { ratio, stamps: new Map(), createCanvas };
}

/**
 * Stamps drawn on an OffscreenCanvas and kept as ImageBitmaps: copying an
 * ImageBitmap is cheaper than copying a canvas, whose every use as a source
 * takes a snapshot.
 */
export function createPageStampCache(ratio: number): StampCache {
  return createStampCache(ratio, (width, height) => {
    if (typeof OffscreenCanvas === 'undefined') return null;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    return ctx === null ? null : { ctx, image: () => canvas.transferToImageBitmap() };
  });
}

/**
 * Draws the shape `paint` draws at (x, y): a copy of its bitmap (made on
 * first use, under `key`, which must name everything the shape depends on
 * besides where it is) when there is one and the anchor is on a device
 * pixel; else `paint` in place. The context's transform must be the
 * canvas's own (a scale by `ratio`).
 */
export function drawStamp(
  target: StampTarget,
  key: string,
  box: StampBox,
  x: number,
  y: number,
  paint: StampPaint,
): void {
  if (target.stamps === null) {
    paint(target.ctx, x, y);
    return;
  }
  const stamp = stampFor(target.stamps, key, box, paint);
  const { ratio } = target.stamps;
  if (stamp === null || !onDevicePixel(x, y, ratio)) {
    paint(target.ctx, x, y);
    return;
  }
  target.ctx.drawImage(
    stamp.image,
    x - stamp.anchorX / ratio,
    y - stamp.anchorY / ratio,
    stamp.width / ratio,
    stamp.height / ratio,
  );
}

function stampFor(cache: StampCache, key: string, box: StampBox, paint: StampPaint): Stamp | null {
  const made = cache.stamps.get(key);
  if (made !== undefined) return made;
  const { ratio } = cache;
  const anchorX = Math.ceil(box.left * ratio);
  const anchorY = Math.ceil(box.up * ratio);
  const width = anchorX + Math.ceil(box.right * ratio);
  const height = anchorY + Math.ceil(box.down * ratio);
  const canvas = cache.createCanvas(width, height);
  let stamp: Stamp | null = null;
  if (canvas !== null) {
    canvas.ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    paint(canvas.ctx, anchorX / ratio, anchorY / ratio);
    stamp = { image: canvas.image(), anchorX, anchorY, width, height };
  }
  cache.stamps.set(key, stamp);
  return stamp;
}

function onDevicePixel(x: number, y: number, ratio: number): boolean {
  const deviceX = x * ratio;
  const deviceY = y * ratio;
  return (
    Math.abs(deviceX - Math.round(deviceX)) < ON_PIXEL &&
    Math.abs(deviceY - Math.round(deviceY)) < ON_PIXEL
  );
}
