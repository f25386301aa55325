import { describe, expect, it } from 'vitest';
import {
  MalformedBatchError,
  parseEventBatch,
  TRACE_FORMAT_VERSION,
  type TraceEvent,
  type WaitReason,
} from './traceSchema';

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
    ['text that is not JSON', '[{"type": "output"'],
    ['JSON that is not a list', '{"type": "output"}'],
    ['an event that is not an object', '[1]'],
    ['an event without a type', JSON.stringify([{ text: 'x' }])],
    ['an event of an unknown type', JSON.stringify([{ type: 'alert', text: 'x' }])],
    ['a type that is not text', JSON.stringify([{ type: ['output'] }])],
    ['an output whose text is a number', JSON.stringify([{ ...OUTPUT, text: 42 }])],
    ['an output without its stream', JSON.stringify([{ ...OUTPUT, stream: undefined }])],
    ['an output of a third stream', JSON.stringify([{ ...OUTPUT, stream: 'stdin' }])],
    [
      'a suspend whose reason is text',
      JSON.stringify([{ type: 'task.suspend', h: 1, task: 1, reason: 'sleep', chain: [], cpu: 1 }]),
    ],
    [
      'a task end of an unknown outcome',
      JSON.stringify([{ type: 'task.end', h: 1, task: 1, cpu: 1, outcome: 'toString' }]),
    ],
    [
      'a task end with an exception but no message',
      JSON.stringify([
        { type: 'task.end', h: 1, task: 1, cpu: 1, outcome: 'exception', error: 'E', line: 1 },
      ]),
    ],
    ['a good event after a bad one', JSON.stringify([{ type: 'step', h: '1', cpu: 0 }, OUTPUT])],
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
    expect(parseEventBatch(JSON.stringify(events))).toEqual(events);
  });

  it.each([
    ['without a chain', { ...OUTPUT, chain: undefined }],
    ['with a chain that is not a list', { ...OUTPUT, chain: 'main' }],
    ['with a frame lacking its line', { ...OUTPUT, chain: [{ fn: 'main' }] }],
    ['with a frame that is not an object', { ...OUTPUT, chain: [null] }],
  ])('refuses an output event %s', (_name, event) => {
    expect(() => parseEventBatch(JSON.stringify([event]))).toThrow(
      /event 0 \(output\) lacks a field or has a wrong one/,
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
    const reasons = parseEventBatch(JSON.stringify(batch)).map((event) =>
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
