/**
 * The canvas's input: the wheel scrolls the lanes, and the page once they
 * are at their end (a wheel that zoomed trapped the learner over the canvas
 * when the summary lay below it); Ctrl/⌘ + wheel zooms at the pointer (a
 * trackpad's pinch arrives as ctrl + wheel); shift + wheel or a sideways
 * swipe pans; a drag pans, two fingers pinch, the minimap's frame is dragged, keys zoom and
 * pan, a hover reports what is under the pointer, and a click opens a line
 * or seeks. Every change goes to the mutable viewport, never React state.
 */
import type { Edge } from '../model/types';
import type { FrameLayout } from './frameLayout';
import { hitTest, lineOfHit, seekEdge, type TimelineHit } from './hitTest';
import { isInMinimap, minimapUnitAt } from './minimap';
import { currentSection, type TimelineScene } from './timelineScene';
import { centreOn, panBy, zoomAt, type ViewBounds, type Viewport } from './viewport';

export interface TimelineCallbacks {
  /** The pointer is over `hit` (null: over nothing), at client coordinates. */
  onHover(hit: TimelineHit | null, clientX: number, clientY: number): void;
  onOpenLine(line: number): void;
  onSeek(edge: Edge): void;
}

/** What the input works on, kept up to date by the canvas. */
export interface InputTarget {
  readonly view: Viewport;
  /** The scene and layout brought up to date; null while there is nothing drawn. */
  layout(): {
    readonly scene: TimelineScene;
    readonly frame: FrameLayout;
    readonly bounds: ViewBounds;
  } | null;
  /** Asks for a frame; `zoomed` when the scale changed (the minimap may come or go). */
  redraw(zoomed: boolean): void;
}

/** A press that moves less than this many pixels is a click, not a drag. */
const CLICK_SLOP = 4;
/** Zoom per pixel of ctrl + wheel: a pinch's small deltas arrive as that too. */
const WHEEL_ZOOM = 0.01;
/** Wheel deltas in lines are turned into pixels. */
const LINE_PIXELS = 16;
const PAGE_PIXELS = 400;
const KEY_ZOOM = 1.5;
/** Arrow keys pan this share of the plot's width, or scroll a row. */
const KEY_PAN_SHARE = 0.15;
const KEY_SCROLL = 24;

interface Point {
  x: number;
  y: number;
}

type Gesture =
  | { readonly kind: 'pan'; readonly start: Point; readonly last: Point; moved: boolean }
  | { readonly kind: 'minimap' }
  | { readonly kind: 'pinch'; distance: number };

