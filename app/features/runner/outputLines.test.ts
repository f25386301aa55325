import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../runtime/traceSchema';
import {
  appendOutput,
  createOutputBuffer,
  MAX_OUTPUT_LINES,
  outputAsText,
  sourceLocation,
  type OutputBuffer,
  type OutputLine,
} from './outputLines';

function out(
  text: string,
  stream: 'stdout' | 'stderr' = 'stdout',
  task: number | null = 1,
  t = 0,
): TraceEvent {
  return { type: 'output', stream, text, task, thread: null, chain: [], t };
}

function allLines(buffer: OutputBuffer): OutputLine[] {
  return Array.from({ length: buffer.lineCount }, (_, index) => buffer.line(index));
}

describe('output lines', () => {
  it('splits output into lines that keep their stream, task and time', () => {
    const buffer = appendOutput(createOutputBuffer(), [
      {
        type: 'task.create',
        task: 2,
        name: 'Task-2',
        coro: 'w()',
        parent: 1,
        line: 3,
        api: 'gather',
        by: 1,
        internal: false,
      },
      out('a\nb\n', 'stdout', 1, 0),
      out('oops\n', 'stderr', 2, 1.5),
    ]);
    expect(allLines(buffer)).toEqual([
      { stream: 'stdout', text: 'a', t: 0, task: 1, thread: null, write: 0 },
      { stream: 'stdout', text: 'b', t: 0, task: 1, thread: null, write: 0 },
      { stream: 'stderr', text: 'oops', t: 1.5, task: 2, thread: null, write: 1 },
    ]);
    expect(buffer.taskNames.get(2)).toBe('Task-2');
    expect(outputAsText(buffer)).toBe('a\nb\noops\n');
  });

  it('continues a line printed in pieces', () => {
    const buffer = appendOutput(createOutputBuffer(), [
      out('Loading'),
      out('...'),
      out(' done\nnext\n'),
    ]);
    expect(allLines(buffer).map((line) => line.text)).toEqual(['Loading... done', 'next']);
    // A line belongs to the write that began it: playback shows it from then on.
    expect(allLines(buffer).map((line) => line.write)).toEqual([0, 2]);
  });

  it('keeps every line as it was written when it holds many lines', () => {
    const events: TraceEvent[] = [];
    for (let index = 0; index < 5000; index += 1) {
      const byThread = index % 3 === 0;
      events.push({
        type: 'output',
        stream: index % 7 === 0 ? 'stderr' : 'stdout',
        text: `line ${index}\nmore ${index}\n`,
        task: byThread ? null : index,
        thread: byThread ? index : null,
        chain: [],
        t: index / 2,
      });
    }
    const buffer = appendOutput(createOutputBuffer(), events);
    expect(buffer.lineCount).toBe(10_000);
    expect(buffer.line(9999)).toEqual({
      stream: 'stdout',
      text: 'more 4999',
      t: 2499.5,
      task: 4999,
      thread: null,
      write: 4999,
    });
    expect(buffer.line(4200)).toEqual({
      stream: 'stderr',
      text: 'line 2100',
      t: 1050,
      task: null,
      thread: 2100,
      write: 2100,
    });
    expect(() => buffer.line(10_000)).toThrow(RangeError);
  });

  it('does not join a line left open on one stream with what another stream writes', () => {
    const buffer = appendOutput(createOutputBuffer(), [
      out('progress', 'stdout'),
      out('warning\n', 'stderr'),
      out(' 100%\n', 'stdout'),
    ]);
    expect(allLines(buffer).map((line) => [line.stream, line.text])).toEqual([
      ['stdout', 'progress'],
      ['stderr', 'warning'],
      ['stdout', ' 100%'],
    ]);
  });

  it('grows in place and says it changed', () => {
    const buffer = createOutputBuffer();
    const before = buffer.version;
    expect(appendOutput(buffer, [out('x\n')])).toBe(buffer);
    expect(buffer.version).toBe(before + 1);
  });

  it('keeps at most MAX_OUTPUT_LINES and counts the rest', () => {
    const text = 'line\n'.repeat(MAX_OUTPUT_LINES + 5);
    const buffer = appendOutput(createOutputBuffer(), [out(text)]);
    expect(buffer.lineCount).toBe(MAX_OUTPUT_LINES);
    expect(buffer.droppedLines).toBe(5);
  });

  it('keeps the message of a limit', () => {
    const buffer = appendOutput(createOutputBuffer(), [
      { type: 'limit', kind: 'output', message: 'Stopped: too much', t: 0 },
    ]);
    expect(buffer.limitMessage).toBe('Stopped: too much');
  });

  it("finds traceback lines that point into the learner's file", () => {
    expect(sourceLocation('  File "main.py", line 12, in main', 'main.py')).toEqual({ line: 12 });
    expect(
      sourceLocation('  File "/lib/python3.14/asyncio/runners.py", line 195, in run', 'main.py'),
    ).toBeNull();
    expect(sourceLocation('ValueError: bad', 'main.py')).toBeNull();
  });

  it('collects the problems a run reports at lines of the program', () => {
    const buffer = appendOutput(createOutputBuffer(), [
      {
        type: 'warning',
        category: 'RuntimeWarning',
        message: "coroutine 'greet' was never awaited",
        line: 7,
        task: 1,
        t: 0,
      },
      { type: 'error', error: 'ValueError', message: 'bad', line: 3, task: 1, t: 0 },
      { type: 'error', error: 'SystemError', message: 'nowhere', line: null, task: null, t: 0 },
    ]);
    expect(buffer.problems).toEqual([
      {
        line: 7,
        severity: 'warning',
        message: "RuntimeWarning: coroutine 'greet' was never awaited",
      },
      { line: 3, severity: 'error', message: 'ValueError: bad' },
    ]);
  });
});
