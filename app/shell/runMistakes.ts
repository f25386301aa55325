/**
 * The timeline's mistakes (its overlays) as the runner's status line and the
 * editor want them: the shell composes features that do not know each other.
 */
import type { EditorMarker } from '../features/editor/CodeEditor';
import type { RunMistake } from '../features/runner/describeStatus';
import type { Overlay } from '../features/timeline/model/types';

/** Each kind of mistake as the status line's phrase. */
const MISTAKE_PHRASES: Record<Overlay['kind'], string> = {
  'blocking-call': 'blocking code froze the event loop',
  'never-awaited': 'a coroutine was never awaited',
  'exception-never-retrieved': "a task's exception was never retrieved",
  'cancelled-at-shutdown': 'a task was still waiting when asyncio.run() ended',
};

export function runMistakes(overlays: readonly Overlay[]): RunMistake[] {
  return overlays.map((overlay) => ({ what: MISTAKE_PHRASES[overlay.kind], line: overlay.line }));
}

/**
 * A warning squiggle on each mistake's line, with the summary's explanation;
 * a line the run already marked (a warning CPython printed there) keeps its
 * one mark.
 */
export function mistakeMarkers(
  overlays: readonly Overlay[],
  runMarkers: readonly EditorMarker[],
): EditorMarker[] {
  const marked = new Set(runMarkers.map((marker) => marker.line));
  const markers: EditorMarker[] = [];
  for (const overlay of overlays) {
    if (overlay.line === null || marked.has(overlay.line)) continue;
    marked.add(overlay.line);
    markers.push({ line: overlay.line, severity: 'warning', message: overlay.text });
  }
  return markers;
}
