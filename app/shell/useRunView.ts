/**
 * What the editor, the output and the status line show of the last run,
 * and the cursor requests between them: the same for the page and for
 * embeds (EmbedApp.tsx).
 */
import { useCallback, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { CursorRequest, EditorMarker } from '../features/editor/CodeEditor';
import { useSandboxStatus } from '../features/runner/useSandboxStatus';
import { highlightsAt } from '../features/timeline/model/highlights';
import type { Overlay } from '../features/timeline/model/types';
import { writesAt } from '../features/timeline/timelineSlice';
import { isSettled, type SandboxClient } from '../runtime/createSandboxClient';
import type { LineHighlight } from '../shared/lineHighlight';
import type { AppStore } from './appStore';
import { mistakeMarkers, runMistakes } from './runMistakes';

const NO_HIGHLIGHTS: readonly LineHighlight[] = [];
const NO_OVERLAYS: readonly Overlay[] = [];

export type RunView = ReturnType<typeof useRunView>;

export function useRunView(store: AppStore, sandbox: SandboxClient) {
  // A traceback link asks the editor to move its cursor; the nonce makes the
  // same line asked twice still count.
  const [cursorRequest, setCursorRequest] = useState<CursorRequest | null>(null);
  // A new array only when the run reports a problem or ends, as the editor wants.
  const runProblems: readonly EditorMarker[] = useStore(store, (state) => state.output.problems);
  // The mistakes once the run has ended: the status line warns of them, the editor marks their lines.
  const overlays = useStore(store, (state) =>
    state.timeline?.ended === true ? state.timeline.overlays : NO_OVERLAYS,
  );
  const runMarkers = useMemo(
    () => [...runProblems, ...mistakeMarkers(overlays, runProblems)],
    [runProblems, overlays],
  );
  const mistakes = useMemo(() => runMistakes(overlays), [overlays]);
  // Monaco loads once Python has started (or failed to): both at once slow each other.
  const pythonStatus = useSandboxStatus(sandbox);
  const [pythonSettled, setPythonSettled] = useState(false);
  if (!pythonSettled && isSettled(pythonStatus)) {
    setPythonSettled(true);
  }

  // Playback: the editor marks the lines at the cursor and the output dims
  // what is printed later; at the end (the default) nothing is marked.
  const timelineModel = useStore(store, (state) => state.timeline);
  const playbackMoment = useStore(store, (state) => state.playback.moment);
  const lineHighlights = useMemo(
    () =>
      timelineModel === null || playbackMoment === null
        ? NO_HIGHLIGHTS
        : highlightsAt(timelineModel, playbackMoment),
    // A moment's past is complete once it is reached: later batches cannot change it.
    [timelineModel, playbackMoment],
  );
  const printedWrites =
    timelineModel === null || playbackMoment === null
      ? null
      : writesAt(timelineModel, playbackMoment);

  const openLine = useCallback((line: number) => {
    setCursorRequest((previous) => ({ line, column: 1, nonce: (previous?.nonce ?? 0) + 1 }));
  }, []);

  return {
    cursorRequest,
    runMarkers,
    mistakes,
    pythonSettled,
    lineHighlights,
    printedWrites,
    openLine,
  };
}
