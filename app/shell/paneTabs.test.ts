import { describe, expect, it } from 'vitest';
import { tabAfterKey, tabWhenRunStarts } from './paneTabs';

describe('the keys of the panes’ tab list', () => {
  it('move to the next and previous tab, going round at the ends', () => {
    expect(tabAfterKey('ArrowRight', 0, 3)).toBe(1);
    expect(tabAfterKey('ArrowRight', 2, 3)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 1, 3)).toBe(0);
    expect(tabAfterKey('ArrowLeft', 0, 3)).toBe(2);
  });

  it('jump to the first and the last tab with Home and End', () => {
    expect(tabAfterKey('Home', 2, 4)).toBe(0);
    expect(tabAfterKey('End', 0, 4)).toBe(3);
  });

  it('leave every other key to the page', () => {
    expect(tabAfterKey('ArrowDown', 1, 3)).toBeNull();
    expect(tabAfterKey('Enter', 1, 3)).toBeNull();
  });
});

describe('the tab a run shows', () => {
  it('is the output when the run starts from the program', () => {
    expect(tabWhenRunStarts('program')).toBe('output');
  });

  it('is the one the learner chose otherwise', () => {
    expect(tabWhenRunStarts('timeline')).toBe('timeline');
    expect(tabWhenRunStarts('output')).toBe('output');
    expect(tabWhenRunStarts('lesson')).toBe('lesson');
  });
});
