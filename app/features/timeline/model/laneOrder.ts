import { taskLaneKey, type TimelineModel } from './timelineBuilder';
import type { Lane } from './types';

export interface LaneOrderOptions {
  /** Show asyncio's own helper tasks (`shutdown_asyncgens` …). */
  readonly showInternal: boolean;
}

/**
 * The lanes top to bottom: in creation order, each under the task that
 * created it (a gather's or TaskGroup's children right below their parent,
 * a worker thread below the task that started it). A lane whose parent is
 * hidden moves to the top level.
 */
export function orderLanes(model: TimelineModel, options: LaneOrderOptions): Lane[] {
  const shown = model.lanes.filter((lane) => options.showInternal || !lane.internal);
  const shownTasks = new Set(shown.filter((lane) => lane.kind === 'task').map((lane) => lane.key));
  const children = new Map<number | null, Lane[]>();
  for (const lane of shown) {
    const parent =
      lane.parent !== null && shownTasks.has(taskLaneKey(lane.parent)) ? lane.parent : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(lane);
    else children.set(parent, [lane]);
  }
  // Depth first, without recursion: chains of tasks can be thousands deep.
  const ordered: Lane[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  for (let lane = stack.pop(); lane !== undefined; lane = stack.pop()) {
    ordered.push(lane);
    if (lane.kind === 'task') stack.push(...[...(children.get(lane.id) ?? [])].reverse());
  }
  return ordered;
}
