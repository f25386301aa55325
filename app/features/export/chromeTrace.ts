/**
 * A run's trace as Chrome Trace Event JSON (the "JSON Object Format" of
 * Google's Trace Event Format document), which Perfetto (ui.perfetto.dev)
 * and chrome://tracing open. Pure: no React, no DOM.
 *
 * The mapping (docs/trace-format.md, "Saved traces and exports"):
 * - one process, "Loopscope run"; one thread per task, named as the
 *   timeline names its lane (`Task-1 · main()`), and thread 0 for the loop's
 *   own callbacks (timers, `call_soon`, asyncio's internal callbacks);
 * - each step is a complete event ('X') on its task's thread (a callback's on
 *   thread 0); each wait is an 'X' on the task's thread from the step that
 *   suspended it to the step that resumes it, named by what it waits on;
 * - a wake-up (`ready` of a task, `by` a running handle) and a task's
 *   creation are flows ('s' on the waking or creating step, 'f' with
 *   `bp: "e"` on the step it leads to), each pair with its own id;
 * - each `output` is an instant event ('i', thread scope) with its text in
 *   `args.text`.
 *
 * Virtual time is the clock, and that needs a layout: the virtual clock
 * stands still while steps run, so most steps of a run share their instant
 * with others, and drawn at their virtual time they would all be slices of
 * no width, one on top of the other. So the steps that begin at one virtual
 * instant are laid out one after another from that instant, each
 * `STEP_WIDTH_US` wide, or narrower when that many would not fit before the
 * next instant: then the instant's time is shared out equally (whole
 * microseconds, so a step may get 0 when there are more steps than
 * microseconds). A step that blocked the loop (`loop.blocked`) is wider by
 * the time it blocked. So at every change of instant `ts` is the virtual
 * time exactly, steps on one thread never overlap and keep the trace's
 * order, and the layout reads no measured value: the same trace gives the
 * same file (a step's measured `cpu` is only in its args).
 */
import type { HandleId, TaskId, TraceEvent, WaitReason } from '../../runtime/traceSchema';
import { describeWait } from '../../shared/waitLabels';

/** One event of the Chrome trace (the fields this export writes). */
export interface ChromeTraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: 'X' | 'i' | 's' | 'f' | 'M';
  /** Microseconds. */
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly id?: number;
  /** Instant events: the scope ('t': the thread). */
  readonly s?: 't';
  /** Flow ends: bind to the enclosing slice. */
  readonly bp?: 'e';
  readonly args?: Readonly<Record<string, unknown>>;
}

/**
 * No `displayTimeUnit`: the format's default ("ms") is what we would say, and
 * Perfetto builds of 2021 (seen in v20.1) scaled every `ts` by it.
 */
