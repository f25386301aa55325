import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { taskColorClass } from '../../../shared/taskColors';
import { useDismiss } from './useDismiss';

/** What "virtual time" means, said where the words first appear and in the legend. */
export const VIRTUAL_TIME_SENTENCE =
  "Virtual time is the event loop's own clock: when no task is ready it jumps " +
  'straight to the next timer instead of waiting, so `await asyncio.sleep(3)` ' +
  'takes 3 s of virtual time and almost no real time.';

/** A mark's picture, 24 × 16, drawn in the canvas's colours (TimelineView.css). */
function Mark({ children }: { readonly children: ReactNode }) {
  return (
    <svg className="timeline-legend-mark" viewBox="0 0 24 16" width="24" height="16" aria-hidden>
      {children}
    </svg>
  );
}

/**
 * Every mark and colour the canvas draws (drawLanes, drawArrows, drawMarks,
 * drawAxis, minimap), each with its picture: the same list as
 * docs/timeline-legend.md.
 */
const ENTRIES: readonly (readonly [ReactNode, string])[] = [
  [
    <Mark key="running">
      <rect className="task" x="1" y="3" width="22" height="10" />
    </Mark>,
    "Running: the task's step, in its colour (the same colour in the output and the editor)",
  ],
  [
    <Mark key="ready">
      <rect className="task" x="1" y="3" width="22" height="10" opacity="0.28" />
    </Mark>,
    'Ready: queued, waiting for its turn to run',
  ],
  [
    <Mark key="suspended">
      <rect className="task outline" x="1.5" y="4.5" width="21" height="7" />
    </Mark>,
    'Suspended at an await; the words inside say what it waits on ("sleep 1 s", "gather (2 left)")',
  ],
  [
    <Mark key="create">
      <path className="muted line dashed" d="M12 1 V13" />
    </Mark>,
    'Dashed grey line: a task created the task it points to',
  ],
  [
    <Mark key="wake">
      <path className="task line" d="M12 1 V11" />
      <path className="task" d="M8 9 L16 9 L12 15 Z" />
    </Mark>,
    'Arrow in a task\u2019s colour: that task woke the one it points to (its result, a queue, a lock…)',
  ],
  [
    <Mark key="timer">
      <circle className="task outline" cx="12" cy="4" r="3" />
      <path className="task line" d="M12 7 V12" />
      <path className="task" d="M9 11 L15 11 L12 15 Z" />
    </Mark>,
    'Small clock: a timer woke the task (its sleep or timeout was over)',
  ],
  [
    <Mark key="cancel">
      <path className="error line" d="M12 1 V10 M9 10 L15 15 M15 10 L9 15" />
    </Mark>,
    'Red line ending in ✕: something cancelled the task (a clock above it: a timeout)',
  ],
  [
    <Mark key="result">
      <circle className="task outline filled" cx="12" cy="8" r="4" />
    </Mark>,
    '● at the end of a lane: the task returned a result',
  ],
  [
    <Mark key="exception">
      <path className="error line" d="M8 4 L16 12 M16 4 L8 12" />
    </Mark>,
    '✕: the task ended with an exception',
  ],
  [
    <Mark key="cancelled">
      <circle className="muted outline" cx="12" cy="8" r="4" />
      <path className="muted line" d="M9 11 L15 5" />
    </Mark>,
    '⊘: the task was cancelled',
  ],
  [
    <Mark key="print">
      <path className="text" d="M12 9 L9 15 L15 15 Z" />
      <path className="error" d="M20 9 L17 15 L23 15 Z" />
    </Mark>,
    'Small triangle at the foot of a lane: the task printed (red: to stderr); hover it to read what',
  ],
  [
    <Mark key="overlay">
      <circle className="warning" cx="12" cy="8" r="6" />
      <text x="12" y="11.5" textAnchor="middle">
        !
      </text>
    </Mark>,
    '!: a mistake the run reveals, explained in the summary under the timeline',
  ],
  [
    <Mark key="blocked">
      <rect className="error" x="4" y="0" width="16" height="16" opacity="0.16" />
    </Mark>,
    'Red band across every lane ("blocked: line 12" under it): a blocking call froze the whole loop',
  ],
  [
    <Mark key="deadline">
      <path className="warning line" d="M12 1 V15" />
      <path className="warning" d="M12 1 L6 4 L12 7 Z" />
    </Mark>,
    "Flag: a timeout's deadline (asyncio.timeout, wait_for)",
  ],
  [
    <Mark key="cursor">
      <path className="text" d="M7 0 L17 0 L12 6 Z" />
      <rect className="text" x="11" y="4" width="2" height="12" />
    </Mark>,
    'Dark line from a notch in the axis: the playback cursor',
  ],
  [
    <Mark key="minimap">
      <path className="muted" d="M2 15 V11 H6 V15 Z M8 15 V6 H12 V15 Z M14 15 V9 H18 V15 Z" />
    </Mark>,
    'Strip at the bottom when zoomed in: how busy the loop was along the whole run; drag its frame',
  ],
];

/**
 * The "Legend" button and the list it opens over the timeline: every mark
 * and colour on the canvas, and what virtual time is.
 */
export function TimelineLegend() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);

  const close = useCallback(() => {
    setOpen(false);
  }, []);
  useDismiss(open, close, button, panel);

  return (
    <div className="timeline-legend">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((shown) => !shown);
        }}
      >
        Legend
      </button>
      {open && (
        <section
          ref={panel}
          id={panelId}
          aria-label="Timeline legend"
          // One task's colour stands for every task's.
          className={`timeline-legend-panel ${taskColorClass(2)}`}
        >
          <ul>
            {ENTRIES.map(([mark, text]) => (
              <li key={text}>
                {mark}
                <span>{text}</span>
              </li>
            ))}
          </ul>
          <p>{VIRTUAL_TIME_SENTENCE}</p>
          <p>
            On the Steps axis each column is one iteration of the event loop, its steps side by side
            in the order they ran.
          </p>
        </section>
      )}
    </div>
  );
}
