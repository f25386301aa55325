import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { Theme } from '../../shared/theme';
import { VIRTUAL_TIME_SENTENCE } from './canvas/TimelineLegend';
import type { TimelineImageSource } from './canvas/timelineImageSource';
import { TimelineView } from './canvas/TimelineView';
import { EventLoopPanel } from './EventLoopPanel';
import { PlaybackBar, playbackKey } from './PlaybackBar';
import { cursorMoment, momentAtEdge, type TimelineStore } from './timelineSlice';
import { EventTable } from './words/EventTable';
import { RunSummary, type LessonLinkFor } from './words/RunSummary';
import './timeline.css';

/**
 * While a run streams in, the summary is written again every this many
 * versions (about every 2 s: see STREAMING_REDRAW_MS); it reads the whole
 * model, a fifth of a second for a million events.
 */
const SUMMARY_EVERY_VERSIONS = 12;

interface TimelinePanelProps {
  readonly timeline: TimelineStore;
  readonly theme: Theme;
  /** Moves the editor to a line of the program. */
  readonly onOpenLine: (line: number) => void;
  /** The lesson that explains each kind of mistake the summary lists. */
  readonly lessonFor?: LessonLinkFor;
  /**
   * What happened first, then playback, then the drawing and the loop's
   * state: on a phone the drawing and the loop's state, one above the other,
   * took the whole first screen. The document has that order too, so the
   * focus and a screen reader meet the parts in the order they are seen.
   */
  readonly summaryFirst: boolean;
  /** The run drawn, its summary and its events in a table (default true: an embed may leave them out). */
  readonly showDrawing?: boolean;
  /** The Event loop panel at the cursor (default true). */
  readonly showEventLoop?: boolean;
  /** Where the shell's "Save image…" finds the drawing (timelineImageSource.ts). */
  readonly images?: TimelineImageSource;
}

/**
 * The timeline pane: the run drawn, its playback, the loop at the cursor,
 * and the same story in words (summary and event table); on a phone the
 * summary and playback come first (`summaryFirst`).
 */
export function TimelinePanel({
  timeline,
  theme,
  onOpenLine,
  lessonFor,
  summaryFirst,
  showDrawing = true,
  showEventLoop = true,
  images,
}: TimelinePanelProps) {
  const model = useStore(timeline, (state) => state.timeline);
  const previous = useStore(timeline, (state) => state.previousTimeline);
  const version = useStore(timeline, (state) => state.timelineVersion);
  const playback = useStore(timeline, (state) => state.playback);
  const seekMoment = useCallback(
    (moment: number) => {
      timeline.getState().seek(moment);
    },
    [timeline],
  );
  const showInternal = useCallback(
    (show: boolean) => {
      timeline.getState().setShowInternal(show);
    },
    [timeline],
  );
  const seekEdge = useCallback(
    (edge: number) => {
      const { timeline: current } = timeline.getState();
      if (current !== null) timeline.getState().seek(momentAtEdge(current, edge));
    },
    [timeline],
  );
  if (model === null) {
    return (
      <p className="app-timeline-empty">
        Run the program to see its tasks on a timeline. {VIRTUAL_TIME_SENTENCE}
      </p>
    );
  }
  const moment = cursorMoment(model, playback);
  const stage = (
    <div className="timeline-stage">
      {showDrawing && (
        <TimelineView
          model={model}
          version={version}
          theme={theme}
          cursor={playback.moment === null ? null : (model.moments[playback.moment]?.at ?? null)}
          previous={previous}
          showInternal={playback.showInternal}
          onShowInternal={showInternal}
          onOpenLine={onOpenLine}
          onSeek={seekEdge}
          images={images}
        />
      )}
      {showEventLoop && moment !== null && (
        <EventLoopPanel model={model} moment={moment} showInternal={playback.showInternal} />
      )}
    </div>
  );
  const playbackBar = <PlaybackBar timeline={timeline} />;
  const summary = (
    <RunSummary
      model={model}
      version={model.ended ? version : version - (version % SUMMARY_EVERY_VERSIONS)}
      onOpenLine={onOpenLine}
      {...(lessonFor === undefined ? {} : { lessonFor })}
    />
  );
  return (
    <div
      className="timeline-panel"
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        // Keys typed into a field are the field's.
        if (target.closest('input, select, textarea') !== null) return;
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        if (playbackKey(timeline, event.key)) event.preventDefault();
      }}
    >
      {!model.traced && (
        <p className="timeline-note">
          This run recorded its output only, so there is nothing to draw.
        </p>
      )}
      {summaryFirst ? (
        <>
          {showDrawing && summary}
          {playbackBar}
          {stage}
        </>
      ) : (
        <>
          {stage}
          {playbackBar}
          {showDrawing && summary}
        </>
      )}
      {showDrawing && (
        <EventTable
          model={model}
          version={version}
          cursorMoment={moment}
          onOpenLine={onOpenLine}
          onSeek={seekMoment}
        />
      )}
    </div>
  );
}
