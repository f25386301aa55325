/**
 * Virtual time: sleeping costs no wall time, the clocks a program reads follow
 * the loop's clock, a blocking call is recorded as the loop being blocked, busy
 * work reading the clock moves it (docs/trace-format.md, "Reading the clock"),
 * and work on simulated threads takes the virtual time its own sleeps add up to.
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

  describe('reading the clock (busy work)', () => {
    it('keeps reads at distinct places, and a few reads at one place, free', () => {
      const result = runProgram(
        runtime(),
        `
        import asyncio, time

        def now():
            return time.monotonic()

        async def main():
            loop = asyncio.get_running_loop()
            t0 = time.time(); t1 = time.time()
            a = now()
            b = now()
            reads = [time.perf_counter(), loop.time(), time.monotonic_ns()]
            queue = asyncio.Queue()
            for item in range(3):
                await queue.put(item)  # completes at once: the same step goes on
                reads.append(time.monotonic())
            print(t1 - t0, b - a, reads)
            print(time.process_time(), time.thread_time_ns())

        asyncio.run(main())
      `,
      );
      expect(result.stdout).toBe('0.0 0.0 [0.0, 0.0, 0, 0.0, 0.0, 0.0]\n0.0 0\n');
      expect(result.summary.virtualTime).toBe(0);
      expect(eventsOf(result.events, 'loop.blocked')).toEqual([]);
    });

    it('ends a busy-wait of 0.5 s after 1,500 reads of its place: 1,000 free, then 500 of 1 ms', () => {
      const result = runProgram(
        runtime(),
        `
        import asyncio, time

        async def main():
            end = time.time() + 0.5
            laps = 0
            while time.time() < end:
                laps += 1
            print(laps, time.monotonic(), time.process_time())

        asyncio.run(main())
      `,
      );
      expect(result.stdout).toBe('1499 0.5 0.5\n');
      expect(result.summary.virtualTime).toBe(0.5);
    });

    it('records one loop.blocked per busy stretch, with its task, first charged line and length', () => {
      const result = runProgram(
        runtime(),
        `
        import asyncio, time

        async def ticker():
            for _ in range(3):
                print("tick", asyncio.get_running_loop().time())
                await asyncio.sleep(0.5)

        async def cruncher():
            await asyncio.sleep(0.2)
            end = time.perf_counter() + 0.5
            while time.perf_counter() < end:
                pass
            await asyncio.sleep(0.3)
            end = time.perf_counter() + 0.25
            while time.perf_counter() < end:
                pass

        async def main():
            await asyncio.gather(ticker(), cruncher())

        asyncio.run(main())
      `,
      );
      // The tick due at 0.5 s waits for the first stretch (0.2 to 0.7 s).
      expect(result.stdout).toBe('tick 0.0\ntick 0.7\ntick 1.25\n');
      const blocked = eventsOf(result.events, 'loop.blocked');
      const h = expect.any(Number) as number;
      expect(blocked).toEqual([
        { type: 'loop.blocked', task: 3, h, line: 11, duration: 0.5, t: 0.2 },
        { type: 'loop.blocked', task: 3, h, line: 15, duration: 0.25, t: 1 },
      ]);
      // Recorded when the stretch is over (here at the step's end), as a time.sleep is.
      const first = result.events.indexOf(blocked[0] as (typeof result.events)[number]);
      expect(result.events[first + 1]).toMatchObject({ type: 'timer', by: blocked[0]?.h });
    });

    it('ends a busy-wait that awaits asyncio.sleep(0) on every lap', () => {
      const result = runProgram(
        runtime(),
        `
        import asyncio, time

        async def poll(until):
            laps = 0
            while time.monotonic() < until:
                laps += 1
                await asyncio.sleep(0)
            return laps

        async def sleeper():
            await asyncio.sleep(0.1)
            return round(asyncio.get_running_loop().time(), 3)

        async def main():
            print(await asyncio.gather(poll(0.2), sleeper()))

        asyncio.run(main())
      `,
      );
      // 1,000 free laps, then 1 ms a lap. The sleeper's timer is due at 0.1 s, in
      // the step that moved the clock there; it runs behind the poller's next
      // step, already in the ready queue, as on CPython.
      expect(result.stdout).toBe('[1199, 0.102]\n');
      const blocked = eventsOf(result.events, 'loop.blocked');
      expect(blocked).toHaveLength(200);
      expect(new Set(blocked.map((event) => `line ${event.line}, ${event.duration} s`))).toEqual(
        new Set(['line 5, 0.001 s']),
      );
    });

    it('gives the same trace, byte for byte, on every run', () => {
      const source = `
        import asyncio, time

        async def spin(seconds):
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if time.monotonic() > end - 0.05:
                    await asyncio.sleep(0)  # the last 50 ms taking turns

        async def main():
            await asyncio.gather(*(spin(n / 10) for n in range(1, 6)))
            print(round(time.monotonic(), 3))

        asyncio.run(main())
      `;
      const strip = (events: readonly unknown[]): string =>
        JSON.stringify(events, (key, value: unknown) =>
          key === 'cpu' || key === 'wallMs' ? 0 : value,
        );
      const first = runProgram(runtime(), source);
      const second = runProgram(runtime(), source);
      expect(eventsOf(first.events, 'loop.blocked').length).toBeGreaterThan(0);
      expect(first.stdout).toBe(second.stdout);
      expect(strip(first.events)).toBe(strip(second.events));
    });

    it("moves loop.time() with busy work, and keeps asyncio's own reads free", () => {
      const result = runProgram(
        runtime(),
        `
        import asyncio, time

        async def main():
            loop = asyncio.get_running_loop()
            end = loop.time() + 0.3
            while loop.time() < end:
                pass
            print(loop.time(), time.monotonic(), round(time.time() - 1767225600, 6))
            fired = loop.create_future()
            loop.call_later(0.2, fired.set_result, None)
            async with asyncio.timeout(1):
                await fired
            print(loop.time())
            for _ in range(100):  # asyncio reads loop.time() for each of these
                loop.call_later(0.1, lambda: None)
            await asyncio.wait_for(asyncio.sleep(0.1), 5)
            print(loop.time())

        asyncio.run(main())
      `,
      );
      expect(result.stdout).toBe('0.3 0.3 0.3\n0.5\n0.6\n');
      const blocked = eventsOf(result.events, 'loop.blocked');
      expect(blocked.map((event) => [event.line, event.duration, event.t])).toEqual([[6, 0.3, 0]]);
    });

    it("runs busy work on a simulated thread on the thread's clock, without blocking the loop", () => {
      const result = runProgram(
        runtime(),
        `
        import asyncio, time

        def crunch():
            start = time.perf_counter()
            while time.perf_counter() - start < 0.5:
                pass
            return time.perf_counter() - start, time.thread_time()

        async def main():
            loop = asyncio.get_running_loop()
            work = asyncio.create_task(asyncio.to_thread(crunch))
            await asyncio.sleep(0.1)
            print("ticked at", loop.time())
            print(await work, loop.time(), time.thread_time(), time.process_time())

        asyncio.run(main())
      `,
      );
      expect(result.stdout).toBe('ticked at 0.1\n(0.5, 0.5) 0.5 0.0 0.5\n');
      expect(eventsOf(result.events, 'loop.blocked')).toEqual([]);
      expect(eventsOf(result.events, 'thread.end').map((event) => event.end)).toEqual([0.5]);
    });

    it('stops a busy loop that never ends at the virtual-time limit, naming the busy-wait', () => {
      const result = runProgram(
        runtime(),
        `
        import asyncio, time

        async def main():
            while True:
                time.time()

        asyncio.run(main())
      `,
      );
      const message =
        'Stopped: the busy-wait at line 5 (a loop reading the clock without awaiting) ' +
        'would pass the 3600 s virtual-time limit';
      expect(result.summary.outcome).toBe('limit');
      expect(result.stopMessage).toBe(message);
      expect(eventsOf(result.events, 'limit')).toEqual([
        { type: 'limit', kind: 'virtual-time', message, t: 3600 },
      ]);
      expect(eventsOf(result.events, 'loop.blocked')).toEqual([
        { type: 'loop.blocked', task: 1, h: 1, line: 5, duration: 3600, t: 0 },
      ]);
    });

    it('moves the clock for busy work outside the loop, without drawing a band', () => {
      const result = runProgram(
        runtime(),
        `
        import asyncio, time

        end = time.monotonic() + 0.25
        while time.monotonic() < end:
            pass

        async def main():
            print(asyncio.get_running_loop().time())

        asyncio.run(main())
      `,
      );
      expect(result.stdout).toBe('0.25\n');
      expect(eventsOf(result.events, 'loop.blocked')).toEqual([]);
    });
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
