/**
 * Each lane's arrows (in and out) and print marks, in order, so that a frame
 * visits only those of the rows in view. The model only grows (a batch
 * appends), so the index is kept per model and extended by what a batch
 * added, not rebuilt: a run of a million events streaming in stays cheap.
 */
import type { TimelineModel } from '../model/timelineBuilder';
import type { Arrow, PrintMark } from '../model/types';

export interface LaneMarks {
  readonly arrowsIn: readonly Arrow[];
  readonly arrowsOut: readonly Arrow[];
  readonly prints: readonly PrintMark[];
}

interface Lists {
  readonly arrowsIn: Arrow[];
  readonly arrowsOut: Arrow[];
  readonly prints: PrintMark[];
}

interface Index {
  /** How many of the model's arrows and prints are filed. */
  arrows: number;
  prints: number;
  readonly lanes: Map<string, Lists>;
}

const NONE: LaneMarks = { arrowsIn: [], arrowsOut: [], prints: [] };
const indexes = new WeakMap<TimelineModel, Index>();

/** The marks of every lane of `model` so far, by lane key. */
export function laneMarks(model: TimelineModel): (laneKey: string) => LaneMarks {
  let index = indexes.get(model);
  if (index === undefined) {
    index = { arrows: 0, prints: 0, lanes: new Map() };
    indexes.set(model, index);
  }
  const { lanes } = index;
  const listsOf = (key: string): Lists => {
    let lists = lanes.get(key);
    if (lists === undefined) {
      lists = { arrowsIn: [], arrowsOut: [], prints: [] };
      lanes.set(key, lists);
    }
    return lists;
  };
  for (; index.arrows < model.arrows.length; index.arrows += 1) {
    const arrow = model.arrows[index.arrows];
    if (arrow === undefined) continue;
    listsOf(arrow.toLane).arrowsIn.push(arrow);
    if (arrow.fromLane !== null) listsOf(arrow.fromLane).arrowsOut.push(arrow);
  }
  for (; index.prints < model.prints.length; index.prints += 1) {
    const mark = model.prints[index.prints];
    if (mark !== undefined && mark.lane !== null) listsOf(mark.lane).prints.push(mark);
  }
  return (key) => lanes.get(key) ?? NONE;
}
