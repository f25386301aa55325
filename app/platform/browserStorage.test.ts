import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLocalStorage } from './browserStorage';
import { memoryStorage } from './memoryStorage';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pageLocalStorage', () => {
  it('uses a storage that reads and writes', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    expect(pageLocalStorage()).toBe(storage);
    expect(storage.length).toBe(0);
  });

  it('uses a full storage, whose kept program can still be read', () => {
    const storage = memoryStorage(5);
    storage.setItem('program', 'x');
    vi.stubGlobal('localStorage', storage);
    expect(pageLocalStorage()).toBe(storage);
  });

  it('leaves alone a storage that cannot be read, so no write replaces what it keeps', () => {
    const storage = memoryStorage();
    storage.getItem = () => {
      throw new DOMException('broken', 'UnknownError');
    };
    vi.stubGlobal('localStorage', storage);
    expect(pageLocalStorage()).toBeNull();
  });

  it('leaves alone a storage that refuses writes for another reason than space', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.stubGlobal('localStorage', storage);
    expect(pageLocalStorage()).toBeNull();
  });
});
