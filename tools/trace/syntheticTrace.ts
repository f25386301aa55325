/**
 * Generated traces of any length, for the timeline's benchmark: `main`
 * gathers `tasks` workers; each worker, step after step, prints now and then
 * and sleeps a little (durations vary by task and round), until the trace
 * holds about `events` events. The loop is simulated the way the runtime
 * records it (docs/trace-format.md): a ready queue run iteration by
 * iteration, timers due in deadline order, a step's events before the event
 * that ends it. Deterministic: the same arguments give the same trace.
 */
import type { HandleId, TraceEvent } from '../../app/runtime/traceSchema';
import { TRACE_FORMAT_VERSION } from '../../app/runtime/traceSchema';

export interface SyntheticTraceOptions {
  /** About how many events (the trace ends when a round of steps passes it). */
  readonly events: number;
  /** How many worker tasks main gathers. */
  readonly tasks: number;
}

interface Timer {
  readonly h: HandleId;
  readonly when: number;
  readonly task: number;
}

/** The learner's lines the generated program would have. */
const LINES = { run: 12, gather: 9, sleep: 4, print: 5 } as const;

export function syntheticTrace({ events: target, tasks }: SyntheticTraceOptions): TraceEvent[] {
  const out: TraceEvent[] = [];
  let nextHandle = 1;
  const handle = (): HandleId => nextHandle++;
  const ready: { h: HandleId; task: number | null; timer: Timer | null }[] = [];
  let timers: Timer[] = [];
  let iteration = 0;
  let now = 0;
  const rounds = new Map<number, number>();
  const workers = Array.from({ length: tasks }, (_, index) => index + 2);

  out.push({
    type: 'run.start',
    version: TRACE_FORMAT_VERSION,
    file: 'main.py',
    python: '3.14.2',
    traced: true,
  });
  out.push({ type: 'loop.create', loop: 1, t: 0 });
  out.push({
    type: 'task.create',
    task: 1,
    name: 'Task-1',
    coro: 'main()',
    parent: null,
    line: LINES.run,
    api: 'run',
    by: null,
    internal: false,
  });
  ready.push({ h: handle(), task: 1, timer: null });
  out.push({ type: 'ready', h: 1, task: 1, by: null });

  const finishing = (): boolean => out.length >= target;
  let workersLeft = tasks;

  while (ready.length > 0 || timers.length > 0) {
    iteration += 1;
    // Nothing ready: the loop's clock jumps to the next timer.
    if (ready.length === 0)
      now = timers.reduce((soonest, timer) => Math.min(soonest, timer.when), Infinity);
    const firing = timers
      .filter((timer) => timer.when <= now)
      .sort((a, b) => a.when - b.when || a.h - b.h);
    timers = timers.filter((timer) => timer.when > now);
    for (const timer of firing) ready.push({ h: timer.h, task: null, timer });
    out.push({
      type: 'iteration',
      n: iteration,
      t: now,
      ...(firing.length > 0 ? { due: firing.map((timer) => timer.h) } : {}),
    });

    for (const entry of ready.splice(0)) {
      if (entry.timer !== null) {
        const woken = handle();
        ready.push({ h: woken, task: entry.timer.task, timer: null });
        out.push({ type: 'ready', h: woken, task: entry.timer.task, by: entry.h });
        out.push({ type: 'step', h: entry.h, cpu: 1 });
        continue;
      }
      const task = entry.task ?? 1;
      if (task === 1) {
        if (rounds.has(1)) {
          out.push({
            type: 'task.end',
            h: entry.h,
            task: 1,
            cpu: 1,
            outcome: 'result',
            repr: 'None',
          });
          continue;
        }
        rounds.set(1, 0);
        for (const worker of workers) {
          const h = handle();
          out.push({
            type: 'task.create',
            task: worker,
            name: `Task-${worker}`,
            coro: `worker(${worker - 1})`,
            parent: 1,
            line: LINES.gather,
            api: 'gather',
            by: entry.h,
            internal: false,
          });
          out.push({ type: 'ready', h, task: worker, by: entry.h });
          ready.push({ h, task: worker, timer: null });
        }
        out.push({
          type: 'task.suspend',
          h: entry.h,
          task: 1,
          reason: { kind: 'gather', tasks: workers, left: tasks },
          chain: [{ fn: 'main', line: LINES.gather }],
          cpu: 1,
        });
        continue;
      }
      const round = (rounds.get(task) ?? 0) + 1;
      rounds.set(task, round);
      if (round % 3 === 0) {
        out.push({
          type: 'output',
          stream: 'stdout',
          text: `worker ${task - 1} round ${round}\n`,
          task,
          thread: null,
          t: now,
          chain: [{ fn: 'worker', line: LINES.print }],
        });
      }
      if (finishing()) {
        out.push({
          type: 'task.end',
          h: entry.h,
          task,
          cpu: 1,
          outcome: 'result',
          repr: String(round),
        });
        workersLeft -= 1;
        if (workersLeft === 0) {
          const h = handle();
          out.push({ type: 'ready', h, task: 1, by: entry.h });
          ready.push({ h, task: 1, timer: null });
        }
        continue;
      }
      // Durations from 0.1 to 0.9 s that differ by task and round, so steps spread out.
      const duration = (((task * 7 + round * 3) % 9) + 1) / 10;
      const timer: Timer = { h: handle(), when: Number((now + duration).toFixed(6)), task };
      timers.push(timer);
      out.push({ type: 'timer', h: timer.h, when: timer.when, callback: 'sleep', by: entry.h });
      out.push({
        type: 'task.suspend',
        h: entry.h,
        task,
        reason: { kind: 'sleep', until: timer.when },
        chain: [{ fn: 'worker', line: LINES.sleep }],
        cpu: 1,
      });
    }
  }
  out.push({
    type: 'run.end',
    outcome: 'ok',
    exitCode: 0,
    virtualTime: now,
    wallMs: 0,
    events: out.length + 1,
  });
  return out;
}
