import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PROGRAM } from './seedProgram';

const repo = join(import.meta.dirname, '..', '..', '..');

describe('the seed program', () => {
  // The article Loopscope grew from (shared/seed/) opens with this example;
  // the runtime's fixtures keep copies of it, which must not drift apart.
  it('is the example the golden trace and the conformance corpus run', () => {
    expect(readFileSync(join(repo, 'tests/golden/seed_greet.py'), 'utf8')).toBe(SEED_PROGRAM);
    const corpusCopy = readFileSync(
      join(repo, 'tests/conformance/programs/001_seed_greet.py'),
      'utf8',
    );
    expect(corpusCopy.endsWith(SEED_PROGRAM)).toBe(true);
  });
});
