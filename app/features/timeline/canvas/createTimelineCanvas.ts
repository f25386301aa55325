/**
 * The canvas's machinery, outside React: it sizes the canvas to its
 * container (DPR-aware), keeps pan and zoom in a mutable viewport, turns
 * wheel, drag, keys and clicks into view changes or callbacks, and paints at
 * most once per animation frame. TimelineView feeds it the props; the
 * scene is rebuilt in the next frame when they changed, so a run streaming
 * in many batches a frame costs one rebuild.
 */
import type { Theme } from '../../../shared/theme';
import type { TimelineModel } from '../model/timelineBuilder';
import type { Edge } from '../model/types';
import type { AxisMode } from './axes';
import { readCanvasPalette, type CanvasPalette } from './canvasPalette';
import { createRafScheduler } from './createRafScheduler';
import type { DrawContext } from './drawContext';
import { frameLayout, viewBounds, type FrameLayout } from './frameLayout';
import { hitTest, lineOfHit, seekEdge, type TimelineHit } from './hitTest';
import { isInMinimap, minimapDensity, minimapUnitAt, type MinimapDensity } from './minimap';
import { observeResize } from './observeResize';
import { renderTimeline } from './renderTimeline';
import { buildScene, currentSection, type TimelineScene } from './timelineScene';
import {
  centreOn,
  clampViewport,
  createViewport,
  isZoomedIn,
  panBy,
  zoomAt,
  type ViewBounds,
} from './viewport';

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

export interface TimelineCallbacks {
  /** The pointer is over `hit` (null: over nothing), at client coordinates. */
  onHover(hit: TimelineHit | null, clientX: number, clientY: number): void;
  onOpenLine(line: number): void;
  onSeek(edge: Edge): void;
}

export interface TimelineCanvas {
  update(inputs: TimelineInputs): void;
  destroy(): void;
}

/** A press that moves less than this many pixels is a click, not a drag. */
const CLICK_SLOP = 4;
/** Zoom per pixel of wheel: gentle for a mouse wheel, quicker for a pinch (ctrl + wheel). */
const WHEEL_ZOOM = 0.0015;
const PINCH_ZOOM = 0.01;
/** Wheel deltas in lines or pages are turned into pixels. */
const LINE_PIXELS = 16;
const KEY_ZOOM = 1.5;
/** Arrow keys pan this share of the plot's width. */
const KEY_PAN_SHARE = 0.15;
const KEY_SCROLL = 24;

type Drag =
  | {
      readonly kind: 'pan';
      readonly startX: number;
      readonly startY: number;
      lastX: number;
      lastY: number;
      moved: boolean;
    }
  | { readonly kind: 'minimap' };

