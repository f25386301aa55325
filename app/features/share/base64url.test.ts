import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url';

/** What Node's own encoder writes, for comparison. */
function nodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

describe('base64url', () => {
  it('writes what Node writes, for every length and every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let length = 0; length <= 12; length++) {
      for (const start of [0, 120, 250 - length]) {
        const bytes = all.subarray(start, start + length);
        expect(encodeBase64Url(bytes)).toBe(nodeBase64Url(bytes));
      }
    }
    expect(encodeBase64Url(all)).toBe(nodeBase64Url(all));
  });

  it('reads back what it writes', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) % 256);
    for (let length = 0; length <= bytes.length; length += 37) {
      const part = bytes.subarray(0, length);
      expect(decodeBase64Url(encodeBase64Url(part))).toEqual(part);
    }
  });

  it('refuses characters outside the URL-safe alphabet, padding included', () => {
    expect(decodeBase64Url('ab+c')).toBeNull();
    expect(decodeBase64Url('ab/c')).toBeNull();
    expect(decodeBase64Url('abc=')).toBeNull();
    expect(decodeBase64Url('ab c')).toBeNull();
    expect(decodeBase64Url('abé')).toBeNull();
  });

  it('refuses a length no bytes can have', () => {
    expect(decodeBase64Url('a')).toBeNull();
    expect(decodeBase64Url('abcde')).toBeNull();
    expect(decodeBase64Url('')).toEqual(new Uint8Array(0));
  });
});
