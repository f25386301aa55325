import { describe, expect, it } from 'vitest';
import { codeSpans, plainText } from './codeSpans';

describe('code in an overlay’s text', () => {
  it('splits prose from the code between backticks', () => {
    expect(codeSpans('In a coroutine, `await asyncio.sleep(…)` waits.')).toEqual([
      { text: 'In a coroutine, ', code: false },
      { text: 'await asyncio.sleep(…)', code: true },
      { text: ' waits.', code: false },
    ]);
    expect(codeSpans('`x`')).toEqual([{ text: 'x', code: true }]);
  });

  it('drops the backticks for plain text', () => {
    expect(plainText('Use `await`, not `time.sleep`.')).toBe('Use await, not time.sleep.');
  });
});
