/**
 * The trace's promise (docs/trace-format.md, "Rebuilding the loop's state"):
 * replaying the events gives the ready queue and the pending timers at every
 * step. This replays recorded and fresh traces and checks, at every step,
 * that the handle the runtime says ran is the one at the front of the
 * rebuilt ready queue, and that every due timer was pending.
 */
import { describe, expect, it } from 'vitest';
import type { HandleId, TraceEvent } from '../../app/runtime/traceSchema';
import { dedent, useRuntime } from '../runtime/runtimeFixture';
import { goldenNames, readGoldenTrace } from './goldenTrace';

interface Replay {
  readonly steps: number;
  readonly problems: readonly string[];
}

/** The handle whose step an event ends, if it ends one. */
function endedStep(event: TraceEvent): HandleId | null {
  switch (event.type) {
    case 'step':
      return event.h;
    case 'task.suspend':
    case 'task.end':
      return event.h;
    default:
      return null;
  }
}

function replay(events: readonly TraceEvent[]): Replay {
  const ready: HandleId[] = [];
  const cancelled = new Set<HandleId>();
  const timers = new Set<HandleId>();
  const problems: string[] = [];
  let steps = 0;
  for (const [index, event] of events.entries()) {
    switch (event.type) {
      case 'ready':
        ready.push(event.h);
        break;
      case 'ready.cancel':
        cancelled.add(event.h);
        break;
      case 'timer':
        timers.add(event.h);
        break;
      case 'timer.cancel':
        if (!timers.delete(event.h))
          problems.push(`#${index}: cancelled timer ${event.h} was not pending`);
        break;
      case 'iteration':
        for (const h of event.due ?? []) {
          if (!timers.delete(h)) problems.push(`#${index}: due timer ${h} was not pending`);
          ready.push(h);
        }
        break;
      default:
        break;
    }
    const h = endedStep(event);
    if (h === null) continue;
    while (ready.length > 0 && cancelled.has(ready[0] ?? -1)) ready.shift();
    const front = ready.shift();
    if (front !== h) problems.push(`#${index}: step of handle ${h}, but the front was ${front}`);
    steps += 1;
  }
  return { steps, problems };
}

const runtime = useRuntime();

describe('rebuilding the loop from the trace', () => {
  it.each(goldenNames())('replays the golden trace %s', (name) => {
    const { steps, problems } = replay(readGoldenTrace(name));
    expect(problems).toEqual([]);
    expect(steps).toBeGreaterThan(0);
  });

  it('replays callbacks, cancelled handles, timeouts and a network round trip', () => {
    const source = dedent(`
      import asyncio

      async def echo(reader, writer):
          writer.write(await reader.readline())
          await writer.drain()
          writer.close()

      async def main():
          loop = asyncio.get_running_loop()
          loop.call_later(0.2, print, "later")
          handle = loop.call_soon(print, "never")
          handle.cancel()
          loop.call_soon(print, "soon")
          try:
              async with asyncio.timeout(0.1):
                  await asyncio.sleep(1)
          except TimeoutError:
              print("timed out")
          server = await asyncio.start_server(echo, "127.0.0.1", 0)
          port = server.sockets[0].getsockname()[1]
          reader, writer = await asyncio.open_connection("127.0.0.1", port)
          writer.write(b"ping\\n")
          print(await reader.readline())
          writer.close()
          server.close()
          await server.wait_closed()
          await asyncio.sleep(0.2)

      asyncio.run(main())
    `);
    const result = runtime().run({ source, filename: 'replay.py' });
    expect(result.stdout).toBe("soon\ntimed out\nb'ping\\n'\nlater\n");
    const { steps, problems } = replay(result.events);
    expect(problems).toEqual([]);
    expect(steps).toBeGreaterThan(10);
  });
});
