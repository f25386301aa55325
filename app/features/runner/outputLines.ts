/**
 * Turns a run's trace events into the lines the Output panel shows. Pure: no
 * React, no DOM.
 *
 * A run can print hundreds of thousands of lines, arriving in batches, so the
 * buffer grows in place (copying it per batch would cost O(n²)); `version`
 * changes with every batch so that a store can tell it changed.
 *
 * A line is not kept as an object of its own. The timeline keeps every
 * `output` event, and with it the text written, so the buffer keeps where
 * each line lies in that text and its other facts in typed columns; the
 * Output panel makes objects only for the rows it draws. Kept as objects,
 * a flood's lines (an object and a string each, all long-lived) filled the
 * collector's young generation with survivors, and copying them out paused
 * the page for 60 ms and more while the lines streamed in.
 */
import type { TaskId, TraceEvent } from '../../runtime/traceSchema';

/** The most lines kept; later output is counted but not shown. */
export const MAX_OUTPUT_LINES = 200_000;

/** One line of output as the panel shows it. */
export interface OutputLine {
  readonly stream: 'stdout' | 'stderr';
  /** The text without its line end. */
  readonly text: string;
  /** Virtual time it was printed at. */
  readonly t: number;
  /** The task that printed it, or null. */
  readonly task: TaskId | null;
  /** The simulated worker thread that printed it, or null. */
  readonly thread: number | null;
  /** Which write of the run (0 for the first `output` event) began the line. */
  readonly write: number;
}

/** Something a run reported at a line of the program: the error that ended it, or a warning. */
export interface RunProblem {
  readonly line: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** A traceback line that points into the learner's file. */
export interface SourceLocation {
  readonly line: number;
}

/** Everything the Output panel needs from a run so far. */
export interface OutputBuffer {
  /** Lines kept so far. */
  readonly lineCount: number;
  /** Line `index` (0 ≤ index < lineCount), made when asked. */
  line(index: number): OutputLine;
  /** Task names by id, for labels. */
  readonly taskNames: ReadonlyMap<TaskId, string>;
  /** The message of the limit that stopped the run, if one did. */
  readonly limitMessage: string | null;
  /** Problems at lines of the program; a new array whenever one is added. */
  readonly problems: readonly RunProblem[];
  /** Lines printed beyond MAX_OUTPUT_LINES. */
  readonly droppedLines: number;
  /** Changes whenever anything above changes. */
  readonly version: number;
}

/** Lines the columns first have room for; they double as needed. */
const FIRST_CAPACITY = 1024;
/** Stands for null in the integer columns (task and thread ids are never negative). */
const NONE = -1;
const STREAMS = ['stdout', 'stderr'] as const;

/** The lines' facts, one typed array each, index = line. */
interface Columns {
  /** The text each line lies in: the write's own text, or a line joined from several writes. */
  readonly sources: string[];
  starts: Int32Array;
  ends: Int32Array;
  times: Float64Array;
  tasks: Int32Array;
  threads: Int32Array;
  writes: Int32Array;
  /** Index into STREAMS. */
  streams: Uint8Array;
}

class LineBuffer implements OutputBuffer {
  lineCount = 0;
  readonly taskNames = new Map<TaskId, string>();
  limitMessage: string | null = null;
  problems: readonly RunProblem[] = [];
  droppedLines = 0;
  version = 0;
  /** Whether the last line still waits for its line end. */
  lastOpen = false;
  /** `output` events seen so far. */
  writes = 0;
  readonly columns: Columns = {
    sources: [],
    starts: new Int32Array(FIRST_CAPACITY),
    ends: new Int32Array(FIRST_CAPACITY),
    times: new Float64Array(FIRST_CAPACITY),
    tasks: new Int32Array(FIRST_CAPACITY),
    threads: new Int32Array(FIRST_CAPACITY),
    writes: new Int32Array(FIRST_CAPACITY),
    streams: new Uint8Array(FIRST_CAPACITY),
  };

