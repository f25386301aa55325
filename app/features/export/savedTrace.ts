/**
 * A saved trace: the file `npm run trace -- prog.py --trace out.jsonl` writes
 * and the page's "Download trace" writes, one format: one event a line, as
 * JSON objects (docs/trace-format.md, "Saved traces and exports"). Reading
 * one back checks every event with the page's own checks (traceSchema.ts),
 * since a file may come from anyone. Pure: no React, no DOM.
 */
import { eventProblem, type TraceEvent } from '../../runtime/traceSchema';

/**
 * The largest file read: a run stops at 2,000,000 events (the trace's
 * limit, docs/trace-format.md) of about 100 bytes each, and what follows
 * the limit (its output) is bounded too.
 */
export const MAX_SAVED_TRACE_BYTES = 256 * 1024 * 1024;
/** The most events read: the trace's limit, and room for what a run records after it. */
export const MAX_SAVED_TRACE_EVENTS = 2_100_000;

const HOW =
  'a saved trace has one event a line, as `npm run trace -- prog.py --trace out.jsonl` writes it';

export type SavedTraceReading =
  | { readonly ok: true; readonly events: readonly TraceEvent[] }
  | { readonly ok: false; readonly message: string };

/** The file's text for a run's events (what the CLI's `--trace` writes for one program). */
export function toSavedTrace(events: readonly TraceEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('');
}

/** Whether a file of `bytes` bytes may be read at all (checked before reading it). */
export function savedTraceTooLarge(bytes: number): string | null {
  if (bytes <= MAX_SAVED_TRACE_BYTES) return null;
  const mb = (value: number) => (value / (1024 * 1024)).toFixed(0);
  return `The file is too large to be a trace: ${mb(bytes)} MB, where a trace is at most ${mb(MAX_SAVED_TRACE_BYTES)} MB.`;
}

const fail = (message: string): SavedTraceReading => ({ ok: false, message });

/**
 * Reads a saved trace of one run, or says in one sentence what is wrong
 * with it and on which line.
 */
export function readSavedTrace(
  text: string,
  maxEvents: number = MAX_SAVED_TRACE_EVENTS,
): SavedTraceReading {
  const tooLarge = savedTraceTooLarge(text.length);
  if (tooLarge !== null) return fail(tooLarge);
  const events: TraceEvent[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const number = index + 1;
    if (events.length === maxEvents) {
      return fail(
        `Line ${String(number)} is past the ${maxEvents.toLocaleString('en')} events a trace may have.`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return fail(`Line ${String(number)} is not JSON: ${HOW}.`);
    }
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'traceEvents')) {
      return fail(
        `Line ${String(number)} is a Chrome trace (from Export for Perfetto), which opens in Perfetto, not here: open the run's "Download trace" file.`,
      );
    }
    const problem = eventProblem(value);
    if (problem !== null) {
      return fail(`Line ${String(number)} is not a trace event: the event ${problem}.`);
    }
    const event = value as TraceEvent;
    if ((events.length === 0) !== (event.type === 'run.start')) {
      return fail(
        events.length === 0
          ? `Line ${String(number)} is not the start of a run (run.start): ${HOW}.`
          : `Line ${String(number)} starts a second run: open a trace of one program.`,
      );
    }
    events.push(event);
  }
  if (events.length === 0) return fail(`The file is empty: ${HOW}.`);
  return { ok: true, events };
}

/** The status line's sentence for a replayed trace: what was opened, and that nothing ran. */
export function describeReplay(fileName: string, events: readonly TraceEvent[]): string {
  const start = events[0];
  const end = events.at(-1);
  const program = start?.type === 'run.start' ? ` of ${start.file}` : '';
  const ending =
    end?.type === 'run.end'
      ? `, ${end.virtualTime.toFixed(1)} s of virtual time`
      : ', cut short before its end';
  return `Replayed a trace file: ${fileName}${program}${ending}. Nothing ran.`;
}
