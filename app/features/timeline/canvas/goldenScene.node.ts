/** Scenes (of the golden traces, mostly) laid out in a frame, for the canvas modules' tests. */
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { buildTimeline, type TimelineModel } from '../model/timelineBuilder';
import type { AxisMode } from './axes';
import type { CanvasPalette } from './canvasPalette';
import { frameLayout, rowTopPx, unitToPx, viewBounds, type FrameLayout } from './frameLayout';
import { hitTest, type TimelineHit } from './hitTest';
import { buildScene, type LaneRow, type RunSection, type TimelineScene } from './timelineScene';
import { clampViewport, createViewport, type Viewport } from './viewport';

/** Colours for tests that draw. */
export const TEST_PALETTE: CanvasPalette = {
  text: '#000',
  muted: '#555',
  panel: '#fff',
  border: '#ccc',
  error: '#b00',
  warning: '#850',
};

export interface TestScene {
  readonly model: TimelineModel;
  readonly scene: TimelineScene;
  readonly section: RunSection;
  readonly view: Viewport;
  readonly frame: FrameLayout;
  readonly row: (key: string) => LaneRow;
  /** The pixel column of an edge. */
  readonly px: (edge: number) => number;
  /** A row's top pixel. */
  readonly top: (row: LaneRow) => number;
  /** What is at a pixel. */
  readonly hit: (x: number, y: number) => TimelineHit | null;
}

/** A canvas's size, in CSS pixels. */
export interface CanvasSize {
  readonly width: number;
  readonly height: number;
}

const CANVAS: CanvasSize = { width: 800, height: 400 };

/** The golden trace `name`'s scene, fitted into a canvas (800 × 400 unless told). */
export function goldenScene(
  name: string,
  mode: AxisMode,
  compare: string | null = null,
  size: CanvasSize = CANVAS,
): TestScene {
  const previous = compare === null ? null : buildTimeline(readGoldenTrace(compare));
  return sceneOf(buildTimeline(readGoldenTrace(name)), previous, mode, size);
}

/** A model's scene, fitted into a canvas (800 × 400 unless told). */
export function sceneOf(
  model: TimelineModel,
  previous: TimelineModel | null,
  mode: AxisMode,
  size: CanvasSize = CANVAS,
): TestScene {
  const scene = buildScene(model, previous, {
    mode,
    spread: false,
    showInternal: false,
    theme: 'light',
  });
  const frame = frameLayout(size.width, size.height, false, scene.labelWidth);
  const view = createViewport();
  clampViewport(view, viewBounds(scene, frame));
  const section = scene.sections[scene.sections.length - 1];
  if (section === undefined) throw new Error('no section');
  return {
    model,
    scene,
    section,
    view,
    frame,
    row: (key) => {
      const found = section.rowByKey.get(key);
      if (found === undefined) throw new Error(`no row ${key}`);
      return found;
    },
    px: (edge) => unitToPx(view, frame, section.axis.x(edge)),
    top: (row) => rowTopPx(view, frame, row.top),
    hit: (x, y) => hitTest(scene, view, frame, x, y),
  };
}
