/**
 * A failed task that nobody holds is reported ("Task exception was never
 * retrieved") when CPython frees it: by reference counting, the moment the
 * last reference goes, not at the end of the run. The runtime's own frames
 * sit under every step, so whatever they hold after a step (the handle, the
 * task, an eager task's `self`) would keep the task alive through its
 * exception's traceback, and the report would wait for the final collection.
 * Each program runs traced and untraced; the report's place among the
 * program's own prints is the claim.
 */
import { describe, expect, it } from 'vitest';
import { runProgram, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

const REPORT = 'Task exception was never retrieved';

/** The program's output in order, with each report shortened to one line. */
function outputInOrder(source: string, trace: boolean): string[] {
  const result = runProgram(runtime(), source, { trace });
  expect(result.stderr).not.toContain('loopscope_runtime');
  return result.output
    .split('\n')
    .filter((line) => line === REPORT || !/^(future: |Traceback| {2}|\w+Error: )/.test(line))
    .filter((line) => line !== '');
}

describe.each([
  ['traced', true],
  ['untraced', false],
])('a dropped failed task, %s', (_mode, trace) => {
  it('is reported before the print that follows sleep(0)', () => {
    expect(
      outputInOrder(
        `
        import asyncio

        async def fails():
            raise ValueError("boom")

        async def main():
            loop = asyncio.get_running_loop()
            loop.create_task(fails())
            await asyncio.sleep(0)
            print("after sleep(0)")

        asyncio.run(main())
        print("after asyncio.run")
      `,
        trace,
      ),
    ).toEqual([REPORT, 'after sleep(0)', 'after asyncio.run']);
  });

  it('is reported when its step was the last of its loop iteration', () => {
    expect(
      outputInOrder(
        `
        import asyncio

        async def fails():
            raise ValueError("boom")

        async def main():
            asyncio.create_task(fails())
            await asyncio.sleep(1)
            print("after sleep(1)")

        asyncio.run(main())
      `,
        trace,
      ),
    ).toEqual([REPORT, 'after sleep(1)']);
  });

  it('is reported inside create_task when it is eager and fails at once', () => {
    expect(
      outputInOrder(
        `
        import asyncio

        async def fails():
            raise ValueError("boom")

        async def main():
            asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
            asyncio.create_task(fails())
            print("after create_task")

        asyncio.run(main())
      `,
        trace,
      ),
    ).toEqual([REPORT, 'after create_task']);
  });

  it('is reported at del when the only other holder is a cancelled handle', () => {
    // Handle.cancel drops the callback (here the task's bound method), and
    // with it the task, while the handle itself stays in the timer heap.
    expect(
      outputInOrder(
        `
        import asyncio

        async def fails():
            raise ValueError("boom")

        async def main():
            loop = asyncio.get_running_loop()
            task = asyncio.create_task(fails())
            handle = loop.call_later(10, task.cancel)
            await asyncio.sleep(0)
            handle.cancel()
            del task
            print("after del task")
            await asyncio.sleep(0)
            print("handle cancelled:", handle.cancelled())

        asyncio.run(main())
      `,
        trace,
      ),
    ).toEqual([REPORT, 'after del task', 'handle cancelled: True']);
  });

  it('is reported as soon as a simulated thread fails into a dropped future', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio

      def fails():
          raise OSError("in a thread")

      async def main():
          asyncio.get_running_loop().run_in_executor(None, fails)
          await asyncio.sleep(1)
          print("after sleep(1)")

      asyncio.run(main())
    `,
      { trace },
    );
    expect(result.output).toMatch(
      /^Future exception was never retrieved\n[^]*\n {2}File "main\.py", line 4, in fails\n[^]*OSError: in a thread\nafter sleep\(1\)\n$/,
    );
    // The thread's traceback starts at the function, as a real worker's does.
    expect(result.output).not.toContain('loopscope_runtime');
  });
});
