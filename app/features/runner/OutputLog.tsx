import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { copyText } from '../../platform/clipboard';
import { taskColorCss } from '../../shared/taskColors';
import {
  formatVirtualTime,
  MAX_OUTPUT_LINES,
  outputAsText,
  sourceLocation,
  type OutputBuffer,
  type OutputLine,
  type SourceLocation,
} from './outputLines';
import { PROGRAM_FILENAME, type RunnerStore } from './runnerSlice';

/** Every line is this tall (CSS keeps it so), which makes windowing exact. */
const LINE_HEIGHT_PX = 20;
/** Lines drawn above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 20;

interface OutputLogProps {
  readonly runner: RunnerStore;
  /** Moves the editor to a line a traceback points at. */
  readonly onOpenLocation: (location: SourceLocation) => void;
  /** During playback: how many writes have happened; lines of later writes are dimmed. */
  readonly printedWrites: number | null;
}

/** How many rows a window of this height shows. */
function rowsFor(height: number): number {
  return Math.ceil(height / LINE_HEIGHT_PX);
}

/**
 * What the program printed: one row a line, with the virtual time it was
 * printed at and the task that printed it (in the task's colour). Only the
 * rows in view are in the DOM, so hundreds of thousands of lines scroll
 * smoothly; the view follows new output while it is scrolled to the bottom.
 *
 * While it follows, nothing here reads the page's layout: the rows to draw
 * come from the line count, and the one scroll write a new line count needs
 * is the only layout it forces. A flood of output redraws the log every
 * frame, and reading the scroll position first, then drawing the rows it
 * asked for, laid the page out twice a frame.
 */
export function OutputLog({ runner, onOpenLocation, printedWrites }: OutputLogProps) {
  const version = useStore(runner, (state) => state.outputVersion);
  const buffer = useStore(runner, (state) => state.output);
  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  // The first line in view while the learner has scrolled up.
  const [scrolledTo, setScrolledTo] = useState(0);
  // Rows for a whole window's height: the log is never taller than the
  // window, so dragging a pane separator never uncovers a missing row.
  const [windowRows, setWindowRows] = useState(() => rowsFor(window.innerHeight));

  useEffect(() => {
    const resize = () => {
      setWindowRows(rowsFor(window.innerHeight));
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
    };
  }, []);

  // The lines shown, not the buffer's length: it grows in place between
  // versions, and the log, redrawn meanwhile for another reason, would draw
  // (and scroll to) the new lines outside the frame, laying the page out in
  // whatever task redrew it.
  const lineCount = useStore(runner, (state) => state.shownLines);
  useLayoutEffect(() => {
    const element = scroller.current;
    // Past the end: the browser stops the scroll at the bottom.
    if (element !== null && following) element.scrollTop = lineCount * LINE_HEIGHT_PX;
  }, [following, lineCount]);

  const topLine = following ? Math.max(0, lineCount - windowRows) : scrolledTo;
  const first = Math.max(0, topLine - OVERSCAN);
  const visible: OutputLine[] = [];
  const end = Math.min(topLine + windowRows + OVERSCAN, lineCount);
  for (let index = first; index < end; index += 1) visible.push(buffer.line(index));
  return (
    <div className="output-panel">
      <div className="output-toolbar">
        <CopyOutputButton buffer={buffer} version={version} />
      </div>
      <div
        ref={scroller}
        role="log"
        aria-label="Output"
        className="output"
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          const atBottom =
            element.scrollTop + element.clientHeight >= element.scrollHeight - LINE_HEIGHT_PX;
          setFollowing(atBottom);
          // The follow's own scrolls leave the learner's place alone.
          if (!atBottom) setScrolledTo(Math.floor(element.scrollTop / LINE_HEIGHT_PX));
        }}
      >
        <div className="output-rows" style={{ height: lineCount * LINE_HEIGHT_PX }}>
          {/*
            Moved, not laid out again: a row keeps its place in this block as
            lines arrive. Rows are keyed by their place in the window, not by
            line: while a flood streams in, every line in view is new each
            frame, and keyed by line each would be a new element to create,
            style and lay out; keyed by place, the same elements take the new
            lines' text.
          */}
          <div
            className="output-window"
            style={{ transform: `translateY(${first * LINE_HEIGHT_PX}px)` }}
          >
            {visible.map((line, index) => (
              <OutputRow
                key={index}
                line={line}
                taskName={line.task === null ? null : (buffer.taskNames.get(line.task) ?? null)}
                later={printedWrites !== null && line.write >= printedWrites}
                onOpenLocation={onOpenLocation}
              />
            ))}
          </div>
        </div>
      </div>
      {buffer.droppedLines > 0 && (
        <p className="output-note">
          Showing the first {MAX_OUTPUT_LINES.toLocaleString('en')} lines;{' '}
          {buffer.droppedLines.toLocaleString('en')} more were printed.
        </p>
      )}
    </div>
  );
}

interface CopyOutputButtonProps {
  readonly buffer: OutputBuffer;
  /** The output's version: what a copy reported is shown until the output changes. */
  readonly version: number;
}

interface CopyOutcome {
  readonly version: number;
  readonly copied: boolean;
  readonly lines: number;
}

function CopyOutputButton({ buffer, version }: CopyOutputButtonProps) {
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const lines = buffer.lineCount;
  let said = '';
  if (outcome?.version === version) {
    said = outcome.copied
      ? `Copied ${outcome.lines.toLocaleString('en')} ${outcome.lines === 1 ? 'line' : 'lines'}.`
      : 'This browser did not allow copying here.';
  }
  return (
    <>
      <button
        type="button"
        disabled={lines === 0}
        onClick={() => {
          void copyText(outputAsText(buffer)).then((copied) => {
            setOutcome({ version, copied, lines });
          });
        }}
      >
        Copy output
      </button>
      <span aria-live="polite" className="output-copy-outcome">
        {said}
      </span>
    </>
  );
}

interface OutputRowProps {
  readonly line: OutputLine;
  readonly taskName: string | null;
  /** Printed after the playback cursor. */
  readonly later: boolean;
  readonly onOpenLocation: (location: SourceLocation) => void;
}

function OutputRow({ line, taskName, later, onOpenLocation }: OutputRowProps) {
  const location = line.stream === 'stderr' ? sourceLocation(line.text, PROGRAM_FILENAME) : null;
  const who = line.thread !== null ? `thread ${line.thread}` : taskName;
  return (
    <div className={`output-line output-${line.stream}${later ? ' output-later' : ''}`}>
      <span className="output-time" aria-hidden="true">
        {formatVirtualTime(line.t)}
      </span>
      <span
        className="output-task"
        aria-hidden="true"
        style={line.task === null ? undefined : { color: taskColorCss(line.task) }}
      >
        {who ?? ''}
      </span>
      {location === null ? (
        <span className="output-text">{line.text}</span>
      ) : (
        <a
          className="output-text output-link"
          href={`#line-${location.line}`}
          onClick={(event) => {
            event.preventDefault();
            onOpenLocation(location);
          }}
        >
          {line.text}
        </a>
      )}
    </div>
  );
}
