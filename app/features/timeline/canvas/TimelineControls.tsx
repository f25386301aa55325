import type { AxisMode } from './axes';
import { TimelineLegend, VIRTUAL_TIME_SENTENCE } from './TimelineLegend';

interface TimelineControlsProps {
  readonly mode: AxisMode;
  readonly spread: boolean;
  readonly showInternal: boolean;
  /** Whether a previous run that ran is there to compare with. */
  readonly canCompare: boolean;
  readonly compare: boolean;
  readonly onMode: (mode: AxisMode) => void;
  readonly onSpread: (spread: boolean) => void;
  readonly onShowInternal: (show: boolean) => void;
  readonly onCompare: (compare: boolean) => void;
}

/**
 * The timeline's options: which axis, spreading simultaneous steps, asyncio's
 * helper tasks, and the previous run drawn above this one.
 */
export function TimelineControls({
  mode,
  spread,
  showInternal,
  canCompare,
  compare,
  onMode,
  onSpread,
  onShowInternal,
  onCompare,
}: TimelineControlsProps) {
  return (
    <div className="timeline-controls">
      <fieldset className="timeline-axis">
        <legend>Axis</legend>
        <label>
          <input
            type="radio"
            name="timeline-axis"
            checked={mode === 'steps'}
            onChange={() => {
              onMode('steps');
            }}
          />
          Steps
        </label>
        <label title={VIRTUAL_TIME_SENTENCE}>
          <input
            type="radio"
            name="timeline-axis"
            checked={mode === 'time'}
            onChange={() => {
              onMode('time');
            }}
          />
          Virtual time
        </label>
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={spread}
          disabled={mode !== 'time'}
          onChange={(event) => {
            onSpread(event.target.checked);
          }}
        />
        Spread simultaneous steps
      </label>
      <label>
        <input
          type="checkbox"
          checked={showInternal}
          onChange={(event) => {
            onShowInternal(event.target.checked);
          }}
        />
        Show asyncio&apos;s helper tasks
      </label>
      <label>
        <input
          type="checkbox"
          checked={canCompare && compare}
          disabled={!canCompare}
          onChange={(event) => {
            onCompare(event.target.checked);
          }}
        />
        Compare with previous run
      </label>
      <TimelineLegend />
    </div>
  );
}
