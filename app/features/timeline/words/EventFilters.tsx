import { memo, useState } from 'react';
import type { Lane } from '../model/types';
import type { EventKind } from './eventRows';

/** The filters' value for "no filter". */
export const ALL = 'all';

/** The kind filter's choices, in the order a run tells them. */
const KIND_NAMES: Readonly<Record<EventKind, string>> = {
  created: 'Created',
  waits: 'Suspended (waits)',
  woken: 'Woken',
  ended: 'Ended',
  cancel: 'Cancel requested',
  output: 'Printed',
  blocked: 'Blocked the loop',
  warning: 'Warning',
  thread: 'Worker thread',
  error: 'Error or limit',
};

interface EventFiltersProps {
  readonly lanes: readonly Lane[];
  readonly lane: string;
  readonly kind: string;
  readonly onLane: (lane: string) => void;
  readonly onKind: (kind: string) => void;
}

/** The two filters; memoized, as a run of thousands of tasks gives the task filter thousands of options. */
export const EventFilters = memo(function EventFilters({
  lanes,
  lane,
  kind,
  onLane,
  onKind,
}: EventFiltersProps) {
  return (
    <div className="event-table-filters">
      <FilterSelect
        label="Task"
        value={lane}
        choices={[[ALL, 'All tasks'], ...lanes.map((each) => [each.key, each.label] as const)]}
        onChange={onLane}
      />
      <FilterSelect
        label="Kind"
        value={kind}
        choices={[[ALL, 'All kinds'], ...Object.entries(KIND_NAMES)]}
        onChange={onKind}
      />
    </div>
  );
});

interface FilterSelectProps {
  readonly label: string;
  readonly value: string;
  /** Value and name of each option. */
  readonly choices: readonly (readonly [string, string])[];
  readonly onChange: (value: string) => void;
}

/**
 * Past this many choices a closed select holds only the first ones and the
 * chosen one, and gets the rest when it takes the focus or the pointer: a
 * run of 10,000 tasks otherwise lays out 10,000 options on every redraw.
 */
const CHOICES_WHEN_CLOSED = 50;

function FilterSelect({ label, value, choices, onChange }: FilterSelectProps) {
  const [open, setOpen] = useState(false);
  const shown =
    open || choices.length <= CHOICES_WHEN_CLOSED
      ? choices
      : [
          ...choices.slice(0, CHOICES_WHEN_CLOSED),
          ...choices.slice(CHOICES_WHEN_CLOSED).filter(([choice]) => choice === value),
        ];
  const expand = () => {
    setOpen(true);
  };
  return (
    <label>
      {label}{' '}
      <select
        value={value}
        onFocus={expand}
        onPointerDown={expand}
        onBlur={() => {
          setOpen(false);
        }}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {shown.map(([choice, name]) => (
          <option key={choice} value={choice}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
