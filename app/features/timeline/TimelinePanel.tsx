import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { Theme } from '../../shared/theme';
import { VIRTUAL_TIME_SENTENCE } from './canvas/TimelineLegend';
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
}

/**
 * The timeline pane: the run drawn, its playback, the loop at the cursor,
 * and the same story in words (summary and event table).
 */
export function TimelinePanel({ timeline, theme, onOpenLine, lessonFor }: TimelinePanelProps) {
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
      <div className="timeline-stage">
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
        />
        {moment !== null && (
          <EventLoopPanel model={model} moment={moment} showInternal={playback.showInternal} />
        )}
      </div>
      <PlaybackBar timeline={timeline} />
      <RunSummary
        model={model}
        version={model.ended ? version : version - (version % SUMMARY_EVERY_VERSIONS)}
        onOpenLine={onOpenLine}
        {...(lessonFor === undefined ? {} : { lessonFor })}
      />
      <EventTable
        model={model}
        version={version}
        cursorMoment={moment}
        onOpenLine={onOpenLine}
        onSeek={seekMoment}
      />
    </div>
  );
}
