/**
 * A flood of prints: past the run's first 10,000 output events, consecutive
 * writes from the same place share one event (trace.py, JOIN_OUTPUT_AFTER),
 * so the page reads a few events per batch instead of one per line. What the
 * program printed, and the order of everything, stays as it was.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../app/runtime/traceSchema';
import { eventsOf, runProgram, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

/** Output events recorded one per write before any is joined. */
const JOIN_OUTPUT_AFTER = 10_000;

function lines(count: number, from = 0): string {
  return Array.from({ length: count }, (_, index) => `line ${from + index}\n`).join('');
}

describe('a flood of output', () => {
  it('keeps one event per print for the first 10,000, then joins the rest of a step', () => {
    const batches: (readonly TraceEvent[])[] = [];
    const result = runProgram(
      runtime(),
      `
        import asyncio

        async def main():
            for i in range(30_000):
                print(f"line {i}")

        asyncio.run(main())
      `,
      {},
      { onBatch: (batch) => batches.push(batch) },
    );
    expect(result.stdout).toBe(lines(30_000));
    const outputs = eventsOf(result.events, 'output');
    expect(outputs.slice(0, JOIN_OUTPUT_AFTER).map((output) => output.text)).toEqual(
      lines(JOIN_OUTPUT_AFTER).split(/(?<=\n)/),
    );
    // The other 20,000 prints came as a handful of events, one or two a batch.
    expect(outputs.length).toBeLessThan(JOIN_OUTPUT_AFTER + 30);
    expect(outputs.map((output) => output.text).join('')).toBe(lines(30_000));
    const joined = outputs.slice(JOIN_OUTPUT_AFTER);
    expect(new Set(joined.map((output) => `${output.task}@${output.t}`))).toEqual(
      new Set([`${outputs[0]?.task}@0`]),
    );
    // The step printed all of it, yet the output kept leaving in batches while it ran.
    const batchesWithOutput = batches.filter((batch) => batch.some((e) => e.type === 'output'));
    expect(batchesWithOutput.length).toBeGreaterThan(10);
  });

  it('never joins across an await, another task, another stream or another line', () => {
    const result = runProgram(
      runtime(),
      `
        import asyncio, sys

        async def main():
            for i in range(10_000):
                print("warm-up")
            for word in ("a", "b"):
                print(word)
            print("to stderr", file=sys.stderr)
            print("c")
            print("d")
            await asyncio.sleep(0)
            print("after the await")
            await asyncio.gather(asyncio.to_thread(print, "thread"), echo())
            print("end")

        async def echo():
            print("other task")

        asyncio.run(main())
      `,
    );
    const after = eventsOf(result.events, 'output')
      .slice(JOIN_OUTPUT_AFTER)
      .map((output) => [output.stream, output.text, output.chain.at(-1)?.line ?? null]);
    expect(after).toEqual([
      ['stdout', 'a\nb\n', 7],
      ['stderr', 'to stderr\n', 8],
      ['stdout', 'c\n', 9],
      ['stdout', 'd\n', 10],
      ['stdout', 'after the await\n', 12],
      ...concurrentPrints(result.events),
      ['stdout', 'end\n', 14],
    ]);
  });
});

/** The thread's and the other task's prints, each its own event, in the order the run made them. */
function concurrentPrints(events: readonly TraceEvent[]): [string, string, number | null][] {
  return eventsOf(events, 'output')
    .map((output) => output.text)
    .filter((text) => text === 'thread\n' || text === 'other task\n')
    .map((text) => ['stdout', text, text === 'thread\n' ? null : 17]);
}
