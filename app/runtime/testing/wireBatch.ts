/**
 * For tests: trace events as the runtime sends them (traceWire.ts, in
 * marshal's format as marshalReader.ts reads it), so that a test can write
 * the events it means and hand the page a batch of the wire.
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

/** Appends `value` in marshal's format: lists, whole numbers, floats, strings, null, booleans. */
function writeMarshal(value: unknown, out: number[]): void {
  const int32 = (n: number): void => {
    out.push(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
  };
  if (value === null) out.push('N'.charCodeAt(0));
  else if (value === true) out.push('T'.charCodeAt(0));
  else if (value === false) out.push('F'.charCodeAt(0));
  else if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31) {
    out.push('i'.charCodeAt(0));
    int32(value);
  } else if (typeof value === 'number') {
    out.push('g'.charCodeAt(0));
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    out.push(...bytes);
  } else if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    out.push('u'.charCodeAt(0));
    int32(bytes.length);
    out.push(...bytes);
  } else if (Array.isArray(value)) {
    out.push('['.charCodeAt(0));
    int32(value.length);
    for (const item of value) writeMarshal(item, out);
  } else {
    throw new Error(`cannot marshal ${JSON.stringify(value)}`);
  }
}

/** `value` as `marshal.dumps` would write it (without its back-references). */
export function marshalled(value: unknown): Uint8Array {
  const out: number[] = [];
  writeMarshal(value, out);
  return new Uint8Array(out);
}

/** A batch of `events` as the runtime would post it. */
export function wireBatch(events: readonly TraceEvent[]): Uint8Array {
  return marshalled(events.map(wireEvent));
}
