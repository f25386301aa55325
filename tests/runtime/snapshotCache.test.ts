/**
 * The Node hosts start Python from a snapshot kept on disk (nodePython.ts):
 * made on the first start, used after, and made again when what is kept is
 * not a snapshot of this runtime. Whatever is kept, Python starts and runs.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { version } from 'pyodide';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  keptSnapshotPath,
  loadInterpreter,
  loadPython,
  readRuntimeSources,
} from '../../app/runtime/host/nodePython';
import type { PythonRuntime } from '../../app/runtime/host/pythonRuntime';
import { snapshotKey } from '../../app/runtime/host/snapshotKey';
import { parseEventBatch } from '../../app/runtime/traceSchema';

const SEED = readFileSync(join(import.meta.dirname, '..', 'golden', 'seed_greet.py'), 'utf8');
const SEED_OUTPUT = 'Hello, Alice!\nHello, Bob!\n';

/** What the seed example prints on `python`. */
function seedOutput(python: PythonRuntime): string {
  let text = '';
  python.run({ source: SEED, filename: 'main.py', trace: true }, (batch) => {
    for (const event of parseEventBatch(batch)) {
      if (event.type === 'output') text += event.text;
    }
  });
  return text;
}

describe('the snapshot the Node hosts keep', () => {
  let folder: string;
  let kept: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'loopscope-snapshots-'));
    process.env.LOOPSCOPE_SNAPSHOT_CACHE = folder;
    kept = keptSnapshotPath(snapshotKey(version, readRuntimeSources()));
  });
  afterAll(() => {
    delete process.env.LOOPSCOPE_SNAPSHOT_CACHE;
    rmSync(folder, { recursive: true, force: true });
  });

  it('is made on the first start, and Python runs', async () => {
    expect(existsSync(kept)).toBe(false);
    expect(seedOutput(await loadPython())).toBe(SEED_OUTPUT);
    expect(existsSync(kept)).toBe(true);
  });

  it('is used as it is on the next start', async () => {
    const before = readFileSync(kept);
    expect(seedOutput(await loadPython())).toBe(SEED_OUTPUT);
    expect(readFileSync(kept).equals(before)).toBe(true);
  });

  it('is removed when it is not a snapshot, and Python boots', async () => {
    writeFileSync(kept, Buffer.alloc(1 << 20, 7));
    expect(seedOutput(await loadPython())).toBe(SEED_OUTPUT);
    expect(existsSync(kept)).toBe(false);
  });

  it('is made and used, not kept, when its folder cannot be written', async () => {
    rmSync(folder, { recursive: true, force: true });
    // A file where the folder should be: nothing can be written under it.
    writeFileSync(folder, '');
    try {
      expect(seedOutput(await loadPython())).toBe(SEED_OUTPUT);
      expect(existsSync(kept)).toBe(false);
    } finally {
      rmSync(folder, { force: true });
      mkdirSync(folder);
    }
  });

  it('is removed when it is another runtime’s, and Python boots', async () => {
    const bare = await loadInterpreter({ _makeSnapshot: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(kept, bare.makeMemorySnapshot());
    expect(seedOutput(await loadPython())).toBe(SEED_OUTPUT);
    expect(existsSync(kept)).toBe(false);
  });
});
