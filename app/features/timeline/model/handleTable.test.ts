import { describe, expect, it } from 'vitest';
import { createHandleTable } from './handleTable';

describe('a table of values by handle id', () => {
  it('gives back what was set, and nothing for ids never set or deleted', () => {
    const table = createHandleTable<string>();
    table.set(1, 'main');
    table.set(2, 'tick');
    table.set(2, 'tock');
    table.delete(1);
    expect([table.get(1), table.get(2), table.get(3)]).toEqual([undefined, 'tock', undefined]);
  });

  it('keeps ids far apart, as a trace that is not the runtime’s may send', () => {
    const table = createHandleTable<number>();
    table.set(7, 1);
    table.set(2 ** 31, 2);
    table.set(0, 3);
    expect([table.get(7), table.get(2 ** 31), table.get(0), table.get(8)]).toEqual([
      1,
      2,
      3,
      undefined,
    ]);
  });
});
