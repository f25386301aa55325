/**
 * The timeline's slice of the page's store: the model of the current run
 * (built as its trace streams in), the previous run's for comparison, and
 * the playback cursor. The model grows in place; `timelineVersion` says it
 * changed.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { TraceEvent } from '../../runtime/traceSchema';
import type { SliceCreator } from '../../shared/storeSlice';
import { timersOf, type TimerOptions } from '../../shared/timers';
import {
  servingMoment,
  shownMoment,
  shownMomentCount,
  shownPosition,
} from './model/playbackMoments';
import { lastAtOrBefore, markAt } from './model/sortedSearch';
import type { Edge, PrintMark } from './model/types';
import {
  createTimelineBuilder,
  type TimelineBuilder,
  type TimelineModel,
} from './model/timelineBuilder';
import { readEventRows } from './words/eventRows';

/** Playback speeds offered, in moments per second. */
export const PLAYBACK_SPEEDS = [1, 2, 4, 8, 16] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

export interface Playback {
  /**
   * The moment shown (an index into `timeline.moments`, always one playback
   * shows: see playbackMoments.ts); null: the end, following a live run.
   */
  readonly moment: number | null;
  readonly playing: boolean;
  readonly speed: PlaybackSpeed;
  /** asyncio's helper tasks and its own callbacks are shown (lanes and moments), not folded away. */
  readonly showInternal: boolean;
}

export interface TimelineSlice {
  readonly timeline: TimelineModel | null;
  /** The last run before the current one that ran a step: drawn above it when the learner asks. */
  readonly previousTimeline: TimelineModel | null;
  /** Changes with every batch of the current run. */
  readonly timelineVersion: number;
  readonly playback: Playback;
  /** A new run begins: the current timeline becomes the previous one, if it ran. */
  startTimeline(): void;
  receiveTrace(events: readonly TraceEvent[]): void;
  /**
   * Shows a moment (clamped to those there are; one of asyncio's own, while
   * they are folded away, shows the learner's moment it serves); null shows the end.
   */
  seek(moment: number | null): void;
  /** Moves the cursor by `delta` moments shown; stepping past the last one shows the end. */
  stepBy(delta: number): void;
  /** Plays from the cursor (from the start when it is at the end), or pauses. */
  setPlaying(playing: boolean): void;
  setSpeed(speed: PlaybackSpeed): void;
  /** Shows asyncio's helper tasks and callbacks, or folds them into the learner's moments. */
  setShowInternal(show: boolean): void;
}

export type TimelineStore = StoreApi<TimelineSlice>;

const START: Playback = { moment: null, playing: false, speed: 2, showInternal: false };

/**
 * While a run streams in, views are told of new events at most this often:
 * a batch arrives every few milliseconds, and redrawing the pane for each
 * one left the page no time to answer the learner.
 */
export const STREAMING_REDRAW_MS = 150;

/** The moment the cursor stands at: the last one shown when it shows the end. */
export function cursorMoment(model: TimelineModel | null, playback: Playback): number | null {
  if (model === null) return null;
  const count = shownMomentCount(model, playback.showInternal);
  return playback.moment ?? shownMoment(model, playback.showInternal, count - 1) ?? null;
}

export function createTimelineSlice(options: TimerOptions = {}): SliceCreator<TimelineSlice> {
  const { setTimer, clearTimer } = timersOf(options);
  return (set, get) => {
    let builder: TimelineBuilder | null = null;
    let redraw: unknown = null;

    const announce = (): void => {
      if (redraw !== null) clearTimer(redraw);
      redraw = null;
      set((state) => ({ timelineVersion: state.timelineVersion + 1 }));
    };

    const clamp = (moment: number | null, showInternal: boolean): number | null => {
      const { timeline } = get();
      if (moment === null || timeline === null) return null;
      return servingMoment(timeline, showInternal, Math.max(0, moment)) ?? null;
    };

    return {
      timeline: null,
      previousTimeline: null,
      timelineVersion: 0,
      playback: START,

      startTimeline() {
        if (redraw !== null) clearTimer(redraw);
        redraw = null;
        builder = createTimelineBuilder();
        set((state) => ({
          // A run that never started (a syntax error, Stop while Python loaded) has nothing to compare.
          previousTimeline:
            state.timeline !== null && state.timeline.steps.length > 0
              ? state.timeline
              : state.previousTimeline,
          timeline: builder?.model ?? null,
          timelineVersion: state.timelineVersion + 1,
          playback: {
            ...START,
            speed: state.playback.speed,
            showInternal: state.playback.showInternal,
          },
        }));
      },

      receiveTrace(events) {
        if (builder === null) return;
        builder.append(events);
        // The event table's rows are described here, a batch per message, not
        // all at once by the first render after many batches.
        readEventRows(builder.model);
        if (builder.model.ended) announce();
        else redraw ??= setTimer(announce, STREAMING_REDRAW_MS);
      },

      seek(moment) {
        set((state) => ({
          playback: { ...state.playback, moment: clamp(moment, state.playback.showInternal) },
        }));
      },

      stepBy(delta) {
        const { timeline, playback } = get();
        const at = cursorMoment(timeline, playback);
        if (at === null || timeline === null) return;
        const { showInternal } = playback;
        const next = shownPosition(timeline, showInternal, at) + delta;
        const past = next >= shownMomentCount(timeline, showInternal);
        set({
          playback: {
            ...playback,
            moment: past ? null : (shownMoment(timeline, showInternal, Math.max(0, next)) ?? null),
            playing: past ? false : playback.playing,
          },
        });
      },

      setPlaying(playing) {
        const { timeline, playback } = get();
        const first =
          timeline === null ? undefined : shownMoment(timeline, playback.showInternal, 0);
        if (!playing || first === undefined) {
          set({ playback: { ...playback, playing: false } });
          return;
        }
        set({ playback: { ...playback, playing: true, moment: playback.moment ?? first } });
      },

      setSpeed(speed) {
        set((state) => ({ playback: { ...state.playback, speed } }));
      },

      setShowInternal(show) {
        set((state) => ({
          playback: {
            ...state.playback,
            showInternal: show,
            moment: clamp(state.playback.moment, show),
          },
        }));
      },
    };
  };
}

/** How many writes to the output have happened at `moment` (the rest is printed later). */
export function writesAt(model: TimelineModel, moment: number): number {
  const event = model.moments[moment]?.event ?? Number.POSITIVE_INFINITY;
  return lastAtOrBefore(model.prints, event, printEvent) + 1;
}

const printEvent = (mark: PrintMark): number => mark.event;

/**
 * The moment at timeline position `edge`: the last one at or before it (the
 * first when the edge is before them all); null past the last (the end).
 */
export function momentAtEdge(model: TimelineModel, edge: Edge): number | null {
  const { moments } = model;
  if (moments.length === 0 || edge > (moments[moments.length - 1]?.at ?? 0)) return null;
  return Math.max(0, lastAtOrBefore(moments, edge, markAt));
}
