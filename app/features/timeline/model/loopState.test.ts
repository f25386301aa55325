/**
 * The loop's state read from the model is the state the obvious replay gives:
 * an array for the ready queue that each step shifts or splices, rebuilt from
 * the first event (quadratic, as the tracker was before issue 12), compared
 * at every event, while the run streams in and after it has ended.
 */
import { describe, expect, it } from 'vitest';
import { goldenNames, readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import type { HandleId, TaskId, TraceEvent } from '../../../runtime/traceSchema';
import { createTimelineBuilder, type TimelineModel } from './timelineBuilder';

/** The state in plain data: what the old tracker published, by handle. */
interface PlainState {
  readonly t: number;
  readonly ready: readonly { readonly h: HandleId; readonly cancelled: boolean }[];
  readonly timers: readonly { readonly h: HandleId; readonly when: number }[];
  readonly waits: readonly TaskId[];
  readonly ran: HandleId | null;
}

/** The obvious replay, event by event, from the start. */
function referenceStates(events: readonly TraceEvent[]): PlainState[] {
  let t = 0;
  const ready: HandleId[] = [];
  const cancelled = new Set<HandleId>();
  const timers = new Map<HandleId, number>();
  const waits = new Set<TaskId>();
  let ran: HandleId | null = null;
  const runFront = (h: HandleId): void => {
    while (ready.length > 0 && cancelled.has(ready[0] ?? -1)) {
      cancelled.delete(ready.shift() ?? -1);
    }
    const at = ready.indexOf(h);
    if (at >= 0) ready.splice(at, 1);
    ran = h;
  };
  return events.map((event) => {
    if (event.type !== 'output' && event.type !== 'warning') ran = null;
    switch (event.type) {
      case 'iteration':
        t = event.t;
        for (const h of event.due ?? []) {
          timers.delete(h);
          ready.push(h);
        }
        break;
      case 'ready':
        ready.push(event.h);
        if (event.task !== undefined) waits.delete(event.task);
        break;
      case 'ready.cancel':
        cancelled.add(event.h);
        break;
      case 'timer':
        timers.set(event.h, event.when);
        break;
      case 'timer.cancel':
        timers.delete(event.h);
        break;
      case 'step':
        runFront(event.h);
        break;
      case 'task.suspend':
        if (event.h !== null) runFront(event.h);
        waits.add(event.task);
        break;
      case 'task.end':
        if (event.h !== null) runFront(event.h);
        waits.delete(event.task);
        break;
      case 'loop.blocked':
        t = Math.max(t, event.t + event.duration);
        break;
      default:
        break;
    }
    return {
      t,
      ready: ready.map((h) => ({ h, cancelled: cancelled.has(h) })),
      timers: [...timers]
        .map(([h, when]) => ({ h, when }))
        .sort((a, b) => a.when - b.when || a.h - b.h),
      waits: [...waits].sort((a, b) => a - b),
      ran,
    };
  });
}

/** The model's state at `event` in the same terms, checking what it counts against what it lists. */
function modelState(model: TimelineModel, event: number): PlainState {
  const state = model.loopStateAt(event);
  const all = state.ready.first(Infinity, true);
  const learners = state.ready.first(Infinity, false);
  expect(learners).toEqual(all.filter((handle) => !handle.internal));
  expect([state.ready.size, state.ready.learnerSize]).toEqual([all.length, learners.length]);
  expect(state.ready.front()?.h ?? null).toBe(all.find((handle) => !handle.cancelled)?.h ?? null);
  expect(state.ready.first(2, true)).toEqual(all.slice(0, 2));
  return {
    t: state.t,
    ready: all.map(({ h, cancelled }) => ({ h, cancelled })),
    timers: state.timers.map(({ h, when }) => ({ h, when })),
    waits: state.waits.map((wait) => wait.task),
    ran: state.ran?.h ?? null,
  };
}

/** Streams `events` into a model in batches of `batch`, comparing the live state after each. */
function expectSameStates(events: readonly TraceEvent[], batch: number): void {
  const expected = referenceStates(events);
  const builder = createTimelineBuilder();
  for (let start = 0; start < events.length; start += batch) {
    builder.append(events.slice(start, start + batch));
    const live = Math.min(start + batch, events.length) - 1;
    expect(modelState(builder.model, live), `live at event ${live}`).toEqual(expected[live]);
  }
  // Then every past event, backwards, so that each is rebuilt from a snapshot.
  for (let event = events.length - 1; event >= 0; event -= 1) {
    expect(modelState(builder.model, event), `at event ${event}`).toEqual(expected[event]);
  }
}

/** A made-up trace of only the events the loop's state follows (the model tolerates the gaps). */
function syntheticTrace(seed: number, length: number): TraceEvent[] {
  let state = seed;
  const random = (below: number): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
  const events: TraceEvent[] = [];
  const queued: HandleId[] = [];
  const timers: HandleId[] = [];
  let handles = 0;
  let t = 0;
  for (let n = 1; events.length < length; n += 1) {
    events.push({ type: 'iteration', n, t, due: timers.splice(0, random(3)) });
    for (let i = random(6); i > 0; i -= 1) {
      handles += 1;
      const h = handles;
      switch (random(5)) {
        case 0:
          events.push({ type: 'timer', h, when: t + random(4), callback: 'sleep', by: null });
          timers.push(h);
          break;
        case 1:
          // Cancelled before it is queued, or a queued one, or one already gone.
          events.push({ type: 'ready.cancel', h: random(2) === 0 ? h + 1 : random(h) + 1 });
          break;
        default: {
          const internal = random(3) === 0;
          events.push({
            type: 'ready',
            h,
            callback: 'tick',
            by: null,
            ...(internal ? { internal: true } : {}),
          });
          queued.push(h);
        }
      }
    }
    for (let i = random(5); i > 0 && queued.length > 0; i -= 1) {
      // Mostly the front; now and then one further back, or one never queued.
      const pick = random(8);
      const at = 0;
      const h = pick === 1 ? handles + 1000 : (queued.splice(at, 1)[0] ?? 0);
      events.push({ type: 'step', h, cpu: 0 });
    }
    if (timers.length > 0 && random(4) === 0) {
      events.push({ type: 'timer.cancel', h: timers.splice(random(timers.length), 1)[0] ?? 0 });
    }
    t += random(2);
  }
  return events;
}

describe('the loop state, against the obvious replay', () => {
  it.each(goldenNames())('gives the same state at every event of the golden trace %s', (name) => {
    const events = readGoldenTrace(name);
    expectSameStates(events, 1);
    expectSameStates(events, 7);
  });

  it.each([1, 2, 3])('gives the same state through a made-up trace (seed %i)', (seed) => {
    expectSameStates(syntheticTrace(seed, 6_000), 97);
  });

  it('keeps a queue of 20,000 callbacks in order, and reads it at any event without a replay', () => {
    const count = 20_000;
    const events: TraceEvent[] = [{ type: 'iteration', n: 1, t: 0 }];
    for (let h = 1; h <= count; h += 1) {
      events.push({ type: 'ready', h, callback: 'tick', by: null });
    }
    events.push({ type: 'iteration', n: 2, t: 0 });
    for (let h = 1; h <= count; h += 1) events.push({ type: 'step', h, cpu: 0 });
    const builder = createTimelineBuilder();
    builder.append(events);
    const halfway = builder.model.loopStateAt(count + 1 + count / 2);
    expect(halfway.ready.size).toBe(count / 2);
    expect(halfway.ready.first(3, false).map((handle) => handle.h)).toEqual([
      count / 2 + 1,
      count / 2 + 2,
      count / 2 + 3,
    ]);
    expect(halfway.ran?.h).toBe(count / 2);
    expect(builder.model.loopStateAt(events.length - 1).ready.size).toBe(0);
  });
});
