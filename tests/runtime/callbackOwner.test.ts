/**
 * `ready` and `timer` events tell asyncio's own callbacks (`internal: true`)
 * from what the learner scheduled, so playback can tell the learner's story
 * and fold asyncio's plumbing into the steps it serves.
 */
import { describe, expect, it } from 'vitest';
import { eventsOf, runProgram, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

/** Each callback handle as `name` or `name (asyncio)`, in trace order. */
function callbacks(source: string): string[] {
  const events = runProgram(runtime(), source).events;
  return [...eventsOf(events, 'ready'), ...eventsOf(events, 'timer')]
    .filter((event) => event.callback !== undefined)
    .sort((a, b) => a.h - b.h)
    .map((event) => `${event.callback ?? ''}${event.internal === true ? ' (asyncio)' : ''}`);
}

describe('callback owners', () => {
  it("marks gather's, sleep's and asyncio.run's callbacks as asyncio's own", () => {
    expect(
      callbacks(`
        import asyncio

        async def main():
            await asyncio.gather(asyncio.sleep(1))

        asyncio.run(main())
      `),
    ).toEqual([
      'sleep (asyncio)',
      'gather.<locals>._done_callback (asyncio)',
      '_run_until_complete_cb (asyncio)',
      '_run_until_complete_cb (asyncio)',
      '_run_until_complete_cb (asyncio)',
    ]);
  });

  it("leaves the learner's own callbacks, a partial of one and a builtin unmarked", () => {
    expect(
      callbacks(`
        import asyncio
        import functools

        def tick(label):
            print(label)

        async def main():
            loop = asyncio.get_running_loop()
            loop.call_soon(tick, "soon")
            loop.call_later(0.5, functools.partial(tick, "later"))
            loop.call_soon(print, "builtin")
            await asyncio.sleep(1)

        asyncio.run(main())
      `),
    ).toEqual([
      'tick',
      'tick',
      'print',
      'sleep (asyncio)',
      '_run_until_complete_cb (asyncio)',
      '_run_until_complete_cb (asyncio)',
      '_run_until_complete_cb (asyncio)',
    ]);
  });
});
