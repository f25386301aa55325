import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { orderLanes } from './laneOrder';
import { buildTimeline, createTimelineBuilder, type TimelineModel } from './timelineBuilder';
import { stepEnd, stepStart, type Lane, type Segment } from './types';

function lane(model: TimelineModel, key: string): Lane {
  const found = model.laneByKey.get(key);
  if (!found) throw new Error(`no lane ${key}`);
  return found;
}

function kinds(segments: readonly Segment[]): string[] {
  return segments.map((segment) => segment.kind);
}

function suspendedLabels(target: Lane): string[] {
  return target.segments
    .filter((segment) => segment.kind === 'suspended')
    .map((segment) => segment.label);
}

describe('the timeline model of a gather of three sleeps', () => {
  const model = buildTimeline(readGoldenTrace('gather_sleeps'));

  it('has a lane per task, children nested under main, helpers hidden', () => {
    expect(orderLanes(model, { showInternal: false }).map((each) => each.label)).toEqual([
      'Task-1 · main()',
      "Task-2 · fetch('a', 1)",
      "Task-3 · fetch('b', 2)",
      "Task-4 · fetch('c', 3)",
    ]);
    expect(orderLanes(model, { showInternal: false }).map((each) => each.depth)).toEqual([
      0, 1, 1, 1,
    ]);
    expect(orderLanes(model, { showInternal: true })).toHaveLength(6);
  });

  it('says what each task waits on', () => {
    expect(suspendedLabels(lane(model, 'task:1'))).toEqual(['gather (3 left)']);
    expect(suspendedLabels(lane(model, 'task:2'))).toEqual(['sleep 1 s']);
    expect(suspendedLabels(lane(model, 'task:3'))).toEqual(['sleep 2 s']);
    expect(suspendedLabels(lane(model, 'task:4'))).toEqual(['sleep 3 s']);
    expect(kinds(lane(model, 'task:2').segments)).toEqual([
      'ready',
      'running',
      'suspended',
      'ready',
      'running',
    ]);
  });

  it('lays the segments end to end, in order', () => {
    for (const each of model.lanes) {
      for (const [index, segment] of each.segments.entries()) {
        expect(segment.to).not.toBeNull();
        expect(segment.to ?? 0).toBeGreaterThanOrEqual(segment.from);
        const next = each.segments[index + 1];
        if (next) expect(next.from).toBe(segment.to);
      }
    }
  });

  it('draws arrows: main creates the children, timers wake them, the last child wakes main', () => {
    const creates = model.arrows.filter((arrow) => arrow.kind === 'create');
    expect(creates.map((arrow) => [arrow.fromLane, arrow.toLane, arrow.cause])).toEqual([
      ['task:1', 'task:2', 'gather'],
      ['task:1', 'task:3', 'gather'],
      ['task:1', 'task:4', 'gather'],
    ]);
    const wakes = model.arrows.filter((arrow) => arrow.kind === 'wake');
    expect(wakes.map((arrow) => [arrow.fromLane, arrow.toLane, arrow.cause])).toEqual([
      [null, 'task:2', 'timer'],
      [null, 'task:3', 'timer'],
      [null, 'task:4', 'timer'],
      ['task:4', 'task:1', 'task'],
    ]);
  });

  it('places the steps in loop iterations and in virtual time', () => {
    expect(model.virtualTime).toBe(3);
    expect(model.ended).toBe(true);
    const secondIteration = model.iterations[1];
    expect(secondIteration?.steps).toBe(3);
    const children = model.steps.slice(
      secondIteration?.firstStep,
      (secondIteration?.firstStep ?? 0) + 3,
    );
    expect(children.map((step) => [step.task, step.slot, step.t0, step.line])).toEqual([
      [2, 0, 0, 4],
      [3, 1, 0, 4],
      [4, 2, 0, 4],
    ]);
    const resumed = model.steps.filter((step) => step.task === 4);
    expect(resumed.map((step) => step.t0)).toEqual([0, 3]);
  });

  it('ends each task with its result', () => {
    expect(lane(model, 'task:2').outcome).toEqual({ kind: 'result', repr: "'a'" });
    expect(lane(model, 'task:1').outcome).toEqual({ kind: 'result', repr: 'None' });
  });

  it('rebuilds the loop: three children queued after main suspends, then three timers', () => {
    const mainSuspends = model.events.findIndex(
      (event) => event.type === 'task.suspend' && event.task === 1,
    );
    const afterMain = model.loopStateAt(mainSuspends);
    expect(afterMain.ran?.label).toBe('Task-1');
    expect(afterMain.ready.first(Infinity, true).map((handle) => handle.label)).toEqual([
      'Task-2',
      'Task-3',
      'Task-4',
    ]);
    expect(afterMain.waits.map((wait) => [wait.task, wait.reason.kind])).toEqual([[1, 'gather']]);

    const lastChildSuspends = model.events.findIndex(
      (event) => event.type === 'task.suspend' && event.task === 4,
    );
    const waiting = model.loopStateAt(lastChildSuspends);
    expect(waiting.ready.size).toBe(0);
    expect(waiting.timers.map((timer) => [timer.when, timer.task])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(waiting.waits.map((wait) => wait.task)).toEqual([1, 2, 3, 4]);

    const end = model.loopStateAt(model.events.length - 1);
    // Asked again for the same moment, the state is not rebuilt.
    expect(model.loopStateAt(model.events.length - 1)).toBe(end);
    expect(end.timers).toEqual([]);
    expect(end.waits).toEqual([]);
    expect(end.t).toBe(3);
  });
});

describe('the timeline model of the seed example', () => {
  const model = buildTimeline(readGoldenTrace('seed_greet'));

  it('has one lane that runs once, prints twice and ends', () => {
    const main = lane(model, 'task:1');
    expect(orderLanes(model, { showInternal: false })).toEqual([main]);
    expect(kinds(main.segments)).toEqual(['ready', 'running']);
    expect(main.endedAt).toBe(stepEnd(0));
    expect(model.prints.map((mark) => [mark.lane, mark.at, mark.text])).toEqual([
      ['task:1', stepEnd(0), 'Hello, Alice!\n'],
      ['task:1', stepEnd(0), 'Hello, Bob!\n'],
    ]);
    // Both come from greet's print, a click on either opens line 4.
    expect(model.prints.map((mark) => mark.line)).toEqual([4, 4]);
  });

  it('lets playback stop at each print inside the step, then at its end', () => {
    expect(model.moments.slice(0, 3).map((moment) => [moment.kind, moment.step])).toEqual([
      ['print', 0],
      ['print', 0],
      ['step-end', 0],
    ]);
  });

  it('never advances virtual time', () => {
    expect(model.virtualTime).toBe(0);
    expect(model.steps.every((step) => step.t0 === 0 && step.t1 === 0)).toBe(true);
  });
});

describe('the timeline model of a blocking call', () => {
  const model = buildTimeline(readGoldenTrace('blocking_sleep'));

  it('has a blocked band where time.sleep froze the loop, and an overlay that explains it', () => {
    expect(model.blocked).toHaveLength(1);
    const band = model.blocked[0];
    expect(band).toMatchObject({ task: 3, line: 12, t: 0.2, duration: 1 });
    const step = model.steps[band?.step ?? -1];
    expect([step?.task, step?.t0, step?.t1]).toEqual([3, 0.2, 1.2]);
    expect(model.overlays.map((overlay) => [overlay.kind, overlay.lane, overlay.line])).toEqual([
      ['blocking-call', 'task:3', 12],
    ]);
    expect(model.overlays[0]?.text).toMatch(
      /^Task-3 blocked the event loop at line 12 for 1 s: no other task could run/,
    );
  });
});

describe('the timeline model of a busy-wait', () => {
  const model = buildTimeline(readGoldenTrace('busy_wait'));

  it('draws it as a time.sleep: one blocked band, at the line that kept reading the clock', () => {
    expect(model.blocked).toHaveLength(1);
    const band = model.blocked[0];
    expect(band).toMatchObject({ task: 3, line: 13, t: 0.2, duration: 1 });
    const step = model.steps[band?.step ?? -1];
    expect([step?.task, step?.t0, step?.t1]).toEqual([3, 0.2, 1.2]);
    expect(model.overlays.map((overlay) => [overlay.kind, overlay.lane, overlay.line])).toEqual([
      ['blocking-call', 'task:3', 13],
    ]);
    // The words fit busy work as well as a blocking call.
    expect(model.overlays[0]?.text).toMatch(
      /^Task-3 blocked the event loop at line 13 for 1 s: .*busy work/,
    );
  });
});

describe('the timeline model of a TaskGroup whose child fails', () => {
  const model = buildTimeline(readGoldenTrace('taskgroup_failure'));

  it('ends the failing child with its exception and the siblings cancelled by it', () => {
    expect(lane(model, 'task:4').outcome).toEqual({
      kind: 'exception',
      error: 'ValueError',
      message: 'sensor offline',
      line: 13,
    });
    expect(lane(model, 'task:2').outcome).toEqual({ kind: 'cancelled' });
    expect(lane(model, 'task:3').outcome).toEqual({ kind: 'cancelled' });
    const cancels = model.arrows.filter((arrow) => arrow.kind === 'cancel');
    expect(cancels.map((arrow) => [arrow.fromLane, arrow.toLane])).toEqual([
      ['task:4', 'task:2'],
      ['task:4', 'task:3'],
      ['task:4', 'task:1'],
    ]);
    expect(suspendedLabels(lane(model, 'task:1'))).toEqual(['TaskGroup', 'TaskGroup']);
  });
});

describe('the timeline model of a worker thread and a timeout', () => {
  const model = buildTimeline(readGoldenTrace('thread_and_timeout'));

  it('gives each thread its own lane under the task that started it', () => {
    expect(orderLanes(model, { showInternal: false }).map((each) => each.label)).toEqual([
      'Task-1 · main()',
      'thread 1 · crunch',
      'thread 2 · crunch',
    ]);
    expect(lane(model, 'thread:1').segments.map((segment) => segment.kind)).toEqual(['running']);
    expect(lane(model, 'thread:1').endedAt).not.toBeNull();
  });

  it('shows the thread waking its task, and the timeout cancelling it', () => {
    const toMain = model.arrows.filter(
      (arrow) => arrow.toLane === 'task:1' && arrow.kind !== 'create',
    );
    expect(toMain.map((arrow) => [arrow.kind, arrow.fromLane, arrow.cause])).toEqual([
      ['wake', 'thread:1', 'thread'],
      ['cancel', null, 'timeout'],
      ['wake', null, 'timeout'],
    ]);
    const waits = lane(model, 'task:1').segments.filter((segment) => segment.kind === 'suspended');
    expect(waits.map((segment) => [segment.label, segment.reason?.deadline])).toEqual([
      ['worker thread', undefined],
      // The timeout at 1.5 s cut the second wait short, half a second in.
      ['worker thread — timed out after 0.5 s', 1.5],
    ]);
  });
});

describe('building while the trace streams in', () => {
  it('gives the same model one event at a time as all at once', () => {
    for (const name of [
      'gather_sleeps',
      'queue_workers',
      'taskgroup_failure',
      'thread_and_timeout',
    ]) {
      const events = readGoldenTrace(name);
      const whole = buildTimeline(events);
      const builder = createTimelineBuilder();
      for (const event of events) builder.append([event]);
      const streamed = builder.model;
      expect(streamed.lanes).toEqual(whole.lanes);
      expect(streamed.arrows).toEqual(whole.arrows);
      expect(streamed.steps).toEqual(whole.steps);
      expect(streamed.moments).toEqual(whole.moments);
      expect(streamed.version).toBe(events.length);
    }
  });

  it('leaves the segments of a run cut short open', () => {
    const events = readGoldenTrace('gather_sleeps');
    const cut = events.findIndex((event) => event.type === 'iteration' && event.n === 3);
    const model = buildTimeline(events.slice(0, cut));
    expect(model.ended).toBe(false);
    const last = lane(model, 'task:2').segments.at(-1);
    expect([last?.kind, last?.to]).toEqual(['suspended', null]);
    expect(last?.from).toBe(stepEnd(1));
    expect(lane(model, 'task:1').createdAt).toBe(stepStart(0));
  });
});
