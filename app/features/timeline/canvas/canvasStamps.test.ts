import { describe, expect, it } from 'vitest';
import { syntheticTrace } from '../../../../tools/trace/syntheticTrace';
import { buildTimeline } from '../model/timelineBuilder';
import { createStampCache, drawStamp, type StampCache, type StampPaint } from './canvasStamps';
import type { DrawContext } from './drawContext';
import { viewBounds } from './frameLayout';
import { sceneOf, TEST_PALETTE, type TestScene } from './goldenScene.node';
import { minimapDensity } from './minimap';
import { renderTimeline } from './renderTimeline';
import { zoomAt } from './viewport';

/** A 2D context that draws nothing and logs each call with its arguments. */
function loggingContext(): { ctx: CanvasRenderingContext2D; log: unknown[][] } {
  const log: unknown[][] = [];
  const state: Record<string | symbol, unknown> = { font: '10px sans-serif' };
  const ctx = new Proxy(state, {
    get(target, property) {
      if (property in target) return target[property];
      return (...args: unknown[]) => {
        log.push([String(property), ...args]);
        return property === 'measureText' ? { width: 6 * String(args[0]).length } : undefined;
      };
    },
    set(target, property, value) {
      target[property] = value;
      log.push([`set ${String(property)}`, value]);
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, log };
}

/** A cache whose stamps are logging contexts; `made` holds each stamp's log and size. */
function loggingCache(ratio: number) {
  const made: { log: unknown[][]; width: number; height: number }[] = [];
  const cache = createStampCache(ratio, (width, height) => {
    const { ctx, log } = loggingContext();
    made.push({ log, width, height });
    return { ctx, image: () => ({ stamp: made.length }) as unknown as CanvasImageSource };
  });
  return { cache, made };
}

const BOX = { left: 5, up: 4, right: 6, down: 3 };

/** A plus sign at (x, y). */
const plus: StampPaint = (ctx, x, y) => {
  ctx.strokeStyle = '#123';
  ctx.beginPath();
  ctx.moveTo(x - 3, y);
  ctx.lineTo(x + 3, y);
  ctx.moveTo(x, y - 3);
  ctx.lineTo(x, y + 3);
  ctx.stroke();
};

const named = (log: unknown[][], name: string): unknown[][] =>
  log.filter((call) => call[0] === name);

describe('stamps', () => {
  it('draws a shape once into its bitmap and copies it to every place on a device pixel', () => {
    const { cache, made } = loggingCache(1);
    const { ctx, log } = loggingContext();
    for (let x = 10; x < 110; x += 1) drawStamp({ ctx, stamps: cache }, 'plus', BOX, x, 20, plus);
    expect(made).toHaveLength(1);
    expect(made[0]?.width).toBe(11);
    expect(made[0]?.height).toBe(7);
    expect(named(log, 'drawImage')).toHaveLength(100);
    expect(named(log, 'stroke')).toHaveLength(0);
    // The bitmap's anchor (5, 4) lands on the shape's place.
    expect(named(log, 'drawImage')[0]?.slice(2)).toEqual([5, 16, 11, 7]);
  });

  it('draws in the bitmap what it would draw in place, moved to the anchor', () => {
    const { cache, made } = loggingCache(1);
    drawStamp({ ctx: loggingContext().ctx, stamps: cache }, 'plus', BOX, 40, 30, plus);
    const inPlace = loggingContext();
    plus(inPlace.ctx, 5, 4);
    const drawn = made[0]?.log.filter((call) => call[0] !== 'setTransform');
    expect(drawn).toEqual(inPlace.log);
    expect(named(made[0]?.log ?? [], 'setTransform')).toEqual([['setTransform', 1, 0, 0, 1, 0, 0]]);
  });

  it('draws in place off a device pixel, where antialiasing would differ', () => {
    const { cache } = loggingCache(1);
    const { ctx, log } = loggingContext();
    drawStamp({ ctx, stamps: cache }, 'plus', BOX, 10.5, 20, plus);
    expect(named(log, 'drawImage')).toHaveLength(0);
    expect(named(log, 'stroke')).toHaveLength(1);
  });

  it('makes the bitmap at the device ratio, so half pixels are device pixels at 2x', () => {
    const { cache, made } = loggingCache(2);
    const { ctx, log } = loggingContext();
    drawStamp({ ctx, stamps: cache }, 'plus', BOX, 10.5, 20, plus);
    expect(made[0]?.width).toBe(22);
    expect(named(made[0]?.log ?? [], 'setTransform')).toEqual([['setTransform', 2, 0, 0, 2, 0, 0]]);
    expect(named(log, 'drawImage')[0]?.slice(2)).toEqual([5.5, 16, 11, 7]);
  });

  it('draws in place without a cache, or when the browser gives no canvas', () => {
    const none = createStampCache(1, () => null);
    for (const cache of [null, none]) {
      const { ctx, log } = loggingContext();
      drawStamp({ ctx, stamps: cache }, 'plus', BOX, 10, 20, plus);
      drawStamp({ ctx, stamps: cache }, 'plus', BOX, 11, 20, plus);
      expect(named(log, 'stroke')).toHaveLength(2);
    }
  });
});

describe("timers' clocks over a long run, zoomed in and out", () => {
  const model = buildTimeline(syntheticTrace({ events: 50_000, tasks: 100 }));

  function render(t: TestScene, stamps: StampCache | null): unknown[][] {
    const { ctx, log } = loggingContext();
    const draw: DrawContext = {
      ctx,
      view: t.view,
      frame: t.frame,
      palette: TEST_PALETTE,
      textWidths: new Map(),
      stamps,
    };
    renderTimeline(draw, { scene: t.scene, density: minimapDensity(t.scene), cursor: null });
    return log;
  }

  it('copies each clock that it drew in place before, and makes its bitmaps once for every frame', () => {
    const t = sceneOf(model, null, 'time');
    const bounds = viewBounds(t.scene, t.frame);
    const { cache, made } = loggingCache(1);
    let stamped = 0;
    for (let frame = 0; frame < 12; frame += 1) {
      const inPlace = render(t, null);
      const copied = render(t, cache);
      const copies = named(copied, 'drawImage').length;
      // Each copy stands for one clock (an arc) no longer drawn in place.
      expect(named(inPlace, 'arc').length - named(copied, 'arc').length).toBe(copies);
      stamped += copies;
      zoomAt(t.view, 1.5, 137, bounds);
    }
    expect(stamped).toBeGreaterThan(100);
    // A timer's wake-up and perhaps a timeout's cancel: one bitmap each, whatever the zoom.
    expect(made.length).toBeGreaterThan(0);
    expect(made.length).toBeLessThanOrEqual(2);
  });
});
