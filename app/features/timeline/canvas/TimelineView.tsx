import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Theme } from '../../../shared/theme';
import type { TimelineModel } from '../model/timelineBuilder';
import type { Edge } from '../model/types';
import type { AxisMode } from './axes';
import { createTimelineCanvas, type TimelineCanvas } from './createTimelineCanvas';
import { describeHit } from './describeHit';
import { sameHit, type TimelineHit } from './hitTest';
import { HoverCard, placeCard } from './HoverCard';
import type { TimelineImageSource } from './timelineImageSource';
import { TimelineControls } from './TimelineControls';
import './TimelineView.css';

interface TimelineViewProps {
  /** Grows while a run streams in. */
  readonly model: TimelineModel;
  /** `model.version`: a new value means redraw. */
  readonly version: number;
  readonly theme: Theme;
  /** The playback cursor (a vertical line); null: none. */
  readonly cursor: Edge | null;
  /** The previous run that ran: drawn above the current one, on the same axis, when the learner asks. */
  readonly previous: TimelineModel | null;
  /** asyncio's helper tasks have lanes (playback shows its moments too, so the choice is the slice's). */
  readonly showInternal: boolean;
  readonly onShowInternal: (show: boolean) => void;
  /** Clicking a mark moves the editor to that learner line. */
  readonly onOpenLine: (line: number) => void;
  /** Clicking empty space on the axis moves the playback cursor there. */
  readonly onSeek: (edge: Edge) => void;
  /** Where "Save image…" finds the drawing; none: the image is not asked for. */
  readonly images?: TimelineImageSource | undefined;
}

const KEYS_DESCRIPTION =
  'Plus and minus zoom, the arrow keys pan and scroll, 0 shows the whole run. ' +
  'The wheel scrolls; Ctrl or ⌘ with the wheel, or a pinch, zooms. ' +
  'Click a mark to open its line; click elsewhere to move the playback cursor.';

/**
 * The run's tasks on a canvas: one lane per task, what each did step by
 * step, the arrows between them and the marks on them, with hover cards.
 * A thin component: the drawing and the pan/zoom state live in
 * createTimelineCanvas, outside React.
 */
export function TimelineView({
  model,
  version,
  theme,
  cursor,
  previous,
  showInternal,
  onShowInternal,
  onOpenLine,
  onSeek,
  images,
}: TimelineViewProps) {
  const [axisChoice, setAxisChoice] = useState<AxisMode | null>(null);
  const [spread, setSpread] = useState(false);
  const [comparing, setComparing] = useState(false);
  const compare = comparing ? previous : null;
  const [unavailable, setUnavailable] = useState(false);
  const [hover, setHover] = useState<TimelineHit | null>(null);
  // The canvas asks for the height that shows every lane; the pane's CSS may give it less.
  const [contentHeight, setContentHeight] = useState<number | null>(null);
  // Steps are the default while no virtual time passes: on the time axis such a run is one line.
  const mode: AxisMode = axisChoice ?? (model.virtualTime === 0 ? 'steps' : 'time');
  const area = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const card = useRef<HTMLDivElement>(null);
  const pointer = useRef({ x: 0, y: 0 });
  const timeline = useRef<TimelineCanvas | null>(null);
  const actions = useRef({ onOpenLine, onSeek });
  const cardId = useId();

  useLayoutEffect(() => {
    actions.current = { onOpenLine, onSeek };
  }, [onOpenLine, onSeek]);

  useEffect(() => {
    if (area.current === null || canvas.current === null) return;
    const created = createTimelineCanvas(canvas.current, area.current, {
      onHover(hit, clientX, clientY) {
        pointer.current = { x: clientX, y: clientY };
        setHover((shown) => (sameHit(shown, hit) ? shown : hit));
        if (card.current !== null && area.current !== null) {
          placeCard(card.current, area.current, clientX, clientY);
        }
      },
      onOpenLine(line) {
        actions.current.onOpenLine(line);
      },
      onSeek(edge) {
        actions.current.onSeek(edge);
      },
      onContentHeight: setContentHeight,
    });
    if (created === null) {
      setUnavailable(true);
      return;
    }
    timeline.current = created;
    return () => {
      created.destroy();
      timeline.current = null;
    };
  }, []);

  useEffect(() => {
    timeline.current?.update({
      model,
      version,
      compare,
      mode,
      spread,
      showInternal,
      theme,
      cursor,
    });
  }, [model, version, compare, mode, spread, showInternal, theme, cursor]);

  useEffect(() => images?.connect(() => timeline.current?.snapshot() ?? null), [images]);

  // A card that just appeared is placed at the pointer that brought it.
  useLayoutEffect(() => {
    if (hover !== null && card.current !== null && area.current !== null) {
      placeCard(card.current, area.current, pointer.current.x, pointer.current.y);
    }
  }, [hover]);

  return (
    <div className="timeline-view">
      <TimelineControls
        mode={mode}
        spread={spread}
        showInternal={showInternal}
        canCompare={previous !== null}
        compare={comparing}
        onMode={setAxisChoice}
        onSpread={setSpread}
        onShowInternal={onShowInternal}
        onCompare={setComparing}
      />
      {unavailable ? (
        <p className="timeline-canvas-note" role="note">
          This browser cannot draw the timeline (it gave no canvas to draw on).
        </p>
      ) : (
        <div
          className="timeline-canvas-area"
          ref={area}
          style={contentHeight === null ? undefined : { height: contentHeight }}
        >
          <canvas
            ref={canvas}
            tabIndex={0}
            role="img"
            aria-label="Timeline canvas"
            aria-description={KEYS_DESCRIPTION}
            aria-describedby={hover === null ? undefined : cardId}
          />
          {/* Said on the canvas: a wheel that scrolls is what a page teaches, zooming is not. */}
          <p className="timeline-canvas-hint" aria-hidden="true">
            Ctrl/⌘ + wheel or pinch: zoom · drag: pan
          </p>
          {hover !== null && (
            <HoverCard id={cardId} description={describeHit(hover)} cardRef={card} />
          )}
        </div>
      )}
    </div>
  );
}
