/**
 * Every `output` event names the learner's frames that wrote it (`chain`),
 * so playback can light up the printing line: those of the running step
 * (task, callback, simulated thread), or of the module outside the loop, and
 * none for what the runtime or Python writes itself.
 */
import { describe, expect, it } from 'vitest';
import { SEED_PROGRAM } from '../../app/features/editor/seedProgram';
import type { ChainFrame, OutputEvent } from '../../app/runtime/traceSchema';
import { eventsOf, runProgram, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

/** Each output's text with its chain written as `fn:line` items, outermost first. */
function chains(outputs: readonly OutputEvent[]): [string, string[]][] {
  return outputs.map((output) => [output.text, output.chain.map(frameText)]);
}

function frameText(frame: ChainFrame): string {
  return `${frame.fn}:${String(frame.line)}`;
}

function outputChains(source: string): [string, string[]][] {
  return chains(eventsOf(runProgram(runtime(), source).events, 'output'));
}

describe('output chains', () => {
  it('gives the seed example main then greet, at each await line', () => {
    const result = runtime().run({ source: SEED_PROGRAM, filename: 'main.py' });
    // asyncio.run's line (10) is not in it: the loop runs main's step, not that line.
    expect(chains(eventsOf(result.events, 'output'))).toEqual([
      ['Hello, Alice!\n', ['main:7', 'greet:4']],
      ['Hello, Bob!\n', ['main:8', 'greet:4']],
    ]);
  });

  it('starts at <module> outside the loop', () => {
    expect(
      outputChains(`
        def shout(word):
            print(word.upper())

        print("plain")
        shout("called")
      `),
    ).toEqual([
      ['plain\n', ['<module>:4']],
      ['CALLED\n', ['<module>:5', 'shout:2']],
    ]);
  });

  it('follows a coroutine two levels deep', () => {
    expect(
      outputChains(`
        import asyncio

        async def inner():
            print("deep")

        async def middle():
            await inner()

        async def main():
            await middle()

        asyncio.run(main())
      `),
    ).toEqual([['deep\n', ['main:10', 'middle:7', 'inner:4']]]);
  });

  it("gives a call_soon callback's own frames", () => {
    expect(
      outputChains(`
        import asyncio

        def ring(bell):
            print("ring", bell)

        async def main():
            asyncio.get_running_loop().call_soon(ring, 1)
            await asyncio.sleep(0)

        asyncio.run(main())
      `),
    ).toEqual([['ring 1\n', ['ring:4']]]);
  });

  it("keeps a thread's frames from when it printed, not from when its output is written", () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio, time

      def log(message):
          print(message)

      def crunch(n):
          log("start")
          time.sleep(n)
          print("done", n)

      async def main():
          print("before")
          await asyncio.to_thread(crunch, 2)

      asyncio.run(main())
    `,
    );
    const outputs = eventsOf(result.events, 'output');
    expect(chains(outputs)).toEqual([
      ['before\n', ['main:12']],
      ['start\n', ['crunch:7', 'log:4']],
      ['done 2\n', ['crunch:9']],
    ]);
    expect(outputs.map((output) => [output.thread, output.t])).toEqual([
      [null, 0],
      [1, 0],
      [1, 2],
    ]);
  });

  it("starts an eager task's first step at its own coroutine", () => {
    expect(
      outputChains(`
        import asyncio

        async def child():
            print("eager")

        async def main():
            asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
            await asyncio.create_task(child())

        asyncio.run(main())
      `),
    ).toEqual([['eager\n', ['child:4']]]);
  });

  it('leaves the chain empty for what the runtime and Python write', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio, gc, warnings

      class Leaky:
          def __del__(self):
              raise RuntimeError("leak")

      async def fail():
          raise ValueError("lost")

      async def main():
          task = asyncio.create_task(fail())
          await asyncio.sleep(0)
          warnings.warn("careful")
          del task  # reports the unretrieved exception now, inside main's step
          gc.collect()
          Leaky()
          print("after")
          raise KeyError("end")

      asyncio.run(main())
    `,
    );
    const outputs = eventsOf(result.events, 'output');
    expect(chains(outputs.filter((output) => output.chain.length > 0))).toEqual([
      ['after\n', ['main:17']],
    ]);
    const firstLines = outputs.map((output) => output.text.split('\n')[0]);
    expect(firstLines.slice(0, 3)).toEqual([
      'main.py:13: UserWarning: careful',
      'Task exception was never retrieved',
      expect.stringMatching(/^Exception ignored while calling deallocator/) as string,
    ]);
    expect(firstLines).toContain('Traceback (most recent call last):');
    expect(firstLines.at(-1)).toBe("KeyError: 'end'");
  });

  it('gives a line to a frame at an instruction that has none', () => {
    // The clean-up after `except* ... as excs:` has no line (f_lineno is None);
    // freeing the group there runs __del__, whose print names that frame: at
    // the line of the last instruction before it that has one, the except*.
    expect(
      outputChains(`
        class Noisy(Exception):
            def __del__(self):
                print("freed")

        def f():
            try:
                raise ExceptionGroup("group", [Noisy()])
            except* Noisy as excs:
                pass

        f()
      `),
    ).toEqual([['freed\n', ['<module>:11', 'f:8', 'Noisy.__del__:3']]]);
  });

  it('records chains when scheduling is not traced', () => {
    const result = runtime().run({ source: SEED_PROGRAM, filename: 'main.py', trace: false });
    expect(chains(eventsOf(result.events, 'output'))).toEqual([
      ['Hello, Alice!\n', ['main:7', 'greet:4']],
      ['Hello, Bob!\n', ['main:8', 'greet:4']],
    ]);
  });
});
