import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

/** Whether the panes sit side by side (columns) or one above the other (rows). */
export type SplitDirection = 'columns' | 'rows';

interface SplitPaneProps {
  /** What the separator is called by assistive technology. */
  readonly label: string;
  readonly direction: SplitDirection;
  readonly first: ReactNode;
  readonly second: ReactNode;
  /** The first pane's starting share, in percent. */
  readonly initialPercent?: number;
  /** Called with the first pane's share when the learner has moved the separator (at the end of a drag). */
  readonly onResized?: (percent: number) => void;
}

const MIN_PERCENT = 20;
const MAX_PERCENT = 80;
const KEY_STEP_PERCENT = 5;

function clamp(percent: number): number {
  return Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, percent));
}

/** The keys that move the separator: towards the first pane, and towards the second. */
const KEYS: Record<SplitDirection, readonly [string, string]> = {
  columns: ['ArrowLeft', 'ArrowRight'],
  rows: ['ArrowUp', 'ArrowDown'],
};

/**
 * Two panes with a separator between them that can be dragged, or moved with
 * the arrow keys (and Home/End) when focused: the WAI-ARIA window splitter
 * pattern. On a narrow screen the shell shows the panes as tabs instead (PaneTabs).
 */
export function SplitPane({
  label,
  direction,
  first,
  second,
  initialPercent = 50,
  onResized,
}: SplitPaneProps) {
  const [percent, setPercent] = useState(() => clamp(initialPercent));
  const container = useRef<HTMLDivElement>(null);
  // Where a drag has taken the separator, reported when it ends rather than at every move.
  const dragged = useRef<number | null>(null);

  const dragTo = (event: PointerEvent<HTMLDivElement>): void => {
    const box = container.current?.getBoundingClientRect();
    if (box === undefined) return;
    const [offset, size] =
      direction === 'columns'
        ? [event.clientX - box.left, box.width]
        : [event.clientY - box.top, box.height];
    if (size <= 0) return;
    dragged.current = clamp((offset / size) * 100);
    setPercent(dragged.current);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const [towardsFirst, towardsSecond] = KEYS[direction];
    const moves: Record<string, number> = {
      [towardsFirst]: percent - KEY_STEP_PERCENT,
      [towardsSecond]: percent + KEY_STEP_PERCENT,
      Home: MIN_PERCENT,
      End: MAX_PERCENT,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setPercent(clamp(next));
    onResized?.(clamp(next));
  };

  const tracks = `minmax(0, ${percent}fr) auto minmax(0, ${100 - percent}fr)`;
  return (
    <div
      ref={container}
      className={`split-pane split-pane-${direction}`}
      style={
        direction === 'columns' ? { gridTemplateColumns: tracks } : { gridTemplateRows: tracks }
      }
    >
      <div className="split-pane-first">{first}</div>
      <div
        role="separator"
        aria-label={label}
        aria-orientation={direction === 'columns' ? 'vertical' : 'horizontal'}
        aria-valuemin={MIN_PERCENT}
        aria-valuemax={MAX_PERCENT}
        aria-valuenow={Math.round(percent)}
        tabIndex={0}
        className="split-pane-separator"
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) dragTo(event);
        }}
        onPointerUp={() => {
          if (dragged.current !== null) onResized?.(dragged.current);
          dragged.current = null;
        }}
      />
      <div className="split-pane-second">{second}</div>
    </div>
  );
}
