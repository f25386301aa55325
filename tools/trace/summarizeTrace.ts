/**
 * A readable timeline of a run, from its trace events: what an instructor
 * reads after `npm run trace -- prog.py --summary`. Pure: events in, text out.
 */
import type { TaskId, TraceEvent, WaitReason } from '../../app/runtime/traceSchema';

interface TaskInfo {
  readonly name: string;
  readonly coro: string;
  readonly internal: boolean;
}

/** Formats virtual seconds with millisecond precision: `1.250`. */
export function formatTime(seconds: number): string {
  return seconds.toFixed(3);
}

/** A wait reason in a few words: `sleep until 1.000`, `queue.get q`. */
export function describeReason(reason: WaitReason, taskName: (id: TaskId) => string): string {
  let text: string;
  switch (reason.kind) {
    case 'sleep':
      text = `sleep until ${formatTime(reason.until ?? 0)}`;
      break;
    case 'task':
      text = `waits for ${reason.task === undefined ? '?' : taskName(reason.task)}`;
      break;
    case 'gather':
    case 'taskgroup':
      text = `${reason.kind} (${reason.left ?? reason.tasks?.length ?? 0} left)`;
      break;
    case 'yield':
      text = 'yields to the loop';
      break;
    default:
      text = reason.name === undefined ? reason.kind : `${reason.kind} ${reason.name}`;
  }
  if (reason.deadline !== undefined) text += `, deadline ${formatTime(reason.deadline)}`;
  return text;
}

/** One line per thing that happened, in order, prefixed by virtual time and task. */
export function summarizeTrace(events: readonly TraceEvent[]): string {
  const tasks = new Map<TaskId, TaskInfo>();
  const handleTask = new Map<number, TaskId>();
  const lines: string[] = [];
  let now = 0;
  let iterations = 0;
  const name = (id: TaskId): string => tasks.get(id)?.name ?? `task ${id}`;
  const visible = (id: TaskId | null | undefined): boolean =>
    id === null || id === undefined || tasks.get(id)?.internal !== true;
  const say = (who: string, text: string): void => {
    lines.push(`${formatTime(now).padStart(9)}  ${who.padEnd(10)} ${text}`);
  };

  for (const event of events) {
    switch (event.type) {
      case 'iteration':
        now = event.t;
        iterations = event.n;
        break;
      case 'ready':
        if (event.task !== undefined) handleTask.set(event.h, event.task);
        break;
      case 'task.create':
        tasks.set(event.task, { name: event.name, coro: event.coro, internal: event.internal });
        if (!event.internal) {
          const where = event.line === null ? '' : ` at line ${event.line}`;
          say(event.name, `created by ${event.api}${where}: ${event.coro}`);
        }
        break;
      case 'task.suspend':
        if (visible(event.task)) {
          const line = event.chain.at(-1)?.line;
          const where = line === undefined ? '' : ` (line ${line})`;
          say(name(event.task), `${describeReason(event.reason, name)}${where}`);
        }
        break;
      case 'task.cancel':
        if (visible(event.task)) {
          const by = event.byTask === null ? '' : ` by ${name(event.byTask)}`;
          say(name(event.task), `cancel requested${by}`);
        }
        break;
      case 'task.end':
        if (visible(event.task)) say(name(event.task), describeEnd(event));
        break;
      case 'loop.blocked':
        say(
          event.task === null ? 'loop' : name(event.task),
          `BLOCKED the loop for ${formatTime(event.duration)} s at line ${event.line ?? '?'}`,
        );
        break;
      case 'output':
        now = event.t;
        for (const text of event.text.replace(/\n$/, '').split('\n')) {
          say(
            event.task === null ? '' : name(event.task),
            `${event.stream === 'stderr' ? '!' : '>'} ${text}`,
          );
        }
        break;
      case 'thread.start':
        say(
          event.task === null ? '' : name(event.task),
          `runs ${event.fn}() on worker thread ${event.worker}`,
        );
        break;
      case 'limit':
        say('', event.message);
        break;
      case 'run.end':
        lines.push(
          `Run ended: ${event.outcome} (exit ${event.exitCode}), ${formatTime(event.virtualTime)} s of virtual time, ${iterations} loop iterations, ${[...tasks.values()].filter((task) => !task.internal).length} tasks.`,
        );
        break;
      default:
        break;
    }
  }
  return lines.join('\n') + '\n';
}

function describeEnd(event: Extract<TraceEvent, { type: 'task.end' }>): string {
  switch (event.outcome) {
    case 'result':
      return `finished: ${event.repr}`;
    case 'cancelled':
      return 'cancelled';
    case 'exception':
      return `failed: ${event.error}: ${event.message}${event.line === null ? '' : ` (line ${event.line})`}`;
  }
}
