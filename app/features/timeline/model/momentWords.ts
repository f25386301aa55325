/**
 * A playback moment in a sentence, naming the task by name and saying what it
 * did: "Task-1 printed “Hello, Alice!”", "Task-2 ran until line 4 and waits:
 * sleep until 1.0 s", "Task-1 finished". The first moment of a step after a
 * wait says what woke the task ("Task-2, woken by its sleep's timer, printed
 * …"): that wake-up is asyncio's moment folded into this one.
 */
import type { TaskId } from '../../../runtime/traceSchema';
import { describeWait } from '../../../shared/waitLabels';
import { lastAtOrBefore, markAt, segmentFrom } from './sortedSearch';
import { taskLaneKey, type TimelineModel } from './timelineBuilder';
import { stepStart, type Arrow } from './types';

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
            ? taskWords(model, event.task, moment)
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
        `${taskWords(model, event.task, moment)} ran` +
        (where === undefined ? '' : ` until line ${where}`) +
        ` and waits: ${describeWait(event.reason, since, model.taskName)}`
      );
    }
    case 'task.end': {
      const who = taskWords(model, event.task, moment);
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

/** The task by name, with what woke it when `moment` is the first of a step after a wait. */
function taskWords(model: TimelineModel, task: TaskId, moment: number): string {
  const lane = model.laneByKey.get(taskLaneKey(task));
  if (lane?.internal === true) return `asyncio's helper ${model.taskName(task)}`;
  const at = model.moments[moment];
  if (lane === undefined || at === undefined || model.moments[moment - 1]?.step === at.step) {
    return model.taskName(task);
  }
  // The lane reads …, suspended, ready, running (the step, once it has ended).
  const start = stepStart(at.step);
  let ready = lastAtOrBefore(lane.segments, start, segmentFrom);
  if (lane.segments[ready]?.kind === 'running') ready -= 1;
  const from = lane.segments[ready]?.from;
  if (lane.segments[ready]?.kind !== 'ready' || lane.segments[ready - 1]?.kind !== 'suspended') {
    return model.taskName(task);
  }
  const arrow = wakeArrow(model, lane.key, from ?? start);
  return arrow === undefined
    ? model.taskName(task)
    : `${model.taskName(task)}, woken by ${wakerWords(model, arrow)},`;
}

/** The arrow that woke the lane at `edge`. */
function wakeArrow(model: TimelineModel, lane: string, edge: number): Arrow | undefined {
  for (let i = lastAtOrBefore(model.arrows, edge, markAt); i >= 0; i -= 1) {
    const arrow = model.arrows[i];
    if (arrow === undefined || arrow.at !== edge) return undefined;
    if (arrow.kind === 'wake' && arrow.toLane === lane) return arrow;
  }
  return undefined;
}

function wakerWords(model: TimelineModel, arrow: Arrow): string {
  if (arrow.fromLane !== null) return model.laneByKey.get(arrow.fromLane)?.name ?? arrow.fromLane;
  switch (arrow.cause) {
    case 'timer':
      return "its sleep's timer";
    case 'timeout':
      return 'its timeout';
    default:
      return `the callback ${arrow.cause}`;
  }
}

function preview(text: string): string {
  return text.length <= PRINT_PREVIEW ? text : `${text.slice(0, PRINT_PREVIEW - 1)}…`;
}
