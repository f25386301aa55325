/**
 * The timeline's two horizontal axes: where an edge (model/types.ts) sits
 * along x, in axis units, and back. Pure: no DOM. The view turns units into
 * pixels (viewport.ts).
 *
 * - The step axis: one unit per loop iteration; the steps of an iteration
 *   share its column equally, in the order they ran.
 * - The time axis: one unit per second of virtual time. Steps that run at one
 *   instant have no width there; spreading gives every step `spread` more
 *   units, so they stand side by side while time still reads left to right.
 *
 * Edges at or past `2 * steps.length` (what happened after the last step so
 * far) map to the end of the axis.
 */
import { formatSeconds } from '../../../shared/waitLabels';
import type { TimelineModel } from '../model/timelineBuilder';
import type { Edge } from '../model/types';

export type AxisMode = 'steps' | 'time';

export interface AxisOptions {
  readonly mode: AxisMode;
  /** Time axis: the units each step adds (0: no spreading). See `spreadFor`. */
  readonly spread: number;
}

export interface Axis {
  readonly mode: AxisMode;
  /** The content's width in units; never 0. */
  readonly width: number;
  /** The last edge with a place of its own: the end of the last step so far. */
  readonly endEdge: Edge;
  /** Where an edge sits, in units. Never decreases as the edge grows. */
  x(edge: Edge): number;
  /** Where a virtual time sits, in units (step axis: where the first step at that time starts). */
  timeX(seconds: number): number;
}

/** A labelled mark on the axis. */
export interface Tick {
  readonly x: number;
  readonly label: string;
}

/** A time axis with no time passed is still one second wide, everything at its left. */
const MIN_TIME_WIDTH = 1;

export function createAxis(model: TimelineModel, options: AxisOptions): Axis {
  return options.mode === 'steps' ? stepAxis(model) : timeAxis(model, options.spread);
}

/**
 * How far the time axis spreads steps: as many units, all steps together, as
 * the run's virtual time (one second when none passed), so the run's time and
 * its steps get half the width each. Give the same value to the axes of runs
 * compared side by side, so they share one scale.
 */
export function spreadFor(model: TimelineModel): number {
  const steps = model.steps.length;
  return steps === 0 ? 0 : Math.max(model.virtualTime, MIN_TIME_WIDTH) / steps;
}

function stepAxis(model: TimelineModel): Axis {
  const { steps, iterations } = model;
  const endEdge = 2 * steps.length;
  const width = Math.max(iterations.length, 1);
  function x(edge: Edge): number {
    if (edge >= endEdge) return width;
    if (edge <= 0) return edge < 0 || steps.length === 0 ? 0 : stepX(0, 0);
    return stepX(edge >> 1, edge & 1);
  }
  function stepX(index: number, end: number): number {
    const step = steps[index];
    if (step === undefined) return width;
    const columnSteps = Math.max(iterations[step.iteration]?.steps ?? 1, 1);
    return step.iteration + (step.slot + end) / columnSteps;
  }
  return {
    mode: 'steps',
    width,
    endEdge,
    x,
    timeX(seconds) {
      const first = firstEdgeAtTime(model, seconds);
      return x(first);
    },
  };
}

function timeAxis(model: TimelineModel, spread: number): Axis {
  const { steps } = model;
  const endEdge = 2 * steps.length;
  const lastStep = steps[steps.length - 1];
  const endTime = Math.max(model.virtualTime, lastStep?.t1 ?? 0);
  const width = Math.max(endTime + spread * steps.length, MIN_TIME_WIDTH);
  function x(edge: Edge): number {
    if (edge >= endEdge) return width;
    if (edge <= 0) return edge < 0 || steps.length === 0 ? 0 : (steps[0]?.t0 ?? 0);
    const index = edge >> 1;
    const end = edge & 1;
    const step = steps[index];
    if (step === undefined) return width;
    return (end === 1 ? step.t1 : step.t0) + spread * (index + end);
  }
  return {
    mode: 'time',
    width,
    endEdge,
    x,
    timeX(seconds) {
      if (spread === 0) return Math.min(seconds, width);
      // Between two edges, time and x both grow linearly.
      const after = firstEdgeAtTime(model, seconds);
      if (after >= endEdge) return Math.min(seconds + spread * steps.length, width);
      const afterTime = timeOfEdge(model, after);
      if (after === 0 || afterTime === seconds) return x(after);
      const before = after - 1;
      const beforeTime = timeOfEdge(model, before);
      const share = (seconds - beforeTime) / (afterTime - beforeTime);
      return x(before) + share * (x(after) - x(before));
    },
  };
}

