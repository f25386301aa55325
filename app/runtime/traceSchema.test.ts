import { describe, expect, it } from 'vitest';
import {
  MalformedBatchError,
  parseEventBatch,
  TRACE_FORMAT_VERSION,
  type TraceEvent,
  type WaitReason,
} from './traceSchema';
import { readMarshal } from './marshalReader';
import { marshalled, wireBatch, wireEvent } from './testing/wireBatch';

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

/** OUTPUT on the wire with the field at `index` (after the code, at 0) replaced. */
function outputWith(index: number, value: unknown): Uint8Array {
  const wire = wireEvent(OUTPUT);
  wire[index] = value;
  return marshalled([wire]);
}

/** A batch of wire events written as JSON, for brevity. */
const batchOf = (json: string): Uint8Array => marshalled(JSON.parse(json));

describe('parseEventBatch', () => {
  it('reads a batch of the current version', () => {
    expect(parseEventBatch(wireBatch([RUN_START, OUTPUT]))).toEqual([RUN_START, OUTPUT]);
  });

  it('reads a batch in half the bytes of its events as objects', () => {
    const batch = wireBatch([RUN_START, OUTPUT]);
    expect(batch.length).toBeLessThan(JSON.stringify([RUN_START, OUTPUT]).length * 0.7);
    expect(readMarshal(batch)).toEqual([
      [0, TRACE_FORMAT_VERSION, 'main.py', '3.14.2', true],
      [
        17,
        'stdout',
        'Hello, Alice!\n',
        1,
        null,
        [
          ['main', 7],
          ['greet', 4],
        ],
        0,
      ],
    ]);
  });

  it('refuses a batch from a runtime of another version', () => {
    expect(() => parseEventBatch(wireBatch([{ ...RUN_START, version: 1 }]))).toThrow(
      /trace format 1, expected 5/,
    );
  });

  it('refuses a batch of JSON text, as runtimes before version 5 sent them', () => {
    const text = new TextEncoder().encode(JSON.stringify([wireEvent(RUN_START)]));
    expect(() => parseEventBatch(text)).toThrow(/not marshalled values/);
  });

  it.each([
    ['no bytes', new Uint8Array(0)],
    ['a batch cut short', wireBatch([OUTPUT]).subarray(0, 20)],
    ['a value that is not a list', marshalled('output')],
    ['an event that is not a list', batchOf('[1]')],
    ['an empty event', batchOf('[[]]')],
    ['an event of an unknown code', batchOf('[[99, "x"]]')],
    ['a code that is not a whole number', batchOf('[[1.5, "x"]]')],
    ['a code that is text', batchOf('[["output", "stdout", "x", null, null, [], 0]]')],
    ['an output whose text is a number', outputWith(2, 42)],
    ['an output without its stream', outputWith(1, null)],
    ['an output of a third stream', outputWith(1, 'stdin')],
    ['an output that ends before its time', marshalled([wireEvent(OUTPUT).slice(0, -1)])],
    ['a suspend whose reason is text', batchOf('[[11, 1, 1, "sleep", [], 1]]')],
    ['a suspend whose reason lacks its kind', batchOf('[[11, 1, 1, [], [], 1]]')],
    ['a task end with an exception but no message', batchOf('[[15, 1, 1, 1, "E"]]')],
    ['a good event after a bad one', marshalled([[9, '1', 0], wireEvent(OUTPUT)])],
  ])('refuses %s', (_name, batch) => {
    expect(() => parseEventBatch(batch)).toThrow(MalformedBatchError);
  });

  it('reads every kind of task end and a suspend with its reason', () => {
    const events = [
      { type: 'task.end', h: 2, task: 1, cpu: 3, outcome: 'result', repr: 'None' },
      { type: 'task.end', h: null, task: 2, cpu: null, outcome: 'cancelled' },
      {
        type: 'task.end',
        h: 4,
        task: 3,
        cpu: 1,
        outcome: 'exception',
        error: 'ValueError',
        message: 'bad',
        line: null,
      },
      {
        type: 'task.suspend',
        h: 5,
        task: 4,
        reason: { kind: 'gather', tasks: [1, 2], left: 1 },
        chain: [{ fn: 'main', line: 3 }],
        cpu: 10,
      },
    ] satisfies TraceEvent[];
    expect(parseEventBatch(wireBatch(events))).toEqual(events);
  });

  it.each([
    ['without a chain', outputWith(5, null)],
    ['with a chain that is not a list', outputWith(5, 'main')],
    ['with a frame lacking its line', outputWith(5, [['main']])],
    ['with a frame whose line is text', outputWith(5, [['main', '7']])],
    ['with a frame that is not a pair', outputWith(5, [null])],
    ['with a frame of three items', outputWith(5, [['main', 7, 1]])],
  ])('refuses an output event %s', (_name, batch) => {
    expect(() => parseEventBatch(batch)).toThrow(
      /event 0 \(output\) lacks a field or has a wrong one/,
    );
  });

  it('gives equal chains of a batch one array, and keeps unequal ones apart', () => {
    const elsewhere = { ...OUTPUT, chain: [{ fn: 'main', line: 8 }] };
    const [first, second, third] = parseEventBatch(wireBatch([OUTPUT, OUTPUT, elsewhere]));
    if (first?.type !== 'output' || second?.type !== 'output' || third?.type !== 'output') {
      throw new Error('expected three output events');
    }
    expect(second.chain).toBe(first.chain);
    expect(first.chain).toEqual(OUTPUT.chain);
    expect(third.chain).toEqual([{ fn: 'main', line: 8 }]);
  });

  it('gives equal wait reasons of a batch one object, and keeps unequal ones apart', () => {
    const suspend = (reason: WaitReason): TraceEvent => ({
      type: 'task.suspend',
      h: 4,
      task: 2,
      reason,
      chain: [{ fn: 'spin', line: 5 }],
      cpu: 0,
    });
    const batch = [
      suspend({ kind: 'yield' }),
      suspend({ kind: 'yield' }),
      suspend({ kind: 'sleep', until: 1.5 }),
      suspend({ kind: 'sleep', until: 2 }),
    ];
    const reasons = parseEventBatch(wireBatch(batch)).map((event) =>
      event.type === 'task.suspend' ? event.reason : null,
    );
    expect(reasons[1]).toBe(reasons[0]);
    expect(reasons).toEqual([
      { kind: 'yield' },
      { kind: 'yield' },
      { kind: 'sleep', until: 1.5 },
      { kind: 'sleep', until: 2 },
    ]);
  });
});
