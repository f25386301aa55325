/**
 * A playback moment in a sentence, naming the task by name and saying what it
 * did: "Task-1 printed “Hello, Alice!”", "Task-2 ran until line 4 and waits:
 * sleep until 1.0 s", "Task-1 finished".
 */
import type { TaskId } from '../../../runtime/traceSchema';
import { describeWait } from './highlights';
import { taskLaneKey, type TimelineModel } from './timelineBuilder';

/** Longer prints are cut to this many characters. */
const PRINT_PREVIEW = 40;

export function describeMoment(model: TimelineModel, moment: number): string {
  const at = model.moments[moment];
  const event = at === undefined ? undefined : model.events[at.event];
  switch (event?.type) {
    case 'output': {
      const who =
        event.thread !== null
          ? `thread ${event.thread}`
          : event.task !== null
            ? taskWords(model, event.task)
            : 'The program';
      const text = preview(event.text.trim());
      return event.stream === 'stdout'
        ? `${who} printed “${text}”`
        : `${who} wrote “${text}” to stderr`;
    }
    case 'task.suspend': {
      const where = event.chain[event.chain.length - 1]?.line;
      const since = model.steps[at?.step ?? -1]?.t1 ?? 0;
      return (
        `${taskWords(model, event.task)} ran` +
        (where === undefined ? '' : ` until line ${where}`) +
        ` and waits: ${describeWait(event.reason, since, model.taskName)}`
      );
    }
    case 'task.end': {
      const who = taskWords(model, event.task);
      if (event.outcome === 'cancelled') return `${who} was cancelled`;
      if (event.outcome === 'exception') {
        return `${who} raised ${event.error}${event.line === null ? '' : ` at line ${event.line}`}`;
      }
      return event.repr === 'None'
        ? `${who} finished`
        : `${who} finished and returned ${event.repr}`;
    }
    case 'step': {
      const callback = model.steps[at?.step ?? -1]?.callback ?? 'a callback';
      return at?.internal === true
        ? `asyncio's own callback ran: ${callback}`
        : `The callback ${callback} ran`;
    }
    default:
      return 'Nothing has run yet';
  }
}

function taskWords(model: TimelineModel, task: TaskId): string {
  const internal = model.laneByKey.get(taskLaneKey(task))?.internal ?? false;
  return internal ? `asyncio's helper ${model.taskName(task)}` : model.taskName(task);
}

function preview(text: string): string {
  return text.length <= PRINT_PREVIEW ? text : `${text.slice(0, PRINT_PREVIEW - 1)}…`;
}
