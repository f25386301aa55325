/**
 * Golden traces: a handful of programs whose whole trace must not drift.
 * They are also the fixtures of the timeline model's tests.
 *
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npm run test:python -- tests/golden`.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useRuntime } from '../runtime/runtimeFixture';
import { toGoldenText } from './goldenTrace';

const folder = dirname(fileURLToPath(import.meta.url));
const programs = readdirSync(folder)
  .filter((name) => name.endsWith('.py'))
  .sort();
const update = process.env.UPDATE_GOLDEN === '1';
const runtime = useRuntime('boot');
const fromSnapshot = useRuntime('snapshot');

describe('golden traces', () => {
  it('has programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(6);
  });

  // Every host starts Python from a memory snapshot: a run after it is the same as after a boot.
  it.each(programs)('%s, started from a snapshot', (name) => {
    const source = readFileSync(join(folder, name), 'utf8');
    const goldenPath = join(folder, name.replace(/\.py$/, '.trace.jsonl'));
    const result = fromSnapshot().run({ source, filename: name });
    expect(toGoldenText(result.events)).toBe(readFileSync(goldenPath, 'utf8'));
  });

  it.each(programs)('%s', (name) => {
    const source = readFileSync(join(folder, name), 'utf8');
    const result = runtime().run({ source, filename: name });
    const actual = toGoldenText(result.events);
    const goldenPath = join(folder, name.replace(/\.py$/, '.trace.jsonl'));
    if (update || !existsSync(goldenPath)) {
      expect(update, `${goldenPath} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      writeFileSync(goldenPath, actual);
      return;
    }
    expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
  });
});
