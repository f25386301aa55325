/**
 * Every way a program starts its event loop runs on the traced loop, each run
 * starts from a fresh `__main__`, and everything patched is put back after.
 */
import { describe, expect, it } from 'vitest';
import { SEED_PROGRAM } from '../../app/features/editor/seedProgram';
import { eventsOf, runProgram, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

describe('entry points', () => {
  it('runs the seed example exactly', () => {
    const result = runtime().run({ source: SEED_PROGRAM, filename: 'main.py' });
    expect(result.stdout).toBe('Hello, Alice!\nHello, Bob!\n');
    expect(result.stderr).toBe('');
    expect(result.summary).toMatchObject({ outcome: 'ok', exitCode: 0, virtualTime: 0 });
  });

  it.each([
    ['asyncio.run', 'asyncio.run(main())'],
    ['asyncio.Runner', 'with asyncio.Runner() as runner:\n    runner.run(main())'],
    [
      'Runner with loop_factory',
      'with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:\n    runner.run(main())',
    ],
    [
      'new_event_loop and run_until_complete',
      'loop = asyncio.new_event_loop()\nloop.run_until_complete(main())\nloop.close()',
    ],
  ])('uses the traced loop through %s', (_name, start) => {
    const result = runProgram(
      runtime(),
      `import asyncio\n\nasync def main():\n    await asyncio.sleep(2)\n    print(type(asyncio.get_running_loop()).__name__, asyncio.get_running_loop().time())\n\n${start}\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('TracedEventLoop 2.0\n');
    expect(eventsOf(result.events, 'loop.create')).toHaveLength(1);
  });

  it('follows 3.14: get_event_loop() with no current loop raises', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio
      try:
          asyncio.get_event_loop()
      except RuntimeError as exc:
          print(exc)
      loop = asyncio.new_event_loop()
      asyncio.set_event_loop(loop)
      print(asyncio.get_event_loop() is loop)
      loop.close()
    `,
    );
    expect(result.stdout).toBe("There is no current event loop in thread 'MainThread'.\nTrue\n");
  });

  it('runs a program whose top level awaits as the main task', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio
      await asyncio.sleep(1.5)
      print(asyncio.current_task().get_name(), asyncio.get_running_loop().time())
    `,
    );
    expect(result.stdout).toBe('Task-1 1.5\n');
    expect(eventsOf(result.events, 'task.create')[0]).toMatchObject({ task: 1, name: 'Task-1' });
  });

  it('gives every run a fresh __main__ and fresh task numbers', () => {
    runProgram(
      runtime(),
      `
      import asyncio
      leftover = 42
      async def main():
          await asyncio.gather(*(asyncio.sleep(0) for _ in range(3)))
      asyncio.run(main())
    `,
    );
    const second = runProgram(
      runtime(),
      `
      import asyncio
      print("leftover" in globals(), __name__)
      async def main():
          print(asyncio.current_task().get_name())
      asyncio.run(main())
    `,
    );
    expect(second.stdout).toBe('False __main__\nTask-1\n');
  });

  it('restores what the run patched, even what the program reassigned', () => {
    const host = runtime().python.pyodide;
    const probe =
      'import time, sys, asyncio, signal; repr((time.time() > 1.7e9, type(sys.stdout).__name__, id(asyncio.run), id(signal.getsignal(signal.SIGINT))))';
    const before: unknown = host.runPython(probe);
    runProgram(
      runtime(),
      `
      import asyncio, time, random, sys
      asyncio.sleep = None
      time.monotonic = None
      random.random = lambda: 4
    `,
    );
    const after = runProgram(
      runtime(),
      `
      import asyncio, random
      async def main():
          await asyncio.sleep(1)
          print("slept", random.random() != 4)
      asyncio.run(main())
    `,
    );
    expect(after.stdout).toBe('slept True\n');
    const restored: unknown = host.runPython(probe);
    expect(restored).toEqual(before);
  });

  it('reads stdin line by line, then raises EOFError as CPython does', () => {
    const result = runProgram(
      runtime(),
      `
      name = input("Name? ")
      print("Hi", name)
      print(input())
    `,
      { stdin: 'Ada\n' },
    );
    expect(result.stdout).toBe('Name? Hi Ada\n');
    expect(result.stderr).toMatch(/EOFError: EOF when reading a line\n$/);
    expect(result.summary.exitCode).toBe(1);
  });

  it("checks syntax with CPython's own compiler, without running anything", () => {
    const python = runtime().python;
    expect(python.checkSyntax('import asyncio\nawait asyncio.sleep(1)\n', 'main.py')).toBeNull();
    expect(python.checkSyntax('print("ran")\nasync def main(:\n    pass\n', 'main.py')).toEqual({
      error: 'SyntaxError',
      message: 'invalid syntax',
      line: 2,
      column: 16,
      endLine: 2,
      endColumn: 17,
    });
    // CPython gives no position for this one: the start, and no end, not nulls.
    expect(python.checkSyntax('a\0b', 'main.py')).toEqual({
      error: 'SyntaxError',
      message: 'source code string cannot contain null bytes',
      line: 1,
      column: 1,
    });
    expect(python.checkSyntax('if True:\nprint(1)\n', 'main.py')).toMatchObject({
      error: 'IndentationError',
      message: "expected an indented block after 'if' statement on line 1",
      line: 2,
    });
  });
});
