/**
 * Connects "Save image…", which the shell places beside the trace files'
 * buttons, to the canvas that draws the timeline (TimelineView connects
 * it while it is on the page).
 */
import type { TimelineSnapshot } from './timelineImage';

export interface TimelineImageSource {
  /** What the canvas draws now; null when no canvas is connected or it has drawn nothing. */
  snapshot(): TimelineSnapshot | null;
  /** A canvas offers its snapshots; returns the function that takes the offer back. */
  connect(snapshot: () => TimelineSnapshot | null): () => void;
}

export function createTimelineImageSource(): TimelineImageSource {
  let connected: (() => TimelineSnapshot | null) | null = null;
  return {
    snapshot: () => connected?.() ?? null,
    connect(snapshot) {
      connected = snapshot;
      return () => {
        if (connected === snapshot) connected = null;
      };
    },
  };
}
