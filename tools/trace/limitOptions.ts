/**
 * `--limit NAME=VALUE`: the run limits an instructor can change on the
 * command line, e.g. `--limit virtual-time=86400` for a day-long simulation.
 * A limit's name is the `kind` its `limit` event reports when it stops a run
 * (limits.py), so the message and the option use the same word. Pure: no
 * Node or Pyodide.
 */
import type { RunLimits } from '../../app/runtime/host/runtimeTypes';

/** One limit that `--limit` accepts. */
export interface LimitOption {
  /** The name given on the command line: the `limit` event's `kind`. */
  readonly name: string;
  /** The field of `RunRequest.limits` it sets. */
  readonly key: keyof RunLimits;
  /** The runtime's default (limits.py `Limits`; a runtime test checks they agree). */
  readonly defaultValue: number;
  /** What the value counts, for the usage text. */
  readonly unit: string;
  /** Whether only whole numbers make sense (counts, not seconds). */
  readonly whole: boolean;
}

export const LIMIT_OPTIONS: readonly LimitOption[] = [
  {
    name: 'virtual-time',
    key: 'maxVirtualTime',
    defaultValue: 3_600,
    unit: 'virtual seconds',
    whole: false,
  },
  {
    name: 'iterations',
    key: 'maxIterations',
    defaultValue: 1_000_000,
    unit: 'event-loop iterations',
    whole: true,
  },
  { name: 'events', key: 'maxEvents', defaultValue: 2_000_000, unit: 'trace events', whole: true },
  {
    name: 'output',
    key: 'maxOutputChars',
    defaultValue: 4_000_000,
    unit: 'characters of stdout and stderr',
    whole: true,
  },
  { name: 'tasks', key: 'maxTasks', defaultValue: 100_000, unit: 'tasks created', whole: true },
];

const NAMES = LIMIT_OPTIONS.map((option) => option.name).join(', ');

/** The lines of the usage text that list the limits and their defaults. */
export function describeLimits(): string {
  const width = Math.max(...LIMIT_OPTIONS.map((option) => option.name.length));
  const lines = LIMIT_OPTIONS.map(
    (option) =>
      `  ${option.name.padEnd(width)}  ${String(option.defaultValue).padStart(7)}  ${option.unit}`,
  );
  return ['limits (--limit NAME=VALUE, repeatable; the defaults):', ...lines].join('\n');
}

/** What `--limit` options amount to: the limits to pass, or a one-line complaint. */
export type ParsedLimits =
  | { readonly ok: true; readonly limits: Partial<RunLimits> }
  | { readonly ok: false; readonly message: string };

/** Reads every `--limit NAME=VALUE`; a later value for the same name wins. */
export function parseLimits(specs: readonly string[]): ParsedLimits {
  const limits: Partial<Record<keyof RunLimits, number>> = {};
  for (const spec of specs) {
    const equals = spec.indexOf('=');
    const name = equals < 0 ? spec : spec.slice(0, equals);
    const option = LIMIT_OPTIONS.find((candidate) => candidate.name === name);
    if (option === undefined) {
      return { ok: false, message: `--limit ${spec}: unknown limit; the limits are ${NAMES}` };
    }
    const text = equals < 0 ? '' : spec.slice(equals + 1).trim();
    const value = Number(text);
    const valid =
      text !== '' &&
      Number.isFinite(value) &&
      value > 0 &&
      (!option.whole || Number.isInteger(value));
    if (!valid) {
      const wanted = option.whole ? 'a positive whole number' : 'a positive number';
      return {
        ok: false,
        message: `--limit ${spec}: ${name} needs ${wanted} (${option.unit}); the limits are ${NAMES}`,
      };
    }
    limits[option.key] = value;
  }
  return { ok: true, limits };
}
