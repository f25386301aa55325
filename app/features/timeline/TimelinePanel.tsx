import { useStore } from 'zustand';
import { EventLoopPanel } from './EventLoopPanel';
import { PlaybackBar, playbackKey } from './PlaybackBar';
import { cursorMoment, type TimelineStore } from './timelineSlice';
import './timeline.css';

interface TimelinePanelProps {
  readonly timeline: TimelineStore;
}

/** The timeline pane: the run drawn, its playback, and the loop at the cursor. */
export function TimelinePanel({ timeline }: TimelinePanelProps) {
  const model = useStore(timeline, (state) => state.timeline);
  useStore(timeline, (state) => state.timelineVersion);
  const playback = useStore(timeline, (state) => state.playback);
  if (model === null) {
    return <p className="app-timeline-empty">Run the program to see its tasks on a timeline.</p>;
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
      <PlaybackBar timeline={timeline} />
      {!model.traced && (
        <p className="timeline-note">
          This run recorded its output only, so there is nothing to draw.
        </p>
      )}
      {moment !== null && <EventLoopPanel model={model} moment={moment} />}
    </div>
  );
}
