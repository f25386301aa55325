/**
 * Bad input is normal input: each of these ends with a clear message, and the
 * next run on the same interpreter works.
 */
import { describe, expect, it } from 'vitest';
import { LIMIT_OPTIONS } from '../../tools/trace/limitOptions';
import { corpusProgram } from '../hostile/corpus';
import { eventsOf, runProgram, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

function expectNextRunWorks(): void {
  const after = runProgram(runtime(), 'print("still alive")');
  expect(after.stdout).toBe('still alive\n');
  expect(after.summary.outcome).toBe('ok');
}

describe('bad input', () => {
  it('reports a syntax error as CPython does, with its line', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def main(:
          pass
    `,
    );
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      '  File "main.py", line 3\n    async def main(:\n                   ^\nSyntaxError: invalid syntax\n',
    );
    expect(result.summary).toMatchObject({ outcome: 'error', exitCode: 1 });
    expect(eventsOf(result.events, 'error')[0]).toMatchObject({ error: 'SyntaxError', line: 3 });
    expectNextRunWorks();
  });

  it('interrupts `while True: pass` in a coroutine with the watchdog', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def spin():
          print("spinning")
          while True:
              pass

      asyncio.run(spin())
    `,
      {},
      { wallTimeoutMs: 1500 },
    );
    expect(result.stdout).toBe('spinning\n');
    expect(result.summary).toMatchObject({ outcome: 'interrupted', exitCode: 1 });
    expect(result.stopMessage).toMatch(/^Stopped: the run took more than 1\.5 s of real time/);
    expectNextRunWorks();
  });

  it('interrupts a busy loop even when the program catches BaseException', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def stubborn():
          while True:
              try:
                  while True:
                      pass
              except BaseException:
                  print("caught it")

      asyncio.run(stubborn())
    `,
      {},
      { wallTimeoutMs: 1000 },
    );
    expect(result.summary.outcome).toBe('interrupted');
    expectNextRunWorks();
  });

  it('stops `while True: await asyncio.sleep(1)` at the virtual-time limit', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def tick():
          while True:
              await asyncio.sleep(1)

      asyncio.run(tick())
    `,
    );
    expect(result.summary).toMatchObject({ outcome: 'limit', exitCode: 1 });
    expect(result.stopMessage).toBe(
      'Stopped: virtual time would pass the 3600 s limit (is there a loop that never ends?)',
    );
    expect(eventsOf(result.events, 'limit')).toHaveLength(1);
    expectNextRunWorks();
  });

  it.each([true, false])('names every waiting task in a deadlock (traced: %s)', (trace) => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def main():
          q = asyncio.Queue()
          lock = asyncio.Lock()
          await lock.acquire()

          async def worker():
              async with lock:
                  pass

          asyncio.create_task(worker())
          await q.get()

      asyncio.run(main())
    `,
      { trace },
    );
    expect(result.summary.outcome).toBe('limit');
    expect(result.stopMessage).toBe(
      'Deadlock: no task can make progress: Task-1 waits on queue.get (q); Task-2 waits on lock.acquire (lock)',
    );
    expect(result.stderr).toBe('');
    expectNextRunWorks();
  });

  it('stops a million printed lines at the output cap, keeping what came before', () => {
    const result = runProgram(
      runtime(),
      `
      for i in range(10**6):
          print(i)
    `,
      {},
      // The output cap must stop it, not the watchdog: a busy machine takes seconds to print this.
      { wallTimeoutMs: 100_000 },
    );
    expect(result.summary).toMatchObject({ outcome: 'limit', exitCode: 1 });
    expect(result.stopMessage).toMatch(
      /^Stopped: the program printed more than 4,000,000 characters/,
    );
    expect(result.stdout.startsWith('0\n1\n2\n')).toBe(true);
    expect(result.stdout.length).toBeLessThanOrEqual(4_000_000);
    expectNextRunWorks();
  });

  it('exits with the code given to sys.exit, without a traceback', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio, sys

      async def main():
          print("leaving")
          sys.exit(3)

      asyncio.run(main())
    `,
    );
    expect(result.stdout).toBe('leaving\n');
    expect(result.stderr).toBe('');
    expect(result.summary).toMatchObject({ outcome: 'error', exitCode: 3 });
    expectNextRunWorks();
  });

  // CPython reads the int as a C long long (-1 when it does not fit) and keeps a C int of it.
  it.each([
    ['2**100 + 7', -1],
    ['2**32 + 3', 3],
    ['-(2**31) - 1', 2 ** 31 - 1],
    ['256', 256],
  ])('exits from sys.exit(%s) with the code CPython takes from it, %d', (code, exitCode) => {
    const result = runProgram(runtime(), `import sys\nsys.exit(${code})\n`);
    expect(result.stderr).toBe('');
    expect(result.summary).toMatchObject({ outcome: 'error', exitCode });
  });

  it('prints a raised KeyboardInterrupt as CPython does', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def main():
          raise KeyboardInterrupt

      asyncio.run(main())
    `,
    );
    expect(result.stderr).toMatch(/^Traceback \(most recent call last\):\n/);
    expect(result.stderr).toMatch(
      /File "main.py", line 4, in main\n {4}raise KeyboardInterrupt\nKeyboardInterrupt\n$/,
    );
    expect(result.stderr).not.toContain('loopscope_runtime');
    expect(result.summary).toMatchObject({ outcome: 'error', exitCode: 130 });
    expectNextRunWorks();
  });

  it("refuses a nested asyncio.run with CPython's message", () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def inner():
          return 1

      async def main():
          asyncio.run(inner())

      asyncio.run(main())
    `,
    );
    expect(result.stderr).toContain(
      'RuntimeError: asyncio.run() cannot be called from a running event loop\n',
    );
    expect(result.stderr).toContain("RuntimeWarning: coroutine 'inner' was never awaited");
    expect(result.summary.exitCode).toBe(1);
    expectNextRunWorks();
  });

  it('refuses to use a closed loop', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def main():
          return 1

      loop = asyncio.new_event_loop()
      loop.close()
      loop.run_until_complete(main())
    `,
    );
    expect(result.stderr).toContain('RuntimeError: Event loop is closed\n');
    expect(result.summary.exitCode).toBe(1);
    expectNextRunWorks();
  });

  it('cannot be talked out of a limit by `except Exception`', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def main():
          while True:
              try:
                  await asyncio.sleep(100)
              except Exception:
                  print("swallowed")

      asyncio.run(main())
    `,
    );
    expect(result.stdout).toBe('');
    expect(result.summary.outcome).toBe('limit');
    expectNextRunWorks();
  });

  it('reports only the line of an exception whose traceback is too deep to free', () => {
    // The real depth (100,000 entries) would crash this interpreter as the
    // traceback is freed; the same rule, with a depth that does not.
    const setDepth = (depth: number): void => {
      runtime().python.pyodide.runPython(
        `import loopscope_runtime.tracebacks as t\nt.REPORTED_DEPTH = ${depth}`,
      );
    };
    const program = (depth: number) => `
      def down(n):
          if n == 0:
              raise ValueError("deep")
          down(n - 1)

      down(${depth})
    `;
    setDepth(50);
    try {
      const deep = runProgram(runtime(), program(60));
      expect(deep.stderr).toBe('ValueError: deep\n');
      expect(deep.summary).toMatchObject({ outcome: 'error', exitCode: 1 });
      expect(eventsOf(deep.events, 'error')[0]).toMatchObject({ error: 'ValueError', line: null });
      const shallow = runProgram(runtime(), program(40));
      expect(shallow.stderr).toMatch(/^Traceback \(most recent call last\):\n/);
      expect(shallow.stderr).toContain('[Previous line repeated 37 more times]');
      expect(eventsOf(shallow.events, 'error')[0]).toMatchObject({ line: 3 });
    } finally {
      setDepth(100_000);
    }
    expectNextRunWorks();
  });

  it("names and defaults the command line's limits as the runtime does", () => {
    const runtimeLimits = JSON.parse(
      String(
        runtime().python.pyodide.runPython(`
import dataclasses, json
from loopscope_runtime import limits
json.dumps({
    "kinds": [limits.VIRTUAL_TIME, limits.ITERATIONS, limits.EVENTS, limits.OUTPUT, limits.TASKS],
    "defaults": dataclasses.asdict(limits.Limits()),
})
`),
      ),
    ) as { kinds: string[]; defaults: Record<string, number> };
    expect(LIMIT_OPTIONS.map((option) => option.name)).toEqual(runtimeLimits.kinds);
    // max_virtual_time -> maxVirtualTime, the RunRequest field that sets it.
    const defaults = Object.fromEntries(
      Object.entries(runtimeLimits.defaults).map(([field, value]) => [
        field.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase()),
        value,
      ]),
    );
    expect(
      Object.fromEntries(LIMIT_OPTIONS.map((option) => [option.key, option.defaultValue])),
    ).toEqual(defaults);
  });

  it.each([
    ['maxIterations', { maxIterations: 50 }, /^Stopped: the event loop ran 50 iterations/],
    ['maxEvents', { maxEvents: 300 }, /^Stopped: the trace reached 300 events/],
  ])('stops at the %s cap it is given', (_name, limits, message) => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      async def main():
          for i in range(1000):
              await asyncio.sleep(0)

      asyncio.run(main())
    `,
      { limits },
    );
    expect(result.summary).toMatchObject({ outcome: 'limit', exitCode: 1 });
    expect(result.stopMessage).toMatch(message);
    expectNextRunWorks();
  });

  it('records nothing past the event cap but the end of the run, however many tasks are left to cancel', () => {
    const result = runProgram(runtime(), corpusProgram('task_flood.py'), {
      limits: { maxEvents: 3000 },
    });
    expect(result.summary).toMatchObject({ outcome: 'limit', exitCode: 1 });
    const limit = result.events.findIndex((event) => event.type === 'limit');
    // asyncio.run cancels the hundreds of tasks left; none of it is recorded.
    expect(result.events.slice(limit + 1).map((event) => event.type)).toEqual(['run.end']);
    expectNextRunWorks();
  });

  it.each([true, false])(
    'stops tasks that create tasks at the task cap, recording nothing past it (traced: %s)',
    (trace) => {
      const result = runProgram(runtime(), corpusProgram('task_flood.py'), {
        trace,
        limits: { maxTasks: 500 },
      });
      expect(result.summary).toMatchObject({ outcome: 'limit', exitCode: 1 });
      expect(result.stopMessage).toBe(
        'Stopped: the program created 500 tasks (do tasks create tasks without end?)',
      );
      if (trace) {
        expect(eventsOf(result.events, 'task.create')).toHaveLength(500);
        const limit = result.events.findIndex((event) => event.type === 'limit');
        expect(result.events.slice(limit + 1).map((event) => event.type)).toEqual(['run.end']);
      }
      expectNextRunWorks();
    },
  );
});