/** A step's start (even edge) or end (odd edge) time. */
function timeOfEdge(model: TimelineModel, edge: Edge): number {
  const step = model.steps[edge >> 1];
  if (step === undefined) return model.virtualTime;
  return (edge & 1) === 1 ? step.t1 : step.t0;
}

/** The first edge at or after a virtual time (`endEdge` if none). */
function firstEdgeAtTime(model: TimelineModel, seconds: number): Edge {
  let low = 0;
  let high = 2 * model.steps.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (timeOfEdge(model, middle) < seconds) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last edge at or before x (0 when x is left of everything). */
export function edgeBefore(axis: Axis, x: number): Edge {
  let low = 0;
  let high = axis.endEdge;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (axis.x(middle) <= x) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The edge nearest to x, for seeking. */
export function nearestEdge(axis: Axis, x: number): Edge {
  const before = edgeBefore(axis, x);
  if (before >= axis.endEdge) return axis.endEdge;
  const after = before + 1;
  return Math.abs(axis.x(after) - x) < Math.abs(x - axis.x(before)) ? after : before;
}

/** The tick spacings tried, in units, smallest first within a decade. */
const NICE_STEPS = [1, 2, 5] as const;
/** More ticks than this in one view would be unreadable; stops runaway loops. */
const MAX_TICKS = 400;

/** The smallest of 1, 2, 5 × 10^k that is at least `gap`. */
export function niceStep(gap: number): number {
  if (!(gap > 0)) return 1;
  const decade = 10 ** Math.floor(Math.log10(gap));
  for (const multiple of NICE_STEPS) if (multiple * decade >= gap) return multiple * decade;
  return 10 * decade;
}

/**
 * The ticks between `fromX` and `toX` (units), at least `minGap` units
 * apart: iteration numbers on the step axis, seconds on the time axis. They
 * go on past the run's end, as far as asked: a wider run drawn beside it
 * (comparing), or the empty second of a run that took no time, still has
 * its axis labelled.
 */
export function axisTicks(
  axis: Axis,
  model: TimelineModel,
  fromX: number,
  toX: number,
  minGap: number,
): Tick[] {
  const ticks: Tick[] = [];
  if (axis.mode === 'steps') {
    const stride = Math.max(1, niceStep(minGap));
    const first = Math.max(0, Math.ceil(fromX / stride) * stride);
    const { iterations } = model;
    // Past the last iteration, the columns count on from its number.
    const lastIndex = iterations.length - 1;
    const lastNumber = iterations[lastIndex]?.n ?? 0;
    for (let column = first; column <= toX && ticks.length < MAX_TICKS; column += stride) {
      const number = iterations[column]?.n ?? lastNumber + column - lastIndex;
      ticks.push({ x: column, label: String(number) });
    }
    return ticks;
  }
  // Spreading only adds width, so seconds `minGap` apart are at least `minGap` units apart.
  const stride = niceStep(minGap);
  const endTime = Math.max(model.virtualTime, model.steps[model.steps.length - 1]?.t1 ?? 0);
  const endX = axis.timeX(endTime);
  // Past the run's end, one unit is one second.
  const xOf = (seconds: number): number =>
    seconds <= endTime ? axis.timeX(seconds) : endX + seconds - endTime;
  const fromTime = fromX > endX ? endTime + fromX - endX : timeAtOrBefore(axis, model, fromX);
  const first = Math.max(0, Math.floor(fromTime / stride));
  for (let count = first; ticks.length < MAX_TICKS; count += 1) {
    const seconds = count * stride;
    const x = xOf(seconds);
    if (x > toX) break;
    if (x >= fromX) ticks.push({ x, label: formatSeconds(Number(seconds.toPrecision(12))) });
  }
  return ticks;
}

function timeAtOrBefore(axis: Axis, model: TimelineModel, x: number): number {
  return timeOfEdge(model, Math.min(edgeBefore(axis, x), Math.max(axis.endEdge - 1, 0)));
}
