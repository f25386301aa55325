import { describe, expect, it } from 'vitest';
import { readMarshal, UnreadableMarshalError } from './marshalReader';

/** `marshal.dumps(value, 4)` of CPython 3.11's, byte for byte (the format has not changed since 3.4). */
const FROM_CPYTHON: readonly (readonly [string, readonly number[], unknown])[] = [
  [
    'events sharing ints and a string by reference',
    [
      219, 3, 0, 0, 0, 169, 4, 233, 3, 0, 0, 0, 233, 1, 0, 0, 0, 114, 3, 0, 0, 0, 78, 41, 5, 233, 5,
      0, 0, 0, 233, 2, 0, 0, 0, 218, 5, 115, 108, 101, 101, 112, 114, 3, 0, 0, 0, 84, 41, 7, 233, 7,
      0, 0, 0, 114, 2, 0, 0, 0, 231, 0, 0, 0, 0, 0, 0, 224, 63, 114, 6, 0, 0, 0, 78, 78, 84,
    ],
    [
      [3, 1, 1, null],
      [5, 2, 'sleep', 1, true],
      [7, 3, 0.5, 'sleep', null, null, true],
    ],
  ],
  [
    'text beyond ASCII and a chain of pairs',
    [
      219, 1, 0, 0, 0, 41, 7, 233, 17, 0, 0, 0, 218, 6, 115, 116, 100, 111, 117, 116, 245, 15, 0, 0,
      0, 104, 195, 169, 108, 108, 111, 32, 226, 134, 146, 32, 226, 156, 147, 10, 233, 1, 0, 0, 0,
      78, 91, 2, 0, 0, 0, 91, 2, 0, 0, 0, 250, 5, 103, 114, 101, 101, 116, 233, 7, 0, 0, 0, 91, 2,
      0, 0, 0, 114, 5, 0, 0, 0, 233, 8, 0, 0, 0, 231, 0, 0, 0, 0, 0, 0, 0, 0,
    ],
    [
      [
        17,
        'stdout',
        'héllo → ✓\n',
        1,
        null,
        [
          ['greet', 7],
          ['greet', 8],
        ],
        0,
      ],
    ],
  ],
  [
    'an int past 32 bits, a negative one and false',
    [
      219, 1, 0, 0, 0, 169, 6, 233, 1, 0, 0, 0, 218, 2, 111, 107, 233, 0, 0, 0, 0, 236, 3, 0, 0, 0,
      0, 0, 0, 0, 0, 4, 233, 251, 255, 255, 255, 70,
    ],
    [[1, 'ok', 0, 2 ** 40, -5, false]],
  ],
  ['an empty list', [219, 0, 0, 0, 0], []],
];

describe('readMarshal', () => {
  it.each(FROM_CPYTHON)('reads %s as CPython wrote it', (_name, bytes, value) => {
    expect(readMarshal(new Uint8Array(bytes))).toEqual(value);
  });

  it.each([
    ['no bytes', []],
    ['a list cut short', [91, 2, 0, 0, 0, 78]],
    ['an int cut short', [105, 1, 0]],
    ['bytes after its value', [78, 78]],
    ['a dict', [123, 48]],
    ['a code object', [99, 0, 0, 0, 0]],
    ['a reference to nothing', [91, 1, 0, 0, 0, 114, 0, 0, 0, 0]],
    ['a reference to a list from inside it', [219, 1, 0, 0, 0, 114, 0, 0, 0, 0]],
    ['a list longer than its bytes', [91, 255, 255, 255, 127]],
    ['a list of negative length', [91, 255, 255, 255, 255]],
    [
      'lists nested deeper than events are',
      [...Array.from({ length: 12 }, () => [91, 1, 0, 0, 0]).flat(), 78],
    ],
  ])('refuses %s', (_name, bytes) => {
    expect(() => readMarshal(new Uint8Array(bytes))).toThrow(UnreadableMarshalError);
  });
});
