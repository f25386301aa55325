import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

interface SplitPaneProps {
  /** What the separator is called by assistive technology. */
  readonly label: string;
  readonly first: ReactNode;
  readonly second: ReactNode;
  /** The first pane's starting share of the width, in percent. */
  readonly initialPercent?: number;
}

const MIN_PERCENT = 20;
const MAX_PERCENT = 80;
const KEY_STEP_PERCENT = 5;

function clamp(percent: number): number {
  return Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, percent));
}

/**
 * Two panes side by side with a separator between them that can be dragged,
 * or moved with the arrow keys when focused (the WAI-ARIA window splitter
 * pattern). On a narrow screen the panes stack and the separator hides (CSS).
 */
export function SplitPane({ label, first, second, initialPercent = 50 }: SplitPaneProps) {
  const [percent, setPercent] = useState(initialPercent);
  const container = useRef<HTMLDivElement>(null);

  const dragTo = (event: PointerEvent<HTMLDivElement>): void => {
    const box = container.current?.getBoundingClientRect();
    if (box === undefined || box.width === 0) return;
    setPercent(clamp(((event.clientX - box.left) / box.width) * 100));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = {
      ArrowLeft: percent - KEY_STEP_PERCENT,
      ArrowRight: percent + KEY_STEP_PERCENT,
      Home: MIN_PERCENT,
      End: MAX_PERCENT,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setPercent(clamp(next));
  };

  return (
    <div
      ref={container}
      className="split-pane"
      style={{ gridTemplateColumns: `minmax(0, ${percent}fr) auto minmax(0, ${100 - percent}fr)` }}
    >
      <div className="split-pane-first">{first}</div>
      <div
        role="separator"
        aria-label={label}
        aria-orientation="vertical"
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
      />
      <div className="split-pane-second">{second}</div>
    </div>
  );
}
