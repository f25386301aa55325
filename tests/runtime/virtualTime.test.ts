/**
 * Virtual time: sleeping costs no wall time, the clocks a program reads follow
 * the loop's clock, a blocking call is recorded as the loop being blocked, and
 * work on simulated threads takes the virtual time its own sleeps add up to.
 */
import { describe, expect, it } from 'vitest';
import { eventsOf, runProgram, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

describe('virtual time', () => {
  it('sleeps five seconds of virtual time at once', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio, time
      async def main():
          start = time.monotonic()
          await asyncio.sleep(5)
          print(time.monotonic() - start, time.perf_counter(), asyncio.get_running_loop().time())
      asyncio.run(main())
    `,
    );
    expect(result.stdout).toBe('5.0 5.0 5.0\n');
    expect(result.summary.virtualTime).toBe(5);
    expect(result.summary.wallMs).toBeLessThan(5000);
  });

  it('moves time.time, the _ns clocks and datetime.now with the virtual clock', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio, time, datetime
      from datetime import datetime as dt
      async def main():
          t0, n0 = time.time(), time.monotonic_ns()
          d0 = dt.now()
          await asyncio.sleep(90)
          print(time.time() - t0, time.monotonic_ns() - n0, (dt.now() - d0).total_seconds())
          print(datetime.datetime.now(datetime.UTC).isoformat())
      asyncio.run(main())
    `,
    );
    expect(result.stdout).toBe('90.0 90000000000 90.0\n2026-01-01T00:01:30+00:00\n');
  });

  it('records a blocking time.sleep as the loop blocked by that task at that line', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio, time

      async def ticker():
          for _ in range(3):
              print("tick", asyncio.get_running_loop().time())
              await asyncio.sleep(0.5)

      async def blocker():
          time.sleep(1)

      async def main():
          await asyncio.gather(ticker(), blocker())

      asyncio.run(main())
    `,
    );
    expect(result.stdout).toBe('tick 0.0\ntick 1.0\ntick 1.5\n');
    const blocked = eventsOf(result.events, 'loop.blocked');
    expect(blocked).toEqual([
      {
        type: 'loop.blocked',
        task: 3,
        h: expect.any(Number) as number,
        line: 9,
        duration: 1,
        t: 0,
      },
    ]);
  });

  it('runs to_thread work on a simulated thread without stopping the clock', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio, time

      def download(name):
          time.sleep(1)
          print("downloaded", name)
          return name.upper()

      async def ticker():
          for _ in range(4):
              print("tick", round(asyncio.get_running_loop().time(), 3))
              await asyncio.sleep(0.4)

      async def main():
          loop = asyncio.get_running_loop()
          results = await asyncio.gather(
              asyncio.to_thread(download, "a"),
              loop.run_in_executor(None, download, "b"),
              ticker(),
          )
          print(results[:2], round(loop.time(), 3))

      asyncio.run(main())
    `,
    );
    // Both threads end at 1.0 s; equal deadlines leave CPython's timer heap
    // in heap order, not submission order, and the runtime uses that heap.
    expect(result.stdout).toBe(
      "tick 0.0\ntick 0.4\ntick 0.8\ndownloaded b\ndownloaded a\ntick 1.2\n['A', 'B'] 1.6\n",
    );
    const starts = eventsOf(result.events, 'thread.start');
    expect(starts.map((event) => [event.fn, event.start])).toEqual([
      ['download', 0],
      ['download', 0],
    ]);
    expect(eventsOf(result.events, 'thread.end').map((event) => event.end)).toEqual([1, 1]);
    expect(eventsOf(result.events, 'loop.blocked')).toEqual([]);
  });

  it('queues executor work when every worker of the pool is busy', () => {
    const result = runProgram(
      runtime(),
      `
      import asyncio, time
      from concurrent.futures import ThreadPoolExecutor

      def work(i):
          time.sleep(1)
          return i

      async def main():
          loop = asyncio.get_running_loop()
          with ThreadPoolExecutor(max_workers=2) as pool:
              done = await asyncio.gather(*(loop.run_in_executor(pool, work, i) for i in range(5)))
          print(done, loop.time())

      asyncio.run(main())
    `,
    );
    expect(result.stdout).toBe('[0, 1, 2, 3, 4] 3.0\n');
  });

  it('is deterministic: the same program gives the same trace apart from measured CPU time', () => {
    const source = `
      import asyncio, random

      async def worker(n, q):
          await asyncio.sleep(random.random())
          await q.put({n: str(object)})

      async def main():
          q = asyncio.Queue()
          async with asyncio.TaskGroup() as tg:
              for n in range(20):
                  tg.create_task(worker(n, q))
          print(q.qsize(), hash("seed") % 1000)

      asyncio.run(main())
    `;
    const strip = (events: readonly unknown[]): string =>
      JSON.stringify(events, (key, value: unknown) =>
        key === 'cpu' || key === 'wallMs' ? 0 : value,
      );
    const first = runProgram(runtime(), source);
    const second = runProgram(runtime(), source);
    expect(first.stdout).toBe(second.stdout);
    expect(strip(first.events)).toBe(strip(second.events));
  });
});
