import { describe, expect, it } from 'vitest';
import { offsetOf } from './textPosition';

describe('offsetOf', () => {
  const text = 'ab\ncde\n\nf';

  it('turns 1-based lines and columns into offsets', () => {
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 1)).toBe(3);
    expect(offsetOf(text, 2, 3)).toBe(5);
    expect(offsetOf(text, 4, 1)).toBe(8);
  });

  it('stays on the line and in the text', () => {
    expect(offsetOf(text, 1, 99)).toBe(2);
    expect(offsetOf(text, 3, 5)).toBe(7);
    expect(offsetOf(text, 99, 1)).toBe(8);
    expect(offsetOf(text, 0, 0)).toBe(0);
  });
});
