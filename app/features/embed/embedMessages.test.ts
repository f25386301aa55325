import { describe, expect, it } from 'vitest';
import { MAX_CODE_CHARS, readHostMessage, wireMessage } from './embedMessages';

describe('messages from the host page', () => {
  it('reads the three messages of version 1', () => {
    expect(readHostMessage({ loopscope: 1, type: 'setCode', code: 'print(1)' })).toEqual({
      type: 'setCode',
      code: 'print(1)',
    });
    expect(readHostMessage({ loopscope: 1, type: 'run', extra: true })).toEqual({ type: 'run' });
    expect(readHostMessage({ loopscope: 1, type: 'stop' })).toEqual({ type: 'stop' });
  });

  it('ignores anything else', () => {
    for (const data of [
      null,
      'run',
      42,
      [],
      { type: 'run' },
      { loopscope: 2, type: 'run' },
      { loopscope: '1', type: 'run' },
      { loopscope: 1, type: 'eval', code: 'x' },
      { loopscope: 1, type: 'setCode' },
      { loopscope: 1, type: 'setCode', code: 7 },
      { loopscope: 1, type: 'setCode', code: 'x'.repeat(MAX_CODE_CHARS + 1) },
      { loopscope: 1, type: 'toString' },
    ]) {
      expect(readHostMessage(data)).toBeNull();
    }
  });
});

describe('messages to the host page', () => {
  it('carry the API version', () => {
    expect(wireMessage({ type: 'resize', height: 300 })).toEqual({
      loopscope: 1,
      type: 'resize',
      height: 300,
    });
  });
});
