import { describe, expect, it } from 'vitest';
import { goldenNames, readGoldenTrace } from '../../../tests/golden/goldenTrace';
import { syntheticTrace } from '../../../tools/trace/syntheticTrace';
import type { TraceEvent } from '../../runtime/traceSchema';
import { LOOP_TID, STEP_WIDTH_US, toChromeTrace, type ChromeTraceEvent } from './chromeTrace';
import { chromeTraceProblems } from './chromeTraceChecks.node';

const threadNames = (events: readonly ChromeTraceEvent[]): Map<number, unknown> =>
  new Map(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name')
      .map((event) => [event.tid, event.args?.name]),
  );

describe('toChromeTrace', () => {
  it.each(goldenNames())('writes %s in the Chrome trace format', (name) => {
    const trace = toChromeTrace(readGoldenTrace(name));
    // Through JSON, as a file is read.
    expect(chromeTraceProblems(JSON.parse(JSON.stringify(trace)))).toEqual([]);
  });

  it('is the same file for the same trace whatever the steps measured', () => {
    const events = readGoldenTrace('queue_workers');
    const measured = events.map((event) =>
      'cpu' in event && typeof event.cpu === 'number' ? { ...event, cpu: 12_345 } : event,
    );
    const layout = (trace: ReturnType<typeof toChromeTrace>) =>
      trace.traceEvents.map(({ name, ph, ts, dur, tid }) => ({ name, ph, ts, dur, tid }));
    expect(layout(toChromeTrace(measured))).toEqual(layout(toChromeTrace(events)));
  });

  describe('gather_sleeps', () => {
    const trace = toChromeTrace(readGoldenTrace('gather_sleeps'));
    const { traceEvents } = trace;

    it('has a process, a track for the loop and one per task, named as the timeline names them', () => {
      // Microseconds, the format's default unit: no displayTimeUnit (chromeTrace.ts).
      expect(trace).not.toHaveProperty('displayTimeUnit');
      expect(traceEvents).toContainEqual(
        expect.objectContaining({ ph: 'M', name: 'process_name', args: { name: 'Loopscope run' } }),
      );
      const names = threadNames(traceEvents);
      expect(names.get(LOOP_TID)).toBe('Event loop (callbacks)');
      expect(names.get(1)).toBe('Task-1 · main()');
      expect([2, 3, 4].map((task) => names.get(task))).toEqual([
        "Task-2 · fetch('a', 1)",
        "Task-3 · fetch('b', 2)",
        "Task-4 · fetch('c', 3)",
      ]);
    });

    it('writes prints as thread instants with their text, on the task that printed', () => {
      const prints = traceEvents.filter((event) => event.ph === 'i');
      expect(prints.map((event) => [event.tid, event.args?.text, event.s])).toEqual([
        [2, 'a done\n', 't'],
        [3, 'b done\n', 't'],
        [4, 'c done\n', 't'],
        [1, "['a', 'b', 'c']\n", 't'],
      ]);
      // Virtual time is the clock: each print at its second, after the sleep's timer that woke it.
      const W = STEP_WIDTH_US;
      expect(prints.map((event) => event.ts)).toEqual([1e6 + W, 2e6 + W, 3e6 + W, 3e6 + 3 * W]);
    });

    it('names waits by their reason and spans them to the step that resumes the task', () => {
      const waits = traceEvents.filter((event) => event.cat === 'wait');
      expect(waits.map((event) => [event.tid, event.name])).toEqual([
        [2, 'sleep until 1.0 s'],
        [3, 'sleep until 2.0 s'],
        [4, 'sleep until 3.0 s'],
        [1, 'gather (3 left)'],
      ]);
      const resumed = (tid: number, wait: ChromeTraceEvent) =>
        traceEvents.find(
          (event) => event.cat === 'step' && event.tid === tid && event.ts > wait.ts,
        );
      for (const wait of waits) {
        expect(wait.ts + (wait.dur ?? 0)).toBe(resumed(wait.tid, wait)?.ts);
      }
    });

    it('lays the steps of one instant one after another from that instant', () => {
      const atZero = traceEvents.filter((event) => event.cat === 'step' && event.ts < 1e6);
      expect(atZero.map((event) => [event.tid, event.ts, event.dur])).toEqual([
        [1, 0, STEP_WIDTH_US],
        [2, STEP_WIDTH_US, STEP_WIDTH_US],
        [3, 2 * STEP_WIDTH_US, STEP_WIDTH_US],
        [4, 3 * STEP_WIDTH_US, STEP_WIDTH_US],
      ]);
    });

    it('draws the creations from main and the wake-ups from the sleep timers', () => {
      const flows = traceEvents.filter((event) => event.ph === 's' || event.ph === 'f');
      const pairs = new Map<number, string[]>();
      for (const event of flows) {
        pairs.set(event.id ?? -1, [
          ...(pairs.get(event.id ?? -1) ?? []),
          `${event.ph}${String(event.tid)}`,
        ]);
      }
      const byName = (name: string) =>
        [...new Set(flows.filter((event) => event.name === name).map((event) => event.id))].map(
          (id) => pairs.get(id ?? -1),
        );
      expect(byName('create')).toEqual([
        ['s1', 'f2'],
        ['s1', 'f3'],
        ['s1', 'f4'],
      ]);
      // Each sleep's timer (a loop callback) wakes its task; the last gather callback wakes main.
      expect(byName('wake')).toEqual([
        [`s${String(LOOP_TID)}`, 'f2'],
        [`s${String(LOOP_TID)}`, 'f3'],
        [`s${String(LOOP_TID)}`, 'f4'],
        [`s${String(LOOP_TID)}`, 'f1'],
      ]);
      expect(flows.filter((event) => event.ph === 'f').every((event) => event.bp === 'e')).toBe(
        true,
      );
    });
  });

  it('shares out an instant among more steps than fit before the next one', () => {
    const events = readGoldenTrace('gather_sleeps').map((event) =>
      // Timers 1 µs apart instead of a second.
      event.type === 'iteration' ? { ...event, t: event.t / 1e6 } : event,
    );
    const { traceEvents } = toChromeTrace(events);
    const steps = traceEvents.filter((event) => event.cat === 'step' && event.ts < 1);
    // Four steps at 0 and a 1 µs gap: they share it, whole microseconds each.
    expect(steps.map((event) => event.dur)).toEqual([0, 0, 0, 0]);
    expect(
      chromeTraceProblems(JSON.parse(JSON.stringify({ traceEvents, displayTimeUnit: 'ms' }))),
    ).toEqual([]);
  });
});

