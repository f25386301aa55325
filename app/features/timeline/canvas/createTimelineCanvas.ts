/**
 * The canvas's machinery, outside React: it sizes the canvas to its
 * container (DPR-aware), keeps pan and zoom in a mutable viewport that the
 * input (attachTimelineInput.ts) changes, and paints at most once per
 * animation frame. TimelineView feeds it the props; the
 * scene is rebuilt in the next frame when they changed, so a run streaming
 * in many batches a frame costs one rebuild.
 */
import type { Theme } from '../../../shared/theme';
import type { TimelineModel } from '../model/timelineBuilder';
import type { Edge } from '../model/types';
import type { AxisMode } from './axes';
import { readCanvasPalette, type CanvasPalette } from './canvasPalette';
import { attachTimelineInput, type TimelineCallbacks } from './attachTimelineInput';
import { createPageStampCache, type StampCache } from './canvasStamps';
import { createRafScheduler } from './createRafScheduler';
import type { DrawContext } from './drawContext';
import { contentHeight, frameLayout, viewBounds, type FrameLayout } from './frameLayout';
import { minimapDensity, type MinimapDensity } from './minimap';
import { observeResize } from './observeResize';
import { renderTimeline } from './renderTimeline';
import type { TimelineSnapshot } from './timelineImage';
import { buildScene, type TimelineScene } from './timelineScene';
import { clampViewport, createViewport, isZoomedIn, type ViewBounds } from './viewport';

export interface TimelineInputs {
  readonly model: TimelineModel;
  readonly version: number;
  readonly compare: TimelineModel | null;
  readonly mode: AxisMode;
  readonly spread: boolean;
  readonly showInternal: boolean;
  readonly theme: Theme;
  readonly cursor: Edge | null;
}

/** What the canvas tells its owner besides the input's news. */
export interface TimelineCanvasCallbacks extends TimelineCallbacks {
  /**
   * The height, in CSS pixels, that shows every lane of the scene with the
   * axis and the minimap: the container may grow (or shrink) to it.
   */
  onContentHeight(height: number): void;
}

export interface TimelineCanvas {
  update(inputs: TimelineInputs): void;
  /** What is drawn now, to draw it again as an image; null before there is anything to draw. */
  snapshot(): TimelineSnapshot | null;
  destroy(): void;
}

/** Returns null when the browser gives no 2D context for the canvas. */
export function createTimelineCanvas(
  canvas: HTMLCanvasElement,
  container: HTMLElement,
  callbacks: TimelineCanvasCallbacks,
): TimelineCanvas | null {
  const found = context2d(canvas);
  if (found === null) return null;
  // Named again so the functions below (hoisted, so not narrowed) see it as not null.
  const ctx: CanvasRenderingContext2D = found;

  const view = createViewport();
  const textWidths = new Map<string, Map<string, number>>();
  let stamps: StampCache | null = null;
  let inputs: TimelineInputs | null = null;
  let scene: TimelineScene | null = null;
  let density: MinimapDensity | null = null;
  let sceneStale = true;
  let palette: CanvasPalette | null = null;
  let width = 0;
  let height = 0;
  let frame: FrameLayout = frameLayout(0, 0, false, 0);
  let bounds: ViewBounds | null = null;

  const scheduler = createRafScheduler(paint);

  function resize(): void {
    const ratio = window.devicePixelRatio || 1;
    width = container.clientWidth;
    height = container.clientHeight;
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (stamps?.ratio !== ratio) stamps = createPageStampCache(ratio);
    bounds = null;
    scheduler.schedule();
  }

  /** Brings the scene, the frame's layout and the viewport up to date; false when there is nothing to draw. */
  function prepare(): boolean {
    if (inputs === null) return false;
    if (sceneStale || scene === null) {
      const previousHeight = scene?.height;
      scene = buildScene(inputs.model, inputs.compare, inputs);
      if (scene.height !== previousHeight) callbacks.onContentHeight(contentHeight(scene));
      density = minimapDensity(scene);
      sceneStale = false;
      bounds = null;
    }
    if (bounds === null) {
      // The minimap shows when zoomed in; whether it is depends only on the plot's width.
      const withoutMinimap = frameLayout(width, height, false, scene.labelWidth);
      bounds = viewBounds(scene, withoutMinimap);
      clampViewport(view, bounds);
      frame = isZoomedIn(view, bounds)
        ? frameLayout(width, height, true, scene.labelWidth)
        : withoutMinimap;
      bounds = viewBounds(scene, frame);
    }
    clampViewport(view, bounds);
    return true;
  }

  function paint(): void {
    if (!prepare() || scene === null || density === null || inputs === null) return;
    palette ??= readCanvasPalette(canvas);
    const draw: DrawContext = { ctx, view, frame, palette, textWidths, stamps };
    renderTimeline(draw, { scene, density, cursor: inputs.cursor });
  }

  const controller = new AbortController();
  attachTimelineInput(
    canvas,
    {
      view,
      layout: () =>
        prepare() && scene !== null && bounds !== null ? { scene, frame, bounds } : null,
      redraw(zoomed) {
        // After a zoom the minimap may come or go, which changes the lanes' height.
        if (zoomed) bounds = null;
        scheduler.schedule();
      },
    },
    callbacks,
    controller.signal,
  );
  const stopObserving = observeResize(container, resize);
  resize();

  return {
    update(next) {
      const previous = inputs;
      inputs = next;
      if (
        previous === null ||
        previous.model !== next.model ||
        previous.mode !== next.mode ||
        previous.spread !== next.spread
      ) {
        // Another run, or other units along x: start from the whole run.
        view.fitted = true;
        view.scrollY = 0;
      }
      if (
        previous !== null &&
        (previous.model !== next.model ||
          previous.mode !== next.mode ||
          previous.showInternal !== next.showInternal)
      ) {
        // What the card described has moved.
        callbacks.onHover(null, 0, 0);
      }
      if (
        previous?.version !== next.version ||
        previous.model !== next.model ||
        previous.compare !== next.compare ||
        previous.mode !== next.mode ||
        previous.spread !== next.spread ||
        previous.showInternal !== next.showInternal ||
        previous.theme !== next.theme
      ) {
        sceneStale = true;
      }
      // Read the theme's colours in the frame: the shell sets the new theme on the page in its own effect.
      if (previous?.theme !== next.theme) palette = null;
      scheduler.schedule();
    },
    snapshot() {
      if (!prepare() || scene === null || density === null || inputs === null) return null;
      palette ??= readCanvasPalette(canvas);
      return { scene, density, cursor: inputs.cursor, palette, view: { ...view }, frame };
    },
    destroy() {
      scheduler.cancel();
      stopObserving();
      controller.abort();
    },
  };
}

/** The canvas's 2D context; null when the browser refuses it (or throws, as some do when blocked). */
function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}
