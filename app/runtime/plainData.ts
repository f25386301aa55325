/**
 * Checks of plain data that came from elsewhere (a worker's message, a
 * parsed JSON text) before the page uses it. A learner's program runs in
 * the worker and can post messages of its own, so nothing it sends is
 * trusted to have the shape its type claims. No DOM, no React.
 */

/** Tells whether a value has the shape it should. */
export type Check = (value: unknown) => boolean;

/** A field that may be absent (present, it must pass `check`). */
export interface Optional {
  readonly optional: Check;
}

/** The fields of an object and how each is checked; extra fields are allowed. */
export type Fields = Readonly<Record<string, Check | Optional>>;

/** The fields of `T` but its `type`, each with its check: a table that forgets one does not compile. */
export type FieldsOf<T> = { readonly [K in Exclude<keyof T, 'type'>]-?: Check | Optional };

export const isNumber: Check = (value) => typeof value === 'number';
export const isString: Check = (value) => typeof value === 'string';
export const isBoolean: Check = (value) => typeof value === 'boolean';

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optional(check: Check): Optional {
  return { optional: check };
}

export function orNull(check: Check): Check {
  return (value) => value === null || check(value);
}

export function oneOf(...values: readonly unknown[]): Check {
  return (value) => values.includes(value);
}

export function listOf(check: Check): Check {
  return (value) => Array.isArray(value) && value.every(check);
}

/**
 * A check that `value` is an object whose fields pass `fields`' checks. The
 * table is read once here: a trace can hold a million events.
 */
export function objectWith(fields: Fields): Check {
  const entries = Object.entries(fields).map(([name, check]) =>
    typeof check === 'function'
      ? { name, check, optional: false }
      : { name, check: check.optional, optional: true },
  );
  return (value) => {
    if (!isRecord(value)) return false;
    for (const { name, check, optional: mayLack } of entries) {
      const field = value[name];
      if (!(mayLack && field === undefined) && !check(field)) return false;
    }
    return true;
  };
}