/** Returns null when the browser gives no 2D context for the canvas. */
export function createTimelineCanvas(
  canvas: HTMLCanvasElement,
  container: HTMLElement,
  callbacks: TimelineCallbacks,
): TimelineCanvas | null {
  const found = context2d(canvas);
  if (found === null) return null;
  // Named again so the functions below (hoisted, so not narrowed) see it as not null.
  const ctx: CanvasRenderingContext2D = found;

  const view = createViewport();
  const textWidths = new Map<string, Map<string, number>>();
  let inputs: TimelineInputs | null = null;
  let scene: TimelineScene | null = null;
  let density: MinimapDensity | null = null;
  let sceneStale = true;
  let palette: CanvasPalette | null = null;
  let width = 0;
  let height = 0;
  let frame: FrameLayout = frameLayout(0, 0, false);
  let bounds: ViewBounds | null = null;
  let drag: Drag | null = null;

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
    bounds = null;
    scheduler.schedule();
  }

  /** Brings the scene, the frame's layout and the viewport up to date; false when there is nothing to draw. */
  function prepare(): boolean {
    if (inputs === null) return false;
    if (sceneStale || scene === null) {
      scene = buildScene(inputs.model, inputs.compare, inputs);
      density = minimapDensity(scene);
      sceneStale = false;
      bounds = null;
    }
    if (bounds === null) {
      // The minimap shows when zoomed in; whether it is depends only on the plot's width.
      const withoutMinimap = frameLayout(width, height, false);
      bounds = viewBounds(scene, withoutMinimap);
      clampViewport(view, bounds);
      frame = isZoomedIn(view, bounds) ? frameLayout(width, height, true) : withoutMinimap;
      bounds = viewBounds(scene, frame);
    }
    clampViewport(view, bounds);
    return true;
  }

  /** After a zoom the minimap may come or go, which changes the lanes' height. */
  function relayout(): void {
    bounds = null;
    scheduler.schedule();
  }

  function paint(): void {
    if (!prepare() || scene === null || density === null || inputs === null) return;
    palette ??= readCanvasPalette(canvas);
    const draw: DrawContext = { ctx, view, frame, palette, textWidths };
    renderTimeline(draw, { scene, density, cursor: inputs.cursor });
  }

  function pointIn(event: MouseEvent): { x: number; y: number } {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  function hitAt(x: number, y: number): TimelineHit | null {
    if (!prepare() || scene === null) return null;
    return hitTest(scene, view, frame, x, y);
  }

  function onWheel(event: WheelEvent): void {
    if (!prepare() || bounds === null) return;
    event.preventDefault();
    const unit = event.deltaMode === 1 ? LINE_PIXELS : event.deltaMode === 2 ? height : 1;
    const dx = event.deltaX * unit;
    const dy = event.deltaY * unit;
    if (event.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      panBy(view, -(Math.abs(dx) > Math.abs(dy) ? dx : dy), 0, bounds);
      scheduler.schedule();
      return;
    }
    const rate = event.ctrlKey ? PINCH_ZOOM : WHEEL_ZOOM;
    zoomAt(view, Math.exp(-dy * rate), pointIn(event).x - frame.plotLeft, bounds);
    relayout();
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || !prepare() || bounds === null || scene === null) return;
    const { x, y } = pointIn(event);
    canvas.setPointerCapture(event.pointerId);
    if (isInMinimap(frame, x, y)) {
      drag = { kind: 'minimap' };
      centreOn(view, minimapUnitAt(frame, scene.width, x), bounds);
      scheduler.schedule();
      return;
    }
    drag = { kind: 'pan', startX: x, startY: y, lastX: x, lastY: y, moved: false };
  }

  function onPointerMove(event: PointerEvent): void {
    const { x, y } = pointIn(event);
    if (drag === null) {
      const hit = hitAt(x, y);
      canvas.style.cursor = hit !== null && lineOfHit(hit) !== null ? 'pointer' : '';
      callbacks.onHover(hit, event.clientX, event.clientY);
      return;
    }
    if (!prepare() || bounds === null || scene === null) return;
    if (drag.kind === 'minimap') {
      centreOn(view, minimapUnitAt(frame, scene.width, x), bounds);
    } else {
      if (!drag.moved && Math.hypot(x - drag.startX, y - drag.startY) < CLICK_SLOP) return;
      drag.moved = true;
      canvas.style.cursor = 'grabbing';
      callbacks.onHover(null, 0, 0);
      panBy(view, x - drag.lastX, y - drag.lastY, bounds);
      drag.lastX = x;
      drag.lastY = y;
    }
    scheduler.schedule();
  }

  function onPointerUp(event: PointerEvent): void {
    const ended = drag;
    drag = null;
    canvas.style.cursor = '';
    if (ended?.kind !== 'pan' || ended.moved) return;
    click(pointIn(event));
  }

  /** A click opens the line of what is under it, or moves the playback cursor there. */
  function click({ x, y }: { x: number; y: number }): void {
    if (!prepare() || scene === null || x < frame.plotLeft) return;
    const hit = hitAt(x, y);
    const line = hit === null ? null : lineOfHit(hit);
    if (hit !== null && line !== null) {
      if (hit.section.run === 'current') callbacks.onOpenLine(line);
      return;
    }
    const current = currentSection(scene);
    if (current !== undefined) callbacks.onSeek(seekEdge(current, view, frame, x));
  }

  function onPointerLeave(): void {
    if (drag === null) callbacks.onHover(null, 0, 0);
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (!prepare() || bounds === null || event.altKey || event.metaKey || event.ctrlKey) return;
    const middle = frame.plotWidth / 2;
    switch (event.key) {
      case '+':
      case '=':
        zoomAt(view, KEY_ZOOM, middle, bounds);
        break;
      case '-':
      case '_':
        zoomAt(view, 1 / KEY_ZOOM, middle, bounds);
        break;
      case '0':
        view.fitted = true;
        break;
      case 'ArrowLeft':
        panBy(view, frame.plotWidth * KEY_PAN_SHARE, 0, bounds);
        break;
      case 'ArrowRight':
        panBy(view, -frame.plotWidth * KEY_PAN_SHARE, 0, bounds);
        break;
      case 'ArrowUp':
        panBy(view, 0, KEY_SCROLL, bounds);
        break;
      case 'ArrowDown':
        panBy(view, 0, -KEY_SCROLL, bounds);
        break;
      default:
        return;
    }
    event.preventDefault();
    relayout();
  }

  const controller = new AbortController();
  const listen = { signal: controller.signal };
  // React's wheel listener is passive, so it could not keep the page from scrolling.
  canvas.addEventListener('wheel', onWheel, { passive: false, signal: controller.signal });
  canvas.addEventListener('pointerdown', onPointerDown, listen);
  canvas.addEventListener('pointermove', onPointerMove, listen);
  canvas.addEventListener('pointerup', onPointerUp, listen);
  canvas.addEventListener('pointercancel', onPointerUp, listen);
  canvas.addEventListener('pointerleave', onPointerLeave, listen);
  canvas.addEventListener('keydown', onKeyDown, listen);
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
        (previous.mode !== next.mode || previous.showInternal !== next.showInternal)
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
