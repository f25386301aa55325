/**
 * For tests: trace events as the runtime sends them (traceWire.ts), so that a
 * test can write the events it means and hand the page a batch of the wire.
 */
import type { TraceEvent } from '../traceSchema';
import { REASON_LAYOUT, WIRE_LAYOUTS } from '../traceWire';

const fieldName = (spec: string): string => spec.replace(/\?$/, '');

/** `values` by `layout`, with the optional ones the object lacks as null and trailing ones left off. */
function positional(
  layout: readonly string[],
  source: Readonly<Record<string, unknown>>,
): unknown[] {
  const values = layout.map((spec) => source[fieldName(spec)] ?? null);
  while (values.length > 0 && values.at(-1) === null && layout[values.length - 1]?.endsWith('?')) {
    values.pop();
  }
  return values;
}

/** The code whose layout is this event's: its type, the fields the code fixes, and no field it lacks. */
function codeOf(event: Readonly<Record<string, unknown>>): number {
  const code = WIRE_LAYOUTS.findIndex(
    (layout) =>
      layout.type === event.type &&
      Object.entries(layout.fixed ?? {}).every(([name, value]) => event[name] === value) &&
      Object.keys(event).every(
        (name) =>
          name === 'type' ||
          Object.hasOwn(layout.fixed ?? {}, name) ||
          layout.fields.some((spec) => fieldName(spec) === name),
      ),
  );
  if (code < 0) throw new Error(`no wire layout for ${JSON.stringify(event)}`);
  return code;
}

export function wireEvent(event: TraceEvent): unknown[] {
  const fields: Record<string, unknown> = { ...event };
  if ('chain' in event) fields.chain = event.chain.map((frame) => [frame.fn, frame.line]);
  if ('reason' in event) fields.reason = positional(REASON_LAYOUT, { ...event.reason });
  const code = codeOf(fields);
  const layout = WIRE_LAYOUTS[code]?.fields ?? [];
  return [code, ...positional(layout, fields)];
}

/** A batch of `events` as the runtime would post it. */
export function wireBatch(events: readonly TraceEvent[]): string {
  return JSON.stringify(events.map(wireEvent));
}