export interface ChromeTrace {
  readonly traceEvents: readonly ChromeTraceEvent[];
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** The widest a step is drawn, in microseconds of the layout. */
export const STEP_WIDTH_US = 100;
const PID = 1;
/** The loop's own callbacks' track. */
export const LOOP_TID = 0;
const STEP_CAT = 'step';
const WAIT_CAT = 'wait';
const FLOW_CAT = 'flow';

interface Step {
  /** The handle that ran it (null: an eager task's first step). */
  readonly h: HandleId | null;
  readonly tid: number;
  readonly name: string;
  readonly args: Record<string, unknown>;
  /** Virtual seconds when it began. */
  readonly startT: number;
  /** Virtual seconds it blocked the loop. */
  readonly blocked: number;
  /** The task's suspension this step ended with, if any. */
  readonly suspended: WaitReason | null;
  /** Eager first steps of tasks created inside this step: drawn over its span. */
  readonly inner: Step[];
  /** Indices of the `output` events written during it. */
  readonly outputs: number[];
  ts: number;
  dur: number;
}

const micros = (seconds: number): number => Math.round(seconds * 1e6);

/** Builds the Chrome trace of a run's events (one run, as a run hands them on). */
export function toChromeTrace(events: readonly TraceEvent[]): ChromeTrace {
  const tasks = new Map<TaskId, { name: string; coro: string }>();
  const taskName = (task: TaskId): string => tasks.get(task)?.name ?? `Task-${String(task)}`;
  const callbacks = new Map<HandleId, string>();
  const steps: Step[] = [];
  /** Events since the last step or iteration: they belong to the next step, if one ends before an iteration. */
  let pending: number[] = [];
  const outside: number[] = [];
  let now = 0;
  let file = '';

  const takePending = (): { outputs: number[]; inner: Step[]; blocked: number } => {
    const outputs: number[] = [];
    const inner: Step[] = [];
    let blocked = 0;
    for (const index of pending) {
      const event = events[index];
      if (event?.type === 'output') outputs.push(index);
      else if (event?.type === 'loop.blocked') blocked += event.duration;
      else if ((event?.type === 'task.suspend' || event?.type === 'task.end') && event.h === null) {
        inner.push(taskStep(event, now, 0, []));
      }
    }
    pending = [];
    return { outputs, inner, blocked };
  };

  const taskStep = (
    event: Extract<TraceEvent, { type: 'task.suspend' | 'task.end' }>,
    startT: number,
    blocked: number,
    outputs: number[],
    inner: Step[] = [],
  ): Step => {
    const args: Record<string, unknown> = { h: event.h, cpu: event.cpu };
    if (event.type === 'task.end') {
      args.outcome = event.outcome;
      if (event.outcome === 'result') args.result = event.repr;
      if (event.outcome === 'exception') args.error = `${event.error}: ${event.message}`;
    } else {
      args.line = event.chain.at(-1)?.line ?? null;
    }
    return {
      h: event.h,
      tid: event.task,
      name: tasks.get(event.task)?.coro ?? taskName(event.task),
      args,
      startT,
      blocked,
      suspended: event.type === 'task.suspend' ? event.reason : null,
      inner,
      outputs,
      ts: 0,
      dur: 0,
    };
  };

  const leavePending = (): void => {
    // One by one: a program's module code may print a hundred thousand lines outside any step.
    for (const index of pending) if (events[index]?.type === 'output') outside.push(index);
    pending = [];
  };

  for (const [index, event] of events.entries()) {
    switch (event.type) {
      case 'run.start':
        file = event.file;
        leavePending();
        break;
      case 'iteration':
        leavePending();
        now = event.t;
        break;
      case 'loop.create':
      case 'run.end':
        leavePending();
        break;
      case 'task.create':
        tasks.set(event.task, { name: `${event.name} · ${event.coro}`, coro: event.coro });
        pending.push(index);
        break;
      case 'ready':
      case 'timer':
        if (event.callback !== undefined) callbacks.set(event.h, event.callback);
        pending.push(index);
        break;
      case 'step': {
        const startT = now;
        const { outputs, inner, blocked } = takePending();
        now = startT + blocked;
        steps.push({
          h: event.h,
          tid: LOOP_TID,
          name: callbacks.get(event.h) ?? 'callback',
          args: { h: event.h, cpu: event.cpu },
          startT,
          blocked,
          suspended: null,
          inner,
          outputs,
          ts: 0,
          dur: 0,
        });
        break;
      }
      case 'task.suspend':
      case 'task.end': {
        // An eager task's first step ran inside create_task: part of the step that created it.
        if (event.h === null) {
          pending.push(index);
          break;
        }
        const startT = now;
        const { outputs, inner, blocked } = takePending();
        now = startT + blocked;
        steps.push(taskStep(event, startT, blocked, outputs, inner));
        break;
      }
      default:
        pending.push(index);
    }
  }
  leavePending();

  layOut(steps);
  return {
    traceEvents: emit(events, steps, outside, tasks, taskName),
    metadata: { source: 'Loopscope', file, clock: 'virtual time' },
  };
}

/** Gives each step its `ts` and `dur` (see the header). */
function layOut(steps: readonly Step[]): void {
  let groupStart = 0;
  while (groupStart < steps.length) {
    const first = steps[groupStart];
    if (first === undefined) break;
    let groupEnd = groupStart;
    while (steps[groupEnd]?.startT === first.startT) groupEnd += 1;
    const next = steps[groupEnd];
    const group = steps.slice(groupStart, groupEnd);
    const blockedUs = group.reduce((sum, step) => sum + micros(step.blocked), 0);
    const room =
      next === undefined
        ? Number.POSITIVE_INFINITY
        : micros(next.startT) - micros(first.startT) - blockedUs;
    const width = Math.max(0, Math.min(STEP_WIDTH_US, Math.floor(room / group.length)));
    let ts = micros(first.startT);
    for (const step of group) {
      step.ts = ts;
      step.dur = width + micros(step.blocked);
      for (const inner of step.inner) {
        inner.ts = step.ts;
        inner.dur = step.dur;
      }
      ts += step.dur;
    }
    groupStart = groupEnd;
  }
}

function emit(
  events: readonly TraceEvent[],
  steps: readonly Step[],
  outside: readonly number[],
  tasks: ReadonlyMap<TaskId, { name: string }>,
  taskName: (task: TaskId) => string,
): ChromeTraceEvent[] {
  const out: ChromeTraceEvent[] = [
    {
      name: 'process_name',
      ph: 'M',
      ts: 0,
      pid: PID,
      tid: LOOP_TID,
      args: { name: 'Loopscope run' },
    },
    ...threadMetadata(LOOP_TID, 'Event loop (callbacks)'),
  ];
  for (const [task, { name }] of tasks) out.push(...threadMetadata(task, name));
  // A task whose creation the trace does not hold (a trace cut short, a forged one) still gets a named track.
  const unnamed = new Set(
    steps.flatMap((step) => [step.tid, ...step.inner.map((inner) => inner.tid)]),
  );
  for (const tid of unnamed) {
    if (tid !== LOOP_TID && !tasks.has(tid)) out.push(...threadMetadata(tid, taskName(tid)));
  }

  const all = steps.flatMap((step) => [step, ...step.inner]);
  const byHandle = new Map<HandleId, Step>();
  for (const step of steps) if (step.h !== null) byHandle.set(step.h, step);
  const firstStepOf = new Map<TaskId, Step>();
  for (const step of all)
    if (step.tid !== LOOP_TID && !firstStepOf.has(step.tid)) firstStepOf.set(step.tid, step);
  const end = all.reduce((latest, step) => Math.max(latest, step.ts + step.dur), 0);

  // Waits: from a task's suspension to its next step on the same thread.
  const waiting = new Map<TaskId, { name: string; reason: WaitReason; ts: number }>();
  const instant = (index: number, ts: number, tid: number): void => {
    const event = events[index];
    if (event?.type !== 'output') return;
    out.push({
      name: event.stream === 'stderr' ? 'print (stderr)' : 'print',
      cat: 'output',
      ph: 'i',
      s: 't',
      ts,
      pid: PID,
      tid,
      args: { text: event.text, t: event.t },
    });
  };
  const slice = (step: Step): void => {
    const wait = waiting.get(step.tid);
    if (wait !== undefined) {
      out.push(waitSlice(wait, step.ts, step.tid));
      waiting.delete(step.tid);
    }
    out.push({
      name: step.name,
      cat: STEP_CAT,
      ph: 'X',
      ts: step.ts,
      dur: step.dur,
      pid: PID,
      tid: step.tid,
      args: step.args,
    });
    if (step.suspended !== null)
      waiting.set(step.tid, {
        // In the words of the editor and the Event loop panel.
        name: describeWait(step.suspended, step.startT + step.blocked, taskName),
        reason: step.suspended,
        ts: step.ts + step.dur,
      });
  };
  for (const step of steps) {
    for (const inner of step.inner) slice(inner);
    slice(step);
    for (const index of step.outputs) {
      const event = events[index];
      const tid =
        event?.type === 'output' && event.task !== null && tasks.has(event.task)
          ? event.task
          : step.tid;
      // Written after a block in the step: that much later within it.
      const after = event?.type === 'output' ? micros(event.t - step.startT) : 0;
      instant(index, step.ts + Math.min(step.dur, Math.max(0, after)), tid);
    }
  }
  for (const [tid, wait] of waiting) out.push(waitSlice(wait, Math.max(end, wait.ts), tid));
  for (const index of outside) {
    const event = events[index];
    if (event?.type === 'output') instant(index, Math.max(end, micros(event.t)), LOOP_TID);
  }

  // Flows: a task's creation and its wake-ups, from the step that caused them.
  let flowId = 0;
  const flow = (name: string, from: Step, to: Step): void => {
    flowId += 1;
    out.push(
      { name, cat: FLOW_CAT, ph: 's', id: flowId, ts: from.ts, pid: PID, tid: from.tid },
      { name, cat: FLOW_CAT, ph: 'f', bp: 'e', id: flowId, ts: to.ts, pid: PID, tid: to.tid },
    );
  };
  const created = new Set<TaskId>();
  for (const event of events) {
    if (event.type === 'task.create') {
      const to = firstStepOf.get(event.task);
      // An eager task's first step ran inside create_task: its first `ready` is a wake-up.
      if (to?.h !== null) created.add(event.task);
      const from = event.by === null ? undefined : byHandle.get(event.by);
      if (from !== undefined && to !== undefined) flow('create', from, to);
    } else if (event.type === 'ready' && event.task !== undefined && event.by !== null) {
      // A new task's first `ready` is its creation, drawn above.
      if (created.delete(event.task)) continue;
      const from = byHandle.get(event.by);
      const to = byHandle.get(event.h);
      if (from !== undefined && to !== undefined) flow('wake', from, to);
    } else if (event.type === 'ready' && event.task !== undefined) {
      created.delete(event.task);
    }
  }
  return out;
}

function waitSlice(
  wait: { readonly name: string; readonly reason: WaitReason; readonly ts: number },
  to: number,
  tid: number,
): ChromeTraceEvent {
  return {
    name: wait.name,
    cat: WAIT_CAT,
    ph: 'X',
    ts: wait.ts,
    dur: to - wait.ts,
    pid: PID,
    tid,
    args: { reason: wait.reason },
  };
}

/** A track's name, and its place: the loop first, then the tasks by id. */
function threadMetadata(tid: number, name: string): ChromeTraceEvent[] {
  return [
    { name: 'thread_name', ph: 'M', ts: 0, pid: PID, tid, args: { name } },
    { name: 'thread_sort_index', ph: 'M', ts: 0, pid: PID, tid, args: { sort_index: tid } },
  ];
}
