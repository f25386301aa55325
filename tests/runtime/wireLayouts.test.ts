/**
 * The runtime and the hosts read trace events on the wire with one table
 * each (loopscope_runtime/wire.py, app/runtime/traceWire.ts): they must be
 * the same table, code for code.
 */
import { describe, expect, it } from 'vitest';
import { REASON_LAYOUT, WIRE_LAYOUTS } from '../../app/runtime/traceWire';
import { useRuntime } from './runtimeFixture';

const runtime = useRuntime();

/** A Python expression's value, as JSON. */
function pythonValue(expression: string): unknown {
  const json: unknown = runtime().python.pyodide.runPython(
    `import json, loopscope_runtime.wire as wire\njson.dumps(${expression})`,
  );
  return JSON.parse(String(json));
}

describe('the wire layouts', () => {
  it('are the same in the runtime and the hosts', () => {
    const python = pythonValue(
      '[{"type": t, "fixed": f, "fields": list(names)} for t, f, names in wire.LAYOUTS]',
    );
    expect(python).toEqual(
      WIRE_LAYOUTS.map((layout) => ({
        type: layout.type,
        fixed: layout.fixed ?? {},
        fields: layout.fields,
      })),
    );
  });

  it('give wait reasons the same fields in the runtime and the hosts', () => {
    expect(pythonValue('list(wire.REASON)')).toEqual(REASON_LAYOUT);
  });

  it('name each code the runtime emits after its layout', () => {
    const names = pythonValue(
      '{name: value for name, value in vars(wire).items() if name.isupper() and type(value) is int}',
    ) as Record<string, number>;
    const codes = Object.entries(names).filter(([name]) => !/^(REASON_|OUTPUT_TEXT)/.test(name));
    expect(codes).toHaveLength(WIRE_LAYOUTS.length);
    for (const [name, code] of codes) {
      const type = WIRE_LAYOUTS[code]?.type ?? '';
      // READY_TASK is a `ready`, TASK_END_RESULT a `task.end`: the name starts with the type's.
      expect(name.startsWith(type.replaceAll('.', '_').toUpperCase()), name).toBe(true);
    }
  });
});
