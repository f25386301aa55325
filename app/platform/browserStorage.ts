/**
 * The one module that touches the browser's localStorage. Storage can be
 * missing (privacy settings, sandboxed iframes throw on access) or full; both
 * are normal here, so nothing in this module throws.
 */

/** What became of a write. */
export type SaveOutcome = 'saved' | 'unavailable' | 'full';

/** A place to keep small texts between visits. */
export interface TextStorage {
  /** The stored text, or null when there is none (or storage is unavailable). */
  load(key: string): string | null;
  /** Stores the text; says whether it could. */
  save(key: string, text: string): SaveOutcome;
  /** Forgets the text. */
  remove(key: string): void;
  /** Whether anything can be kept at all. */
  readonly available: boolean;
}

/** Wraps a Web Storage object; pass null when there is none. */
export function createTextStorage(storage: Storage | null): TextStorage {
  if (storage === null) {
    return {
      available: false,
      load: () => null,
      save: () => 'unavailable',
      remove: () => undefined,
    };
  }
  return {
    available: true,
    load(key) {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    save(key, text) {
      try {
        storage.setItem(key, text);
        return 'saved';
      } catch (error) {
        return isQuotaError(error) ? 'full' : 'unavailable';
      }
    },
    remove(key) {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to forget if storage went away.
      }
    },
  };
}

/**
 * The page's localStorage, or null where it cannot be used: reading the
 * property throws, or the storage throws on first use. A storage that cannot
 * be read is not used for writing either, since a write would replace the
 * program kept there with one the learner never saw. A full storage is
 * used: what it keeps can still be read, and a write says it is full.
 */
export function pageLocalStorage(): Storage | null {
  try {
    const storage = globalThis.localStorage;
    const probe = '__loopscope_probe__';
    storage.getItem(probe);
    try {
      storage.setItem(probe, probe);
      storage.removeItem(probe);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
    }
    return storage;
  } catch {
    return null;
  }
}

function isQuotaError(error: unknown): boolean {
  // Older Firefox named it differently; both mean the storage is full.
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}
