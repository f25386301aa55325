import { describe, expect, it } from 'vitest';
import { shuffleLines } from './shuffleLines';

const LINES = ['main: line 1', 'main: line 2', 'main: line 3', 'worker: first line', 'main: done'];
const SEEDS = ['tasks/first-run', 'gather/order', 'a', '', 'x'.repeat(300)];

describe('shuffleLines', () => {
  it('returns the same lines, in the same order for the same question', () => {
    for (const seed of SEEDS) {
      const shuffled = shuffleLines(LINES, seed);
      expect([...shuffled].sort()).toEqual([...LINES].sort());
      expect(shuffleLines(LINES, seed)).toEqual(shuffled);
    }
  });

  it('never shows the answer’s order first, whatever the question and its length', () => {
    for (let length = 2; length <= 8; length += 1) {
      const lines = Array.from({ length }, (_, index) => `line ${index + 1}`);
      for (let question = 0; question < 200; question += 1) {
        expect(shuffleLines(lines, `lesson/q-${question}`)).not.toEqual(lines);
      }
    }
  });

  it('orders the lines differently for different questions', () => {
    const orders = new Set(SEEDS.map((seed) => shuffleLines(LINES, seed).join('|')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('leaves the answer itself as it was', () => {
    const lines = [...LINES];
    shuffleLines(lines, 'tasks/first-run');
    expect(lines).toEqual(LINES);
  });

  it('has nothing to shuffle in one line or none', () => {
    expect(shuffleLines(['only'], 'q')).toEqual(['only']);
    expect(shuffleLines([], 'q')).toEqual([]);
  });
});
