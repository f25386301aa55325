import { useEffect } from 'react';
import { useStore } from 'zustand';
import { describeMoment } from './model/momentWords';
import { shownMoment, shownMomentCount, shownPosition } from './model/playbackMoments';
import { cursorMoment, PLAYBACK_SPEEDS, type TimelineStore } from './timelineSlice';

interface PlaybackBarProps {
  readonly timeline: TimelineStore;
}

/** The keys playback answers to anywhere in the timeline pane (see `playbackKey`). */
export const PLAYBACK_KEYS = {
  back: ',',
  forward: '.',
  playPause: 'k',
  start: 'Home',
  end: 'End',
} as const;

/** What playback counts, for the playback bar's description. */
export const MOMENT_MEANING =
  'Playback goes moment by moment. A moment is one thing your program did: a task ran until ' +
  'its next await, one of your callbacks ran, or something was printed. ' +
  "asyncio's own bookkeeping (a sleep's timer, gather noting a task done) is part of the moment " +
  "it leads to, unless Show asyncio's helper tasks is ticked.";

/**
 * Play/pause, step back and forward one moment (see MOMENT_MEANING), jump to
 * the start or end, speed and a scrubber.
 */
export function PlaybackBar({ timeline }: PlaybackBarProps) {
  const model = useStore(timeline, (state) => state.timeline);
  useStore(timeline, (state) => state.timelineVersion);
  const playback = useStore(timeline, (state) => state.playback);
  const { showInternal } = playback;
  const count = model === null ? 0 : shownMomentCount(model, showInternal);
  const at = cursorMoment(model, playback);
  const position = model === null || at === null ? null : shownPosition(model, showInternal, at);
  const actions = timeline.getState();

  useEffect(() => {
    if (!playback.playing) return;
    const timer = setInterval(() => {
      timeline.getState().stepBy(1);
    }, 1000 / playback.speed);
    return () => {
      clearInterval(timer);
    };
  }, [playback.playing, playback.speed, timeline]);

  const moment = at === null ? undefined : model?.moments[at];
  const step = moment === undefined ? undefined : model?.steps[moment.step];
  // "Yet" only while the run goes on: a run stopped inside its first step has nothing to come.
  const nothing =
    model?.ended === true
      ? 'Nothing to play: no step finished before the run ended'
      : 'Nothing to play yet';
  const words =
    model === null || at === null || position === null
      ? nothing
      : `Moment ${position + 1} of ${count}: ${describeMoment(model, at)}` +
        (step === undefined ? '' : `, at ${step.t1.toFixed(3)} s`) +
        (playback.moment === null ? ' (the end)' : '');
  const empty = count === 0;
  return (
    <div
      role="toolbar"
      aria-label="Playback"
      aria-description={MOMENT_MEANING}
      className="playback-bar"
    >
      <button
        type="button"
        aria-keyshortcuts={PLAYBACK_KEYS.start}
        disabled={empty}
        onClick={() => {
          actions.seek(0);
        }}
      >
        Jump to start
      </button>
      <button
        type="button"
        aria-keyshortcuts={PLAYBACK_KEYS.back}
        disabled={empty || position === 0}
        onClick={() => {
          actions.stepBy(-1);
        }}
      >
        Step back
      </button>
      <button
        type="button"
        aria-keyshortcuts={PLAYBACK_KEYS.playPause}
        disabled={empty}
        onClick={() => {
          actions.setPlaying(!playback.playing);
        }}
      >
        {playback.playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        aria-keyshortcuts={PLAYBACK_KEYS.forward}
        disabled={empty || playback.moment === null}
        onClick={() => {
          actions.stepBy(1);
        }}
      >
        Step forward
      </button>
      <button
        type="button"
        aria-keyshortcuts={PLAYBACK_KEYS.end}
        disabled={empty || playback.moment === null}
        onClick={() => {
          actions.seek(null);
        }}
      >
        Jump to end
      </button>
      <label className="playback-speed">
        Speed{' '}
        <select
          value={playback.speed}
          onChange={(event) => {
            const speed = PLAYBACK_SPEEDS.find((each) => String(each) === event.target.value);
            if (speed !== undefined) actions.setSpeed(speed);
          }}
        >
          {PLAYBACK_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed} per second
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        aria-label="Playback position"
        aria-valuetext={words}
        min={0}
        max={Math.max(0, count - 1)}
        value={position ?? 0}
        disabled={empty}
        onChange={(event) => {
          const next = Number(event.target.value);
          if (model === null) return;
          actions.seek(next >= count - 1 ? null : (shownMoment(model, showInternal, next) ?? null));
        }}
      />
      <span className="playback-position">{words}</span>
    </div>
  );
}

/** Runs the playback action for a key pressed in the timeline pane; true when it was one. */
export function playbackKey(timeline: TimelineStore, key: string): boolean {
  const actions = timeline.getState();
  switch (key) {
    case PLAYBACK_KEYS.back:
      actions.stepBy(-1);
      return true;
    case PLAYBACK_KEYS.forward:
      actions.stepBy(1);
      return true;
    case PLAYBACK_KEYS.playPause:
      actions.setPlaying(!actions.playback.playing);
      return true;
    case PLAYBACK_KEYS.start:
      actions.seek(0);
      return true;
    case PLAYBACK_KEYS.end:
      actions.seek(null);
      return true;
    default:
      return false;
  }
}