  line(index: number): OutputLine {
    if (index < 0 || index >= this.lineCount) {
      throw new RangeError(`no output line ${index} of ${this.lineCount}`);
    }
    const { sources, starts, ends, times, tasks, threads, writes, streams } = this.columns;
    const task = tasks[index] ?? NONE;
    const thread = threads[index] ?? NONE;
    return {
      stream: STREAMS[streams[index] ?? 0] ?? 'stdout',
      text: (sources[index] ?? '').slice(starts[index], ends[index]),
      t: times[index] ?? 0,
      task: task === NONE ? null : task,
      thread: thread === NONE ? null : thread,
      write: writes[index] ?? 0,
    };
  }
}

export function createOutputBuffer(): OutputBuffer {
  return new LineBuffer();
}

/** Adds a batch of events to the buffer (in place) and returns it. */
export function appendOutput(buffer: OutputBuffer, events: readonly TraceEvent[]): OutputBuffer {
  if (!(buffer instanceof LineBuffer)) throw new TypeError('not a buffer of createOutputBuffer');
  const target = buffer;
  for (const event of events) {
    if (event.type === 'output') {
      appendText(target, event.stream, event.text, event.t, event.task, event.thread);
      target.writes += 1;
    } else if (event.type === 'task.create') {
      target.taskNames.set(event.task, event.name);
    } else if (event.type === 'limit') {
      target.limitMessage = event.message;
    } else if ((event.type === 'error' || event.type === 'warning') && event.line !== null) {
      const problem: RunProblem =
        event.type === 'error'
          ? { line: event.line, severity: 'error', message: `${event.error}: ${event.message}` }
          : {
              line: event.line,
              severity: 'warning',
              message: `${event.category}: ${event.message}`,
            };
      target.problems = [...target.problems, problem];
    }
  }
  target.version += 1;
  return target;
}

function appendText(
  buffer: LineBuffer,
  stream: 'stdout' | 'stderr',
  text: string,
  t: number,
  task: TaskId | null,
  thread: number | null,
): void {
  const streamIndex = STREAMS.indexOf(stream);
  const { columns } = buffer;
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const last = buffer.lineCount - 1;
    if (start === 0 && buffer.lastOpen && columns.streams[last] === streamIndex) {
      const joined = (columns.sources[last] ?? '').slice(columns.starts[last], columns.ends[last]);
      columns.sources[last] = joined + text.slice(0, end);
      columns.starts[last] = 0;
      columns.ends[last] = columns.sources[last].length;
    } else if (buffer.lineCount < MAX_OUTPUT_LINES) {
      const index = buffer.lineCount;
      if (index === columns.starts.length) grow(columns);
      columns.sources.push(text);
      columns.starts[index] = start;
      columns.ends[index] = end;
      columns.times[index] = t;
      columns.tasks[index] = task ?? NONE;
      columns.threads[index] = thread ?? NONE;
      columns.writes[index] = buffer.writes;
      columns.streams[index] = streamIndex;
      buffer.lineCount += 1;
    } else {
      buffer.droppedLines += 1;
    }
    buffer.lastOpen = newline === -1;
    start = end + 1;
  }
}

/** Doubles every typed column, keeping what they hold. */
function grow(columns: Columns): void {
  const capacity = columns.starts.length * 2;
  const widen = <T extends Int32Array | Float64Array | Uint8Array>(
    column: T,
    make: (size: number) => T,
  ): T => {
    const wider = make(capacity);
    wider.set(column);
    return wider;
  };
  columns.starts = widen(columns.starts, (size) => new Int32Array(size));
  columns.ends = widen(columns.ends, (size) => new Int32Array(size));
  columns.times = widen(columns.times, (size) => new Float64Array(size));
  columns.tasks = widen(columns.tasks, (size) => new Int32Array(size));
  columns.threads = widen(columns.threads, (size) => new Int32Array(size));
  columns.writes = widen(columns.writes, (size) => new Int32Array(size));
  columns.streams = widen(columns.streams, (size) => new Uint8Array(size));
}

const TRACEBACK_LINE = /^\s*File "([^"]+)", line (\d+)/;

/** Where a traceback line points, when it points into `filename`. */
export function sourceLocation(text: string, filename: string): SourceLocation | null {
  const match = TRACEBACK_LINE.exec(text);
  if (match?.[1] !== filename || match[2] === undefined) return null;
  return { line: Number(match[2]) };
}

/** The whole output as plain text, as the program printed it. */
export function outputAsText(buffer: OutputBuffer): string {
  const lines: string[] = [];
  for (let index = 0; index < buffer.lineCount; index += 1) lines.push(buffer.line(index).text);
  return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}

/** Seconds of virtual time as the panel shows them: `0.000`, `12.500`. */
export function formatVirtualTime(seconds: number): string {
  return seconds.toFixed(3);
}
