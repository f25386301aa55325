/**
 * Turns a run's trace events into the lines the Output panel shows. Pure: no
 * React, no DOM.
 *
 * A run can print hundreds of thousands of lines, arriving in batches, so the
 * buffer grows in place (copying it per batch would cost O(n²)); `version`
 * changes with every batch so that a store can tell it changed.
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
  readonly lines: readonly OutputLine[];
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

interface MutableBuffer extends OutputBuffer {
  lines: OutputLine[];
  taskNames: Map<TaskId, string>;
  limitMessage: string | null;
  problems: readonly RunProblem[];
  droppedLines: number;
  version: number;
  /** Whether the last line still waits for its line end. */
  lastOpen: boolean;
  /** `output` events seen so far. */
  writes: number;
}

export function createOutputBuffer(): OutputBuffer {
  const buffer: MutableBuffer = {
    lines: [],
    taskNames: new Map(),
    limitMessage: null,
    problems: [],
    droppedLines: 0,
    version: 0,
    lastOpen: false,
    writes: 0,
  };
  return buffer;
}

/** Adds a batch of events to the buffer (in place) and returns it. */
export function appendOutput(buffer: OutputBuffer, events: readonly TraceEvent[]): OutputBuffer {
  const target = buffer as MutableBuffer;
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
  buffer: MutableBuffer,
  stream: 'stdout' | 'stderr',
  text: string,
  t: number,
  task: TaskId | null,
  thread: number | null,
): void {
  const pieces = text.split('\n');
  const endsWithNewline = pieces.at(-1) === '';
  if (endsWithNewline) pieces.pop();
  for (const [index, piece] of pieces.entries()) {
    const last = buffer.lines.at(-1);
    if (index === 0 && buffer.lastOpen && last?.stream === stream) {
      buffer.lines[buffer.lines.length - 1] = { ...last, text: last.text + piece };
    } else if (buffer.lines.length < MAX_OUTPUT_LINES) {
      buffer.lines.push({ stream, text: piece, t, task, thread, write: buffer.writes });
    } else {
      buffer.droppedLines += 1;
    }
  }
  buffer.lastOpen = !endsWithNewline && pieces.length > 0;
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
  return buffer.lines.map((line) => line.text).join('\n') + (buffer.lines.length > 0 ? '\n' : '');
}

/** Seconds of virtual time as the panel shows them: `0.000`, `12.500`. */
export function formatVirtualTime(seconds: number): string {
  return seconds.toFixed(3);
}
