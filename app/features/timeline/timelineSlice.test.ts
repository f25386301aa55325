import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { readGoldenTrace } from '../../../tests/golden/goldenTrace';
import { stepEnd, stepStart } from './model/types';
import {
  createTimelineSlice,
  cursorMoment,
  momentAtEdge,
  writesAt,
  type TimelineSlice,
} from './timelineSlice';

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

  it('follows the end until the learner steps, and steps within the moments there are', () => {
    const store = timelineStore();
    store.getState().startTimeline();
    store.getState().receiveTrace(readGoldenTrace('gather_sleeps'));
    const { timeline } = store.getState();
    const last = (timeline?.moments.length ?? 0) - 1;
    expect(cursorMoment(timeline, store.getState().playback)).toBe(last);

    store.getState().stepBy(-1);
    expect(store.getState().playback.moment).toBe(last - 1);
    store.getState().seek(-5);
    expect(store.getState().playback.moment).toBe(0);
    store.getState().stepBy(-1);
    expect(store.getState().playback.moment).toBe(0);
    store.getState().seek(last);
    store.getState().stepBy(1);
    expect(store.getState().playback.moment).toBeNull();
  });

  it('plays from the start when at the end, and stops playing at the end', () => {
    const store = timelineStore();
    store.getState().startTimeline();
    store.getState().receiveTrace(readGoldenTrace('seed_greet'));
    store.getState().setPlaying(true);
    expect(store.getState().playback).toMatchObject({ playing: true, moment: 0 });
    const count = store.getState().timeline?.moments.length ?? 0;
    for (let moment = 0; moment < count; moment += 1) store.getState().stepBy(1);
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
