/**
 * Every event the runtime emits has exactly the fields app/runtime/traceSchema.ts
 * and docs/trace-format.md give it: checked on the golden traces and on a run
 * that touches the rarer kinds (threads, network, warnings, limits).
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../app/runtime/traceSchema';
import { dedent, useRuntime } from '../runtime/runtimeFixture';
import { goldenNames, readGoldenTrace } from './goldenTrace';

/** Per event type: the fields it always has, and those it may have. */
const FIELDS: Record<TraceEvent['type'], { always: string[]; maybe?: string[] }> = {
  'run.start': { always: ['version', 'file', 'python', 'traced'] },
  'run.end': { always: ['outcome', 'exitCode', 'virtualTime', 'wallMs', 'events'] },
  'loop.create': { always: ['loop', 't'] },
  iteration: { always: ['n', 't'], maybe: ['due'] },
  ready: { always: ['h', 'by'], maybe: ['task', 'callback', 'internal'] },
  'ready.cancel': { always: ['h'] },
  timer: { always: ['h', 'when', 'callback', 'by'], maybe: ['task', 'internal'] },
  'timer.cancel': { always: ['h'] },
  step: { always: ['h', 'cpu'] },
  'task.create': { always: ['task', 'name', 'coro', 'parent', 'line', 'api', 'by', 'internal'] },
  'task.suspend': { always: ['h', 'task', 'reason', 'chain', 'cpu'] },
  'task.cancel': { always: ['task', 'by', 'byTask', 'msg'] },
  'task.end': {
    always: ['h', 'task', 'cpu', 'outcome'],
    maybe: ['repr', 'error', 'message', 'line'],
  },
  'loop.blocked': { always: ['task', 'h', 'line', 'duration', 't'] },
  output: { always: ['stream', 'text', 'task', 'thread', 'chain', 't'] },
  warning: { always: ['category', 'message', 'line', 'task', 't'] },
  error: { always: ['error', 'message', 'line', 'task', 't'] },
  limit: { always: ['kind', 'message', 't'] },
  'thread.start': { always: ['thread', 'worker', 'fn', 'start', 'task', 'line'] },
  'thread.end': { always: ['thread', 'end', 'cpu', 'error'] },
  'net.listen': { always: ['port', 'host', 'task', 'by'] },
  'net.connect': { always: ['conn', 'from', 'to', 'task', 'by'] },
  'net.refused': { always: ['to', 'task', 'by'] },
  'net.send': { always: ['conn', 'side', 'bytes', 'preview', 'task', 'by'] },
  'net.recv': { always: ['conn', 'side', 'bytes', 'task', 'by'] },
  'net.close': { always: ['conn', 'side', 'how', 'reset', 'task', 'by'] },
  'net.server.close': { always: ['port', 'host', 'task', 'by'] },
};

function problemsIn(events: readonly TraceEvent[]): string[] {
  const problems: string[] = [];
  for (const event of events) {
    const fields = FIELDS[event.type] as (typeof FIELDS)[keyof typeof FIELDS] | undefined;
    if (fields === undefined) {
      problems.push(`unknown event type ${event.type}`);
      continue;
    }
    const keys = new Set(Object.keys(event).filter((key) => key !== 'type'));
    for (const key of fields.always) {
      if (!keys.delete(key)) problems.push(`${event.type} lacks ${key}`);
    }
    for (const key of fields.maybe ?? []) keys.delete(key);
    for (const key of keys) problems.push(`${event.type} has undocumented ${key}`);
  }
  return [...new Set(problems)];
}

const runtime = useRuntime();

describe('trace schema', () => {
  it.each(goldenNames())('golden trace %s has only documented fields', (name) => {
    expect(problemsIn(readGoldenTrace(name))).toEqual([]);
  });

  it('covers the rarer events with documented fields', () => {
    const source = dedent(`
      import asyncio, time, warnings

      async def echo(reader, writer):
          writer.write(await reader.readline())
          writer.close()

      async def main():
          warnings.warn("careful")
          await asyncio.to_thread(time.sleep, 0.1)
          server = await asyncio.start_server(echo, "127.0.0.1", 0)
          port = server.sockets[0].getsockname()[1]
          reader, writer = await asyncio.open_connection("127.0.0.1", port)
          writer.write(b"hi\\n")
          await reader.readline()
          writer.close()
          server.close()
          await server.wait_closed()
          try:
              await asyncio.open_connection("127.0.0.1", port)
          except ConnectionRefusedError:
              pass
          asyncio.get_running_loop().call_soon(print, "x").cancel()
          time.sleep(0.1)
          raise ValueError("done")

      asyncio.run(main())
    `);
    const result = runtime().run({ source, filename: 'rare.py', limits: { maxVirtualTime: 100 } });
    const types = new Set(result.events.map((event) => event.type));
    for (const type of [
      'warning',
      'thread.start',
      'net.connect',
      'net.refused',
      'error',
      'loop.blocked',
    ]) {
      expect(types).toContain(type);
    }
    expect(problemsIn(result.events)).toEqual([]);
  });
});
