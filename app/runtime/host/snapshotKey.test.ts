import { describe, expect, it } from 'vitest';
import { snapshotFileName, snapshotKey } from './snapshotKey';

const SOURCES = new Map([
  ['runner.py', 'def run(): pass\n'],
  ['__init__.py', '"""The runtime."""\n'],
]);

describe('snapshotKey', () => {
  it('is the same for the same Pyodide and files, whatever their order', () => {
    const reordered = new Map([...SOURCES].reverse());
    expect(snapshotKey('314.0.7', reordered)).toBe(snapshotKey('314.0.7', SOURCES));
    expect(snapshotKey('314.0.7', SOURCES)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with the Pyodide version', () => {
    expect(snapshotKey('314.0.8', SOURCES)).not.toBe(snapshotKey('314.0.7', SOURCES));
  });

  it('changes with any change to a file, its name, or the set of files', () => {
    const key = snapshotKey('314.0.7', SOURCES);
    const edited = new Map(SOURCES).set('runner.py', 'def run(): return\n');
    const renamed = new Map([
      ['runner2.py', 'def run(): pass\n'],
      ['__init__.py', '"""The runtime."""\n'],
    ]);
    const added = new Map(SOURCES).set('extra.py', '');
    for (const other of [edited, renamed, added]) {
      expect(snapshotKey('314.0.7', other)).not.toBe(key);
    }
  });

  it('names a gzip file that carries the key', () => {
    expect(snapshotFileName('0123456789abcdef')).toBe('snapshot-0123456789abcdef.bin.gz');
  });
});
