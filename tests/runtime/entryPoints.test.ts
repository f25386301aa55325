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
    [
      'asyncio.run with loop_factory=asyncio.EventLoop',
      'asyncio.run(main(), loop_factory=asyncio.EventLoop)',
    ],
    [
      'asyncio.run with loop_factory=asyncio.SelectorEventLoop',
      'asyncio.run(main(), loop_factory=asyncio.SelectorEventLoop)',
    ],
    [
      'Runner with loop_factory=asyncio.EventLoop',
      'with asyncio.Runner(loop_factory=asyncio.EventLoop) as runner:\n    runner.run(main())',
    ],
    [
      'asyncio.EventLoop()',
      'loop = asyncio.EventLoop()\nloop.run_until_complete(main())\nloop.close()',
    ],
    [
      'asyncio.SelectorEventLoop(selector)',
      'import selectors\nloop = asyncio.SelectorEventLoop(selectors.SelectSelector())\nloop.run_until_complete(main())\nloop.close()',
    ],
    [
      'DefaultEventLoopPolicy().new_event_loop()',
      'loop = asyncio.DefaultEventLoopPolicy().new_event_loop()\nloop.run_until_complete(main())\nloop.close()',
    ],
    [
      'a DefaultEventLoopPolicy subclass as the policy',
      'class Policy(asyncio.DefaultEventLoopPolicy):\n    pass\nasyncio.set_event_loop_policy(Policy())\nasyncio.run(main())',
    ],
    [
      'a policy of its own whose _loop_factory is SelectorEventLoop',
      'class Policy(asyncio.events._BaseDefaultEventLoopPolicy):\n    _loop_factory = asyncio.SelectorEventLoop\nasyncio.set_event_loop_policy(Policy())\nasyncio.run(main())',
    ],
  ])('uses the traced loop through %s', (_name, start) => {
    const result = runProgram(
      runtime(),
      // Policies are deprecated in 3.14: the warnings are not the point here.
      `import asyncio, warnings\nwarnings.simplefilter("ignore", DeprecationWarning)\n\nasync def main():\n    await asyncio.sleep(2)\n    print(type(asyncio.get_running_loop()).__name__, asyncio.get_running_loop().time())\n\n${start}\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('TracedEventLoop 2.0\n');
    expect(eventsOf(result.events, 'loop.create')).toHaveLength(1);
    expect(eventsOf(result.events, 'task.create')[0]).toMatchObject({ task: 1, coro: 'main()' });
    expect(eventsOf(result.events, 'task.end')[0]).toMatchObject({ task: 1 });
  });

  it('keeps the standard classes true of the traced loop and its policy', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio, warnings
      warnings.simplefilter("ignore", DeprecationWarning)

      async def main():
          loop = asyncio.get_running_loop()
          print(
              isinstance(loop, asyncio.AbstractEventLoop),
              isinstance(loop, asyncio.BaseEventLoop),
              isinstance(loop, asyncio.SelectorEventLoop),
              isinstance(loop, asyncio.EventLoop),
              asyncio.EventLoop is asyncio.SelectorEventLoop,
          )
          policy = asyncio.get_event_loop_policy()
          print(isinstance(policy, asyncio.DefaultEventLoopPolicy))

      asyncio.run(main())
    `,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('True True True True True\nTrue\n');
  });

  it("traces a program's own subclass of asyncio.EventLoop", () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      class CountingLoop(asyncio.EventLoop):
          def __init__(self):
              super().__init__()
              self.tasks_made = 0

          def create_task(self, coro, **kwargs):
              self.tasks_made += 1
              return super().create_task(coro, **kwargs)

      async def main():
          await asyncio.gather(asyncio.sleep(1), asyncio.sleep(2))
          loop = asyncio.get_running_loop()
          print(type(loop).__name__, loop.tasks_made, loop.time())

      asyncio.run(main(), loop_factory=CountingLoop)
    `,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('CountingLoop 3 2.0\n');
    expect(eventsOf(result.events, 'loop.create')).toHaveLength(1);
    expect(
      eventsOf(result.events, 'task.create')
        .map((event) => event.coro)
        .slice(0, 3),
    ).toEqual(['main()', 'sleep(1, None)', 'sleep(2, None)']);
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
    // Plain python3 refuses it: the summary says so, for a note to the learner.
    expect(result.summary.topLevelAwait).toBe(true);
  });

  it('says nothing of top-level await, or of not starting, for a program that ran', () => {
    const result = runtime().run({ source: SEED_PROGRAM, filename: 'main.py' });
    expect(result.summary.topLevelAwait).toBeUndefined();
    expect(result.summary.notStarted).toBeUndefined();
  });

  it('says a program with a syntax error did not start', () => {
    const result = runProgram(runtime(), 'print("never")\nprint(\n');
    expect(result.stdout).toBe('');
    expect(result.summary).toMatchObject({ outcome: 'error', exitCode: 1, notStarted: true });
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

  it('frees what a program leaves behind at its exit, warning as CPython does there', () => {
    const first = runProgram(
      runtime(),
      `
      async def main():
          pass

      def start():
          coro = main()
          raise ValueError("no loop")

      forgotten = main()
      start()
    `,
    );
    // CPython frees both coroutines after the program, with no frame running:
    // the one the traceback holds, then the global. One warning, not two, as
    // both are registered at the same place.
    expect(first.stderr).toMatch(
      /ValueError: no loop\n<sys>:0: RuntimeWarning: coroutine 'main' was never awaited\n$/,
    );
    const next = runProgram(runtime(), 'import gc\ngc.collect()\nprint("clean")\n');
    expect(next.stderr).toBe('');
    expect(next.stdout).toBe('clean\n');
  });

  it('restores what the run patched, even what the program reassigned', () => {
    const host = runtime().python.pyodide;
    const probe =
      'import time, sys, asyncio, signal; from asyncio import events, unix_events; repr((time.time() > 1.7e9, type(sys.stdout).__name__, id(asyncio.run), id(signal.getsignal(signal.SIGINT)), id(asyncio.EventLoop), id(unix_events._UnixSelectorEventLoop), id(unix_events.SelectorEventLoop), id(unix_events._DefaultEventLoopPolicy), id(events._get_event_loop_policy())))';
    const before: unknown = host.runPython(probe);
    runProgram(
      runtime(),
      `
      import asyncio, time, random, sys
      asyncio.sleep = None
      asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
      asyncio.unix_events.SelectorEventLoop = None
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

  it("keeps a program's garbage-collector settings to its own run", () => {
    const host = runtime().python.pyodide;
    const probe = 'import gc; repr((gc.isenabled(), gc.get_threshold(), len(gc.callbacks)))';
    const before: unknown = host.runPython(probe);
    host.runPython('import gc; gc.disable()');
    try {
      const first = runProgram(
        runtime(),
        `
        import gc
        print("collector on:", gc.isenabled())
        gc.disable()
        gc.set_threshold(5)
        gc.callbacks.append(lambda phase, info: None)
      `,
      );
      // Each run starts as CPython starts, collector on, even after the host turned it off.
      expect(first.stdout).toBe('collector on: True\n');
      const next = runProgram(
        runtime(),
        'import gc\nprint(gc.isenabled(), gc.get_threshold() != (5, 10, 0), gc.callbacks)\n',
      );
      expect(next.stdout).toBe('True True []\n');
      expect(host.runPython('import gc; gc.isenabled()')).toBe(false);
    } finally {
      host.runPython('import gc; gc.enable()');
    }
    expect(host.runPython(probe)).toEqual(before);
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

  it("shows only the program's frames when input() inside asyncio.run runs out", () => {
    const failing = (statement: string) =>
      runtime().run({
        source: `import asyncio\n\nasync def main():\n    ${statement}\n\nasyncio.run(main())\n`,
        filename: 'main.py',
      });
    const ranOut = failing('return input("Name? ")');
    expect(ranOut.summary.inputRanOut).toBe(true);
    expect(ranOut.stderr).toBe(
      [
        'Traceback (most recent call last):',
        '  File "main.py", line 6, in <module>',
        '    asyncio.run(main())',
        '    ~~~~~~~~~~~^^^^^^^^',
        '  File "main.py", line 4, in main',
        '    return input("Name? ")',
        'EOFError: EOF when reading a line',
        '',
      ].join('\n'),
    );
    // Any other exception keeps asyncio's frames, as CPython shows them.
    const raised = failing('raise EOFError("mine")');
    expect(raised.summary.inputRanOut).toBeUndefined();
    expect(raised.stderr).toContain('asyncio/runners.py');
  });

  it('shows no JavaScript frame under an error JavaScript threw', () => {
    // Programs reach no JavaScript of their own; this stands in for what the
    // browser's sandbox worker throws (workerConfinement.ts refusing code from strings).
    runtime().python.pyodide.registerJsModule('javascript_thrower', {
      refuse() {
        throw new EvalError('Code generation from strings disallowed for this context');
      },
    });
    const result = runtime().run({
      source: 'import javascript_thrower\n\njavascript_thrower.refuse()\n',
      filename: 'main.py',
    });
    expect(result.stderr).toBe(
      [
        'Traceback (most recent call last):',
        '  File "main.py", line 3, in <module>',
        '    javascript_thrower.refuse()',
        '    ~~~~~~~~~~~~~~~~~~~~~~~~~^^',
        'pyodide.ffi.JsException: EvalError: Code generation from strings disallowed for this context',
        '',
      ].join('\n'),
    );
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
