/**
 * What the canvas lays out, rebuilt when the model grows or an option
 * changes (never per frame): the runs shown (the previous run above the
 * current one when comparing), each with its axis and its lane rows, top to
 * bottom. Pure: no DOM.
 */
import type { Theme } from '../../../shared/theme';
import { taskColor } from '../../../shared/taskColors';
import { orderLanes } from '../model/laneOrder';
import { lastAtOrBefore } from '../model/sortedSearch';
import type { TimelineModel } from '../model/timelineBuilder';
import type { Arrow, Lane, PrintMark } from '../model/types';
import { createAxis, spreadFor, type Axis, type AxisMode } from './axes';
import { laneMarks } from './laneMarks';

/** Sizes of the canvas's parts, in CSS pixels. */
export const LAYOUT = {
  /** The lane labels' column is as wide as its longest label, within these bounds (and a third of the canvas). */
  minLabelWidth: 120,
  maxLabelWidth: 360,
  /** Each level of nesting indents a label this much (up to `maxIndentDepth` levels). */
  indent: 12,
  maxIndentDepth: 8,
  /** The axis ticks' strip at the top. */
  axisHeight: 22,
  /** A lane's height: taller when there are few, so a small program's bars are easy to see and hover. */
  rowHeight: 24,
  fewRowsHeight: 32,
  someRowsHeight: 28,
  /** A run's title row ("Previous run", "This run") when comparing. */
  titleHeight: 20,
  /**
   * Under a run's lanes when it blocked the loop: the blocked bands' labels
   * ("blocked: line 12"), which drawn over the lanes hid what a task waited on.
   */
  bandLabelHeight: 16,
  /** The overview strip at the bottom, when zoomed in. */
  minimapHeight: 26,
} as const;

export type RunKind = 'previous' | 'current';

export interface LaneRow {
  readonly lane: Lane;
  /** Index into the scene's `sections`. */
  readonly section: number;
  /** The row's top, from the top of the lanes' area (before scrolling). */
  readonly top: number;
  /** The row's height: the same for every row of a scene (`rowHeightFor`). */
  readonly height: number;
  /** The lane's colour: its task's, or for a worker thread the task that started it. */
  readonly colour: string;
  /** The lane's own arrows (in and out) and print marks, in order (laneMarks.ts). */
  readonly arrowsIn: readonly Arrow[];
  readonly arrowsOut: readonly Arrow[];
  readonly prints: readonly PrintMark[];
}

export interface RunSection {
  readonly run: RunKind;
  /** Shown above its lanes when comparing. */
  readonly title: string | null;
  readonly titleTop: number;
  readonly model: TimelineModel;
  readonly axis: Axis;
  readonly rows: readonly LaneRow[];
  readonly rowByKey: ReadonlyMap<string, LaneRow>;
}

export interface TimelineScene {
  readonly sections: readonly RunSection[];
  /** Every section's rows, top to bottom. */
  readonly rows: readonly LaneRow[];
  /** The lanes' area's full height, in pixels. */
  readonly height: number;
  /** The lane labels' column's width, in pixels, before the canvas's width limits it (frameLayout.ts). */
  readonly labelWidth: number;
  /** The widest run's width, in axis units. */
  readonly width: number;
  /** The most steps of any run shown (how far one may zoom in depends on it). */
  readonly steps: number;
}

export interface SceneOptions {
  readonly mode: AxisMode;
  /** Time axis: give simultaneous steps a width (axes.ts). */
  readonly spread: boolean;
  readonly showInternal: boolean;
  readonly theme: Theme;
}