describe('toChromeTrace, beyond the golden programs', () => {
  it('keeps a long run well formed', () => {
    const trace = toChromeTrace(syntheticTrace({ events: 200_000, tasks: 50 }));
    expect(chromeTraceProblems(JSON.parse(JSON.stringify(trace)))).toEqual([]);
  });

  it("draws an eager task's first step over the step that created it, and its wake-up after", () => {
    const sleep = { kind: 'sleep', until: 1 };
    const events: TraceEvent[] = [
      { type: 'run.start', version: 5, file: 'eager.py', python: '3.14.2', traced: true },
      { type: 'iteration', n: 1, t: 0 },
      {
        type: 'task.create',
        task: 2,
        name: 'Task-2',
        coro: 'child()',
        parent: 1,
        line: 5,
        api: 'create_task',
        by: 1,
        internal: false,
      },
      { type: 'timer', h: 2, when: 1, callback: 'sleep', by: 1, internal: true },
      { type: 'task.suspend', h: null, task: 2, reason: sleep, chain: [], cpu: null },
      { type: 'task.suspend', h: 1, task: 1, reason: { kind: 'task', task: 2 }, chain: [], cpu: 3 },
      { type: 'iteration', n: 2, t: 1, due: [2] },
      { type: 'ready', h: 3, task: 2, by: 2 },
      { type: 'step', h: 2, cpu: 1 },
      { type: 'iteration', n: 3, t: 1 },
      { type: 'task.end', outcome: 'result', h: 3, task: 2, cpu: 1, repr: 'None' },
    ];
    const { traceEvents } = toChromeTrace(events);
    const slices = traceEvents.filter((event) => event.ph === 'X');
    expect(slices.map((event) => [event.tid, event.name, event.ts, event.dur])).toEqual([
      [2, 'child()', 0, STEP_WIDTH_US],
      [1, 'Task-1', 0, STEP_WIDTH_US],
      [LOOP_TID, 'sleep', 1e6, STEP_WIDTH_US],
      [2, 'sleep until 1.0 s', STEP_WIDTH_US, 1e6],
      [2, 'child()', 1e6 + STEP_WIDTH_US, STEP_WIDTH_US],
      [1, 'waits for Task-2 · child()', STEP_WIDTH_US, 1e6 + STEP_WIDTH_US],
    ]);
    // Its first `ready` is a wake-up by the sleep's timer, not its creation.
    const flows = traceEvents.filter((event) => event.ph === 's' || event.ph === 'f');
    expect(flows.map((event) => [event.name, event.ph, event.tid, event.ts])).toEqual([
      ['create', 's', 1, 0],
      ['create', 'f', 2, 0],
      ['wake', 's', LOOP_TID, 1e6],
      ['wake', 'f', 2, 1e6 + STEP_WIDTH_US],
    ]);
    expect(
      chromeTraceProblems(JSON.parse(JSON.stringify({ traceEvents, displayTimeUnit: 'ms' }))),
    ).toEqual([]);
  });
});

describe('chromeTraceProblems', () => {
  const named = { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 1, args: { name: 't' } };
  /** The problems of a file of one named thread and these events. */
  const problemsWith = (...events: unknown[]) =>
    chromeTraceProblems({ traceEvents: [named, ...events], displayTimeUnit: 'ms' });
  const slice = (name: string, ts: number, dur: number) => ({
    name,
    ph: 'X',
    ts,
    dur,
    pid: 1,
    tid: 1,
  });

  it('finds slices that overlap without nesting, unpaired flows and unnamed threads', () => {
    expect(
      problemsWith(slice('a', 0, 10), slice('b', 5, 10), {
        name: 'w',
        cat: 'flow',
        ph: 's',
        id: 1,
        ts: 0,
        pid: 1,
        tid: 2,
      }),
    ).toEqual([
      "flow flow:1 is not one 's' and one 'f'",
      'tid 2 has no thread_name',
      'on tid 1, "b" overlaps "a"',
    ]);
  });

  it('takes nested slices and a negative duration for what they are', () => {
    expect(problemsWith(slice('a', 0, 10), slice('b', 2, 3), slice('c', 20, -1))).toEqual([
      'complete event 3 has no dur ≥ 0',
    ]);
  });
});
