// The API data against the real thing: CPython 3.14 in Pyodide (as the
// playground runs it). Loading Pyodide takes a few seconds.
import { describe, expect, it } from 'vitest';
import { loadNodeRuntime } from '../../runtime/host/nodeRuntime';
import { ASYNCIO_API } from './asyncioApi';

/** What CPython says about one name, in the data's own notation. */
interface Actual {
  readonly name: string;
  readonly exists: boolean;
  readonly kind: string | null;
  readonly signature: string | null;
}

const DESCRIBE_NAMES = `
import asyncio, inspect, json

def describe(name):
    if not hasattr(asyncio, name):
        return {"name": name, "exists": False, "kind": None, "signature": None}
    obj = getattr(asyncio, name)
    if isinstance(obj, str):
        return {"name": name, "exists": True, "kind": "constant", "signature": repr(obj)}
    if isinstance(obj, type) and issubclass(obj, BaseException):
        bases = ", ".join(base.__name__ for base in obj.__bases__)
        return {"name": name, "exists": True, "kind": "exception", "signature": f"({bases})"}
    signature = inspect.signature(obj)
    bare = signature.replace(
        parameters=[p.replace(annotation=p.empty) for p in signature.parameters.values()],
        return_annotation=signature.empty,
    )
    if isinstance(obj, type):
        kind = "class"
    elif inspect.iscoroutinefunction(obj):
        kind = "coroutine"
    else:
        kind = "function"
    # wait()'s default is the constant's value; the data names the constant.
    text = str(bare).replace("'ALL_COMPLETED'", "ALL_COMPLETED")
    return {"name": name, "exists": True, "kind": kind, "signature": text}

json.dumps([describe(name) for name in NAMES])
`;

describe('the asyncio API data', () => {
  it('matches CPython 3.14: names, kinds and signatures', { timeout: 120_000 }, async () => {
    const runtime = await loadNodeRuntime();
    const { pyodide } = runtime.python;
    expect(pyodide.runPython('import sys; "%d.%d" % sys.version_info[:2]')).toBe('3.14');
    // Identifiers only: their JSON list is a Python list literal too.
    const names = JSON.stringify(ASYNCIO_API.map((entry) => entry.name));
    const actual = JSON.parse(
      pyodide.runPython(`NAMES = ${names}\n${DESCRIBE_NAMES}`) as string,
    ) as Actual[];
    await runtime.close();
    const expected = ASYNCIO_API.map(({ name, kind, signature }) => ({
      name,
      exists: true,
      kind,
      // create_task passes **kwargs on to Task; the data spells them out (asyncioApi.ts).
      signature: name === 'create_task' ? '(coro, **kwargs)' : signature,
    }));
    expect(actual).toEqual(expected);
  });
});