/** Listens on the canvas until `signal` aborts. */
export function attachTimelineInput(
  canvas: HTMLCanvasElement,
  target: InputTarget,
  callbacks: TimelineCallbacks,
  signal: AbortSignal,
): void {
  const { view } = target;
  const pointers = new Map<number, Point>();
  let gesture: Gesture | null = null;

  function pointIn(event: MouseEvent): Point {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  function onWheel(event: WheelEvent): void {
    const layout = target.layout();
    if (layout === null) return;
    const unit = event.deltaMode === 1 ? LINE_PIXELS : event.deltaMode === 2 ? PAGE_PIXELS : 1;
    const dx = event.deltaX * unit;
    const dy = event.deltaY * unit;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      const anchor = pointIn(event).x - layout.frame.plotLeft;
      zoomAt(view, Math.exp(-dy * WHEEL_ZOOM), anchor, layout.bounds);
      target.redraw(true);
      return;
    }
    if (event.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      event.preventDefault();
      panBy(view, -(Math.abs(dx) > Math.abs(dy) ? dx : dy), 0, layout.bounds);
      target.redraw(false);
      return;
    }
    const scrolled = view.scrollY;
    panBy(view, 0, -dy, layout.bounds);
    // Lanes at their end leave the wheel to the page, which scrolls as usual.
    if (view.scrollY === scrolled) return;
    event.preventDefault();
    target.redraw(false);
  }

  function onPointerDown(event: PointerEvent): void {
    const layout = target.layout();
    if (event.button !== 0 || layout === null) return;
    const point = pointIn(event);
    pointers.set(event.pointerId, point);
    canvas.setPointerCapture(event.pointerId);
    if (pointers.size === 2) {
      gesture = { kind: 'pinch', distance: spanOf(pointers) };
      callbacks.onHover(null, 0, 0);
    } else if (isInMinimap(layout.frame, point.x, point.y)) {
      gesture = { kind: 'minimap' };
      centreOn(view, minimapUnitAt(layout.frame, layout.scene.width, point.x), layout.bounds);
      target.redraw(false);
    } else {
      gesture = { kind: 'pan', start: point, last: { ...point }, moved: false };
    }
  }

  function onPointerMove(event: PointerEvent): void {
    const point = pointIn(event);
    const layout = target.layout();
    if (layout === null) return;
    if (gesture === null) {
      const hit = hitTest(layout.scene, view, layout.frame, point.x, point.y);
      canvas.style.cursor = hit !== null && lineOfHit(hit) !== null ? 'pointer' : '';
      callbacks.onHover(hit, event.clientX, event.clientY);
      return;
    }
    if (pointers.has(event.pointerId)) pointers.set(event.pointerId, point);
    switch (gesture.kind) {
      case 'minimap':
        centreOn(view, minimapUnitAt(layout.frame, layout.scene.width, point.x), layout.bounds);
        target.redraw(false);
        return;
      case 'pinch': {
        const distance = spanOf(pointers);
        const middle = middleOf(pointers);
        if (gesture.distance > 0 && distance > 0) {
          zoomAt(view, distance / gesture.distance, middle - layout.frame.plotLeft, layout.bounds);
          target.redraw(true);
        }
        gesture.distance = distance;
        return;
      }
      case 'pan': {
        const { start, last } = gesture;
        if (!gesture.moved && Math.hypot(point.x - start.x, point.y - start.y) < CLICK_SLOP) return;
        gesture.moved = true;
        canvas.style.cursor = 'grabbing';
        callbacks.onHover(null, 0, 0);
        panBy(view, point.x - last.x, point.y - last.y, layout.bounds);
        last.x = point.x;
        last.y = point.y;
        target.redraw(false);
      }
    }
  }

  function onPointerUp(event: PointerEvent): void {
    pointers.delete(event.pointerId);
    const ended = gesture;
    // A pinch ends when its fingers lift; the finger left behind does not start a pan.
    gesture = ended?.kind === 'pinch' && pointers.size > 0 ? ended : null;
    canvas.style.cursor = '';
    if (ended?.kind === 'pan' && !ended.moved && event.type === 'pointerup') click(pointIn(event));
  }

  /**
   * A click opens the line of what is under it (for a lane's label, where
   * its task was created), or moves the playback cursor there.
   */
  function click({ x, y }: Point): void {
    const layout = target.layout();
    if (layout === null) return;
    const hit = hitTest(layout.scene, view, layout.frame, x, y);
    const line = hit === null ? null : lineOfHit(hit);
    if (hit !== null && line !== null) {
      if (hit.section.run === 'current') callbacks.onOpenLine(line);
      return;
    }
    if (x < layout.frame.plotLeft) return;
    const current = currentSection(layout.scene);
    if (current !== undefined) callbacks.onSeek(seekEdge(current, view, layout.frame, x));
  }

  function onPointerLeave(): void {
    if (gesture === null) callbacks.onHover(null, 0, 0);
  }

  function onKeyDown(event: KeyboardEvent): void {
    const layout = target.layout();
    if (layout === null || event.altKey || event.metaKey || event.ctrlKey) return;
    const { frame, bounds } = layout;
    switch (event.key) {
      case '+':
      case '=':
        zoomAt(view, KEY_ZOOM, frame.plotWidth / 2, bounds);
        break;
      case '-':
      case '_':
        zoomAt(view, 1 / KEY_ZOOM, frame.plotWidth / 2, bounds);
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
    target.redraw(true);
  }

  const listen = { signal };
  // React's wheel listener is passive, so it could not keep the page from scrolling.
  canvas.addEventListener('wheel', onWheel, { passive: false, signal });
  canvas.addEventListener('pointerdown', onPointerDown, listen);
  canvas.addEventListener('pointermove', onPointerMove, listen);
  canvas.addEventListener('pointerup', onPointerUp, listen);
  canvas.addEventListener('pointercancel', onPointerUp, listen);
  canvas.addEventListener('pointerleave', onPointerLeave, listen);
  canvas.addEventListener('keydown', onKeyDown, listen);
}

/** The distance between the first two pointers down. */
function spanOf(pointers: ReadonlyMap<number, Point>): number {
  const [a, b] = pointers.values();
  return a === undefined || b === undefined ? 0 : Math.hypot(a.x - b.x, a.y - b.y);
}

/** The x halfway between the first two pointers down. */
function middleOf(pointers: ReadonlyMap<number, Point>): number {
  const [a, b] = pointers.values();
  return a === undefined || b === undefined ? 0 : (a.x + b.x) / 2;
}
