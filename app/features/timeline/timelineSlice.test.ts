import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { readGoldenTrace } from '../../../tests/golden/goldenTrace';
import { buildTimeline } from './model/timelineBuilder';
import { stepEnd, stepStart } from './model/types';
import {
  createTimelineSlice,
  cursorMoment,
  momentAtEdge,
  writesAt,
  type TimelineSlice,
} from './timelineSlice';
import type * as EventRows from './words/eventRows';
import { eventRows, readEventRows } from './words/eventRows';

// Wrapped to see when the event table's rows are described; they still are.
vi.mock('./words/eventRows', async (importOriginal) => {
  const actual = await importOriginal<typeof EventRows>();
  return { ...actual, readEventRows: vi.fn(actual.readEventRows) };
});

function timelineStore() {
  return createStore<TimelineSlice>()((set, get) => createTimelineSlice()(set, get));
}

describe('the timeline slice', () => {
  it('tells views of a streaming run at most once per interval, and at once when it ends', () => {
    const timers: (() => void)[] = [];
    const store = createStore<TimelineSlice>()((set, get) =>
      createTimelineSlice({
        setTimer: (callback) => timers.push(callback),
        clearTimer: () => undefined,
      })(set, get),
    );
    const events = readGoldenTrace('gather_sleeps');
    store.getState().startTimeline();
    const started = store.getState().timelineVersion;
    for (const event of events.slice(0, 10)) store.getState().receiveTrace([event]);
    expect(timers).toHaveLength(1);
    expect(store.getState().timelineVersion).toBe(started);
    timers[0]?.();
    expect(store.getState().timelineVersion).toBe(started + 1);
    store.getState().receiveTrace(events.slice(10));
    expect(store.getState().timelineVersion).toBe(started + 2);
  });

  it('builds the model as batches arrive and keeps the last run for comparison', () => {
    const store = timelineStore();
    const events = readGoldenTrace('seed_greet');
    store.getState().startTimeline();
    store.getState().receiveTrace(events.slice(0, 5));
    store.getState().receiveTrace(events.slice(5));
    const first = store.getState().timeline;
    expect(first?.events).toHaveLength(events.length);
    expect(first?.ended).toBe(true);

    store.getState().startTimeline();
    expect(store.getState().previousTimeline).toBe(first);
    expect(store.getState().timeline?.events).toEqual([]);
  });

  it('describes the event table’s rows as each batch arrives, not when a view renders', () => {
    const store = timelineStore();
    const events = readGoldenTrace('gather_sleeps');
    store.getState().startTimeline();
    const model = store.getState().timeline;
    vi.mocked(readEventRows).mockClear();
    for (let at = 0; at < events.length; at += 8) {
      store.getState().receiveTrace(events.slice(at, at + 8));
      expect(readEventRows).toHaveBeenLastCalledWith(model);
    }
    expect(readEventRows).toHaveBeenCalledTimes(Math.ceil(events.length / 8));
    expect(model && eventRows(model)).toEqual(eventRows(buildTimeline(events)));
  });

  it('keeps the last run that ran a step for comparison, not one that never started', () => {
    const store = timelineStore();
    store.getState().startTimeline();
    store.getState().receiveTrace(readGoldenTrace('gather_sleeps'));
    const ran = store.getState().timeline;
    store.getState().startTimeline();
    // This run stops before its first step.
    store.getState().startTimeline();
    expect(store.getState().previousTimeline).toBe(ran);
  });

  it("follows the end until the learner steps, and steps through the learner's moments only", () => {
    const store = timelineStore();
    store.getState().startTimeline();
    store.getState().receiveTrace(readGoldenTrace('gather_sleeps'));
    const { timeline } = store.getState();
    // Task-1's last moment: asyncio.run's closing callbacks and helper tasks come after it.
    expect(cursorMoment(timeline, store.getState().playback)).toBe(17);

    store.getState().stepBy(-1);
    expect(store.getState().playback.moment).toBe(16);
    store.getState().seek(-5);
    expect(store.getState().playback.moment).toBe(0);
    store.getState().stepBy(-1);
    expect(store.getState().playback.moment).toBe(0);
    store.getState().stepBy(4);
    // Moment 4 is the sleep's timer firing: it is part of Task-2's print that it led to.
    expect(store.getState().playback.moment).toBe(5);
    store.getState().seek(4);
    expect(store.getState().playback.moment).toBe(5);
    store.getState().seek(20);
    expect(store.getState().playback.moment).toBe(17);
    store.getState().stepBy(1);
    expect(store.getState().playback.moment).toBeNull();
  });

  it("steps through asyncio's own moments too once they are shown, and folds them away again", () => {
    const store = timelineStore();
    store.getState().startTimeline();
    store.getState().receiveTrace(readGoldenTrace('gather_sleeps'));
    store.getState().seek(5);
    store.getState().setShowInternal(true);
    store.getState().stepBy(-1);
    expect(store.getState().playback.moment).toBe(4);
    expect(
      cursorMoment(store.getState().timeline, { ...store.getState().playback, moment: null }),
    ).toBe(22);
    store.getState().setShowInternal(false);
    expect(store.getState().playback).toMatchObject({ moment: 5, showInternal: false });
    store.getState().startTimeline();
    expect(store.getState().playback.showInternal).toBe(false);
    store.getState().setShowInternal(true);
    store.getState().startTimeline();
    expect(store.getState().playback.showInternal).toBe(true);
  });

  it('plays from the start when at the end, and stops playing at the end', () => {
    const store = timelineStore();
    store.getState().startTimeline();
    store.getState().receiveTrace(readGoldenTrace('seed_greet'));
    store.getState().setPlaying(true);
    expect(store.getState().playback).toMatchObject({ playing: true, moment: 0 });
    // Two prints and Task-1 finishing: the seed program's own moments.
    for (let moment = 0; moment < 2; moment += 1) store.getState().stepBy(1);
    expect(store.getState().playback).toMatchObject({ playing: true, moment: 2 });
    store.getState().stepBy(1);
    expect(store.getState().playback).toMatchObject({ playing: false, moment: null });
  });

  it('counts the writes to the output that have happened at a moment', () => {
    const store = timelineStore();
    store.getState().startTimeline();
    store.getState().receiveTrace(readGoldenTrace('seed_greet'));
    const model = store.getState().timeline;
    if (model === null) throw new Error('no model');
    expect([0, 1, 2].map((moment) => writesAt(model, moment))).toEqual([1, 2, 2]);
  });
});

describe('a click on the timeline', () => {
  it('moves playback to the last moment at or before it, or to the end past them all', () => {
    const store = timelineStore();
    store.getState().startTimeline();
    store.getState().receiveTrace(readGoldenTrace('gather_sleeps'));
    const model = store.getState().timeline;
    if (model === null) throw new Error('no model');
    expect(momentAtEdge(model, stepStart(0))).toBe(0);
    expect(momentAtEdge(model, stepEnd(0))).toBe(0);
    expect(momentAtEdge(model, stepEnd(3))).toBe(3);
    expect(momentAtEdge(model, stepStart(4))).toBe(3);
    expect(momentAtEdge(model, stepEnd(model.steps.length + 5))).toBeNull();
  });
});