export function buildScene(
  model: TimelineModel,
  compare: TimelineModel | null,
  options: SceneOptions,
): TimelineScene {
  // One spread for both runs, so that they share the axis's scale.
  const spread = options.mode === 'time' && options.spread ? spreadFor(model) : 0;
  const runs: [RunKind, TimelineModel][] =
    compare === null
      ? [['current', model]]
      : [
          ['previous', compare],
          ['current', model],
        ];
  const lanesOf = runs.map(([, runModel]) =>
    orderLanes(runModel, { showInternal: options.showInternal }),
  );
  const height = rowHeightFor(lanesOf.reduce((sum, lanes) => sum + lanes.length, 0));
  const sections: RunSection[] = [];
  const rows: LaneRow[] = [];
  let top = 0;
  for (const [index, [run, runModel]] of runs.entries()) {
    const title = compare === null ? null : run === 'previous' ? 'Previous run' : 'This run';
    const titleTop = top;
    if (title !== null) top += LAYOUT.titleHeight;
    const sectionRows: LaneRow[] = [];
    const marksOf = laneMarks(runModel);
    for (const lane of lanesOf[index] ?? []) {
      sectionRows.push({
        lane,
        section: sections.length,
        top,
        height,
        colour: laneColour(lane, options.theme),
        ...marksOf(lane.key),
      });
      top += height;
    }
    if (runModel.blocked.length > 0) top += LAYOUT.bandLabelHeight;
    rows.push(...sectionRows);
    sections.push({
      run,
      title,
      titleTop,
      model: runModel,
      axis: createAxis(runModel, { mode: options.mode, spread }),
      rows: sectionRows,
      rowByKey: new Map(sectionRows.map((row) => [row.lane.key, row])),
    });
  }
  return {
    sections,
    rows,
    height: top,
    labelWidth: labelWidthFor(rows),
    width: Math.max(...sections.map((section) => section.axis.width)),
    steps: Math.max(...sections.map((section) => section.model.steps.length)),
  };
}

/** A lane's height for a scene of `rows` rows: the fewer, the taller. */
export function rowHeightFor(rows: number): number {
  if (rows <= 6) return LAYOUT.fewRowsHeight;
  if (rows <= 12) return LAYOUT.someRowsHeight;
  return LAYOUT.rowHeight;
}

/**
 * About how wide a label's characters are at the labels' font (FONT.label,
 * 12px): an average for the names and calls labels hold, slightly generous,
 * so the layout stays pure (no text measuring) and long names still fit.
 */
const LABEL_CHAR_WIDTH = 7;
/** Left of a label's text: its indent and colour swatch (drawLaneLabel); right: a gap before the plot. */
const LABEL_SWATCH = 18;
const LABEL_GAP = 10;

/** The label column's width that fits every label shown (indent, swatch and text), within bounds. */
export function labelWidthFor(rows: readonly LaneRow[]): number {
  let widest = 0;
  for (const row of rows) {
    const text = LABEL_SWATCH + row.lane.label.length * LABEL_CHAR_WIDTH + LABEL_GAP;
    widest = Math.max(widest, labelIndent(row.lane.depth) + text);
  }
  return Math.min(LAYOUT.maxLabelWidth, Math.max(LAYOUT.minLabelWidth, Math.ceil(widest)));
}

/** How far a label is indented for its nesting depth. */
export function labelIndent(depth: number): number {
  return 6 + LAYOUT.indent * Math.min(Math.max(depth, 0), LAYOUT.maxIndentDepth);
}

function laneColour(lane: Lane, theme: Theme): string {
  const task = lane.kind === 'task' ? lane.id : (lane.parent ?? lane.id);
  return taskColor(task, theme);
}

/** The row at `y` (from the top of the lanes' area, before scrolling), if any. */
export function rowAt(scene: TimelineScene, y: number): LaneRow | null {
  let low = 0;
  let high = scene.rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const row = scene.rows[middle];
    if (row === undefined) return null;
    if (y < row.top) high = middle - 1;
    else if (y >= row.top + row.height) low = middle + 1;
    else return row;
  }
  return null;
}

/** The index of the first row whose bottom is below `y`, for drawing only the rows in view. */
export function firstRowBelow(scene: TimelineScene, y: number): number {
  return lastAtOrBefore(scene.rows, y, rowBottom) + 1;
}

const rowBottom = (row: LaneRow): number => row.top + row.height;

/** The section the current run is in (the last one). */
export function currentSection(scene: TimelineScene): RunSection | undefined {
  return scene.sections[scene.sections.length - 1];
}
