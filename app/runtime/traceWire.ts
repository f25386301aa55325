/**
 * Trace events as they cross from the runtime to a host (docs/trace-format.md,
 * "On the wire"): each event an array, its layout's code first, then its
 * fields in the layout's order, in batches that marshalReader.ts reads. The
 * runtime builds them from the same table (loopscope_runtime/wire.py;
 * tests/runtime/wireLayouts.test.ts compares the two). Positional arrays cost
 * the runtime about half as much to build as objects, in half the bytes.
 *
 * Decoding gives the objects the rest of the page reads, with the fields
 * traceSchema.ts names; it checks only the arrays' shape, and traceSchema.ts
 * checks each decoded event's fields.
 */
import type { TraceEvent } from './traceSchema';

interface WireLayout {
  readonly type: TraceEvent['type'];
  /** Fields the code itself says (`task.end`'s outcome). */
  readonly fixed?: Readonly<Record<string, string>>;
  /** The fields after the code, in order; a name ending in `?` is optional. */
  readonly fields: readonly string[];
}

/** Per code, in code order (wire.py's LAYOUTS). */
export const WIRE_LAYOUTS: readonly WireLayout[] = [
  { type: 'run.start', fields: ['version', 'file', 'python', 'traced'] },
  { type: 'run.end', fields: ['outcome', 'exitCode', 'virtualTime', 'wallMs', 'events'] },
  { type: 'loop.create', fields: ['loop', 't'] },
  { type: 'iteration', fields: ['n', 't', 'due?'] },
  { type: 'ready', fields: ['h', 'task', 'by'] },
  { type: 'ready', fields: ['h', 'callback', 'by', 'internal?'] },
  { type: 'ready.cancel', fields: ['h'] },
  { type: 'timer', fields: ['h', 'when', 'callback', 'by', 'task?', 'internal?'] },
  { type: 'timer.cancel', fields: ['h'] },
  { type: 'step', fields: ['h', 'cpu'] },
  {
    type: 'task.create',
    fields: ['task', 'name', 'coro', 'parent', 'line', 'api', 'by', 'internal'],
  },
  { type: 'task.suspend', fields: ['h', 'task', 'reason', 'chain', 'cpu'] },
  { type: 'task.cancel', fields: ['task', 'by', 'byTask', 'msg'] },
  { type: 'task.end', fixed: { outcome: 'result' }, fields: ['h', 'task', 'cpu', 'repr'] },
  { type: 'task.end', fixed: { outcome: 'cancelled' }, fields: ['h', 'task', 'cpu'] },
  {
    type: 'task.end',
    fixed: { outcome: 'exception' },
    fields: ['h', 'task', 'cpu', 'error', 'message', 'line'],
  },
  { type: 'loop.blocked', fields: ['task', 'h', 'line', 'duration', 't'] },
  { type: 'output', fields: ['stream', 'text', 'task', 'thread', 'chain', 't'] },
  { type: 'warning', fields: ['category', 'message', 'line', 'task', 't'] },
  { type: 'error', fields: ['error', 'message', 'line', 'task', 't'] },
  { type: 'limit', fields: ['kind', 'message', 't'] },
  { type: 'thread.start', fields: ['thread', 'worker', 'fn', 'start', 'task', 'line'] },
  { type: 'thread.end', fields: ['thread', 'end', 'cpu', 'error'] },
  { type: 'net.listen', fields: ['port', 'host', 'task', 'by'] },
  { type: 'net.connect', fields: ['conn', 'from', 'to', 'task', 'by'] },
  { type: 'net.refused', fields: ['to', 'task', 'by'] },
  { type: 'net.send', fields: ['conn', 'side', 'bytes', 'preview', 'task', 'by'] },
  { type: 'net.recv', fields: ['conn', 'side', 'bytes', 'task', 'by'] },
  { type: 'net.close', fields: ['conn', 'side', 'how', 'reset', 'task', 'by'] },
  { type: 'net.server.close', fields: ['port', 'host', 'task', 'by'] },
];

/** A wait reason's fields, in order (wire.py's REASON). */
export const REASON_LAYOUT: readonly string[] = [
  'kind',
  'until?',
  'task?',
  'tasks?',
  'left?',
  'name?',
  'deadline?',
];

/** How one field is read: as it is, as a wait reason, or as a frame chain. */
type FieldReader = 'plain' | 'reason' | 'chain';

interface CompiledField {
  readonly name: string;
  readonly optional: boolean;
  readonly reader: FieldReader;
}

interface CompiledLayout {
  readonly type: string;
  readonly fixed: readonly (readonly [string, string])[];
  readonly fields: readonly CompiledField[];
}

function compileField(spec: string): CompiledField {
  const optional = spec.endsWith('?');
  const name = optional ? spec.slice(0, -1) : spec;
  const reader: FieldReader = name === 'reason' || name === 'chain' ? name : 'plain';
  return { name, optional, reader };
}

// Read once: a trace can hold a million events.
const COMPILED: readonly CompiledLayout[] = WIRE_LAYOUTS.map((layout) => ({
  type: layout.type,
  fixed: Object.entries(layout.fixed ?? {}),
  fields: layout.fields.map(compileField),
}));
const REASON_FIELDS = REASON_LAYOUT.map(compileField);

/**
 * Turns the wire's nested values into shared objects: one object for every
 * equal chain and every equal reason in a batch (chainPool.ts says why).
 */
export interface NestedReaders {
  readonly chain: (wire: unknown) => unknown;
  readonly reason: (wire: unknown) => unknown;
}

/** Sets `fields` on `target`, read from `values` starting at `from`; false when a field is missing. */
function readFields(
  target: Record<string, unknown>,
  fields: readonly CompiledField[],
  values: readonly unknown[],
  from: number,
  nested: NestedReaders | null,
): boolean {
  // An indexed loop: this runs for every field of every event.
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index] as CompiledField;
    const position = from + index;
    const value = values[position];
    if (field.optional) {
      if (value !== null && value !== undefined) target[field.name] = value;
    } else if (position >= values.length) {
      return false;
    } else if (field.reader === 'plain' || nested === null) {
      target[field.name] = value;
    } else {
      target[field.name] = nested[field.reader](value);
    }
  }
  return true;
}

/** A wait reason from its wire list; null (which its check refuses) when it is not one. */
export function decodeReason(wire: unknown): unknown {
  if (!Array.isArray(wire)) return null;
  const reason: Record<string, unknown> = {};
  return readFields(reason, REASON_FIELDS, wire, 0, null) ? reason : null;
}

/** A frame chain from its `[fn, line]` pairs; null (which its check refuses) when it is not one. */
export function decodeChain(wire: unknown): unknown {
  if (!Array.isArray(wire)) return null;
  const chain: unknown[] = [];
  for (const pair of wire) {
    if (!Array.isArray(pair) || pair.length !== 2) return null;
    chain.push({ fn: pair[0] as unknown, line: pair[1] as unknown });
  }
  return chain;
}

/**
 * The event object a wire event stands for, its fields not yet checked; null
 * when it is not an array with a known code and every field its layout needs.
 */
export function decodeWireEvent(
  wire: unknown,
  nested: NestedReaders,
): Record<string, unknown> | null {
  if (!Array.isArray(wire)) return null;
  const code: unknown = wire[0];
  const layout = typeof code === 'number' ? COMPILED[code] : undefined;
  if (layout === undefined) return null;
  const event: Record<string, unknown> = { type: layout.type };
  for (const [name, value] of layout.fixed) event[name] = value;
  return readFields(event, layout.fields, wire, 1, nested) ? event : null;
}
