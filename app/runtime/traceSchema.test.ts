import { describe, expect, it } from 'vitest';
import { parseEventBatch, TRACE_FORMAT_VERSION, type TraceEvent } from './traceSchema';

const OUTPUT = {
  type: 'output',
  stream: 'stdout',
  text: 'Hello, Alice!\n',
  task: 1,
  thread: null,
  chain: [
    { fn: 'main', line: 7 },
    { fn: 'greet', line: 4 },
  ],
  t: 0,
} satisfies TraceEvent;

const RUN_START = {
  type: 'run.start',
  version: TRACE_FORMAT_VERSION,
  file: 'main.py',
  python: '3.14.2',
  traced: true,
} satisfies TraceEvent;

describe('parseEventBatch', () => {
  it('reads a batch of the current version', () => {
    expect(parseEventBatch(JSON.stringify([RUN_START, OUTPUT]))).toEqual([RUN_START, OUTPUT]);
  });

  it('refuses a batch from a runtime of another version', () => {
    expect(() => parseEventBatch(JSON.stringify([{ ...RUN_START, version: 1 }]))).toThrow(
      /trace format 1, expected 3/,
    );
  });

  it.each([
    ['without a chain', { ...OUTPUT, chain: undefined }],
    ['with a chain that is not a list', { ...OUTPUT, chain: 'main' }],
    ['with a frame lacking its line', { ...OUTPUT, chain: [{ fn: 'main' }] }],
    ['with a frame that is not an object', { ...OUTPUT, chain: [null] }],
  ])('refuses an output event %s', (_name, event) => {
    expect(() => parseEventBatch(JSON.stringify([event]))).toThrow(
      /output event without a valid chain/,
    );
  });

  it('gives equal chains of a batch one array, and keeps unequal ones apart', () => {
    const elsewhere = { ...OUTPUT, chain: [{ fn: 'main', line: 8 }] };
    const [first, second, third] = parseEventBatch(JSON.stringify([OUTPUT, OUTPUT, elsewhere]));
    if (first?.type !== 'output' || second?.type !== 'output' || third?.type !== 'output') {
      throw new Error('expected three output events');
    }
    expect(second.chain).toBe(first.chain);
    expect(first.chain).toEqual(OUTPUT.chain);
    expect(third.chain).toEqual([{ fn: 'main', line: 8 }]);
  });
});
