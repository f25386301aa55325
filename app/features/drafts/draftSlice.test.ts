import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createTextStorage } from '../../platform/browserStorage';
import { memoryStorage } from '../../platform/memoryStorage';
import { createDraftSlice, LAST_DOCUMENT_KEY, type DraftOptions } from './draftSlice';

/** The slice alone in a store of its own. */
function createDraftStore(options: DraftOptions) {
  return createStore(createDraftSlice(options));
}

/** Timers run only when the test says so. */
function manualTimers() {
  const due: (() => void)[] = [];
  return {
    setTimer: (callback: () => void) => due.push(callback),
    clearTimer: () => {
      due.length = 0;
    },
    runAll: () => {
      for (const callback of due.splice(0)) callback();
    },
  };
}

const START = 'print("start")\n';

describe('draft slice', () => {
  it('starts from the starting code, then from what was saved', () => {
    const storage = createTextStorage(memoryStorage());
    const timers = manualTimers();
    const first = createDraftStore({ storage, key: 'k', startingCode: START, ...timers });
    expect(first.getState().source).toBe(START);
    first.getState().edit('print("mine")\n');
    timers.runAll();
    const second = createDraftStore({ storage, key: 'k', startingCode: START, ...timers });
    expect(second.getState().source).toBe('print("mine")\n');
  });

  it('saves shortly after edits, or at once when flushed', () => {
    const raw = memoryStorage();
    const storage = createTextStorage(raw);
    const timers = manualTimers();
    const store = createDraftStore({ storage, key: 'k', startingCode: START, ...timers });
    store.getState().edit('a');
    store.getState().edit('ab');
    expect(raw.getItem('k')).toBeNull();
    store.getState().flushDraft();
    expect(raw.getItem('k')).toBe('ab');
  });

  it('resets to the starting code and forgets the saved text', () => {
    const raw = memoryStorage();
    const timers = manualTimers();
    const store = createDraftStore({
      storage: createTextStorage(raw),
      key: 'k',
      startingCode: START,
      ...timers,
    });
    store.getState().edit('mine');
    timers.runAll();
    store.getState().resetDraft();
    expect(store.getState().source).toBe(START);
    expect(raw.getItem('k')).toBeNull();
  });

  it('keeps working without storage and says so', () => {
    const timers = manualTimers();
    const store = createDraftStore({
      storage: createTextStorage(null),
      key: 'k',
      startingCode: START,
      ...timers,
    });
    expect(store.getState().keeping).toBe('unavailable');
    store.getState().edit('mine');
    timers.runAll();
    expect(store.getState().source).toBe('mine');
    expect(store.getState().keeping).toBe('unavailable');
  });

  it('says when storage is full, and recovers when it is not', () => {
    const timers = manualTimers();
    const store = createDraftStore({
      storage: createTextStorage(memoryStorage(10)),
      key: 'k',
      startingCode: START,
      ...timers,
    });
    store.getState().edit('x'.repeat(50));
    timers.runAll();
    expect(store.getState().keeping).toBe('full');
    expect(store.getState().source).toBe('x'.repeat(50));
    store.getState().edit('short');
    timers.runAll();
    expect(store.getState().keeping).toBe('kept');
  });

  it('reopens the document shown last when asked to, with its edits', () => {
    const storage = createTextStorage(memoryStorage());
    const timers = manualTimers();
    const playground = { storage, key: 'loopscope:p', startingCode: START, ...timers };
    const before = createDraftStore(playground);
    const exercise = { key: 'loopscope:x', startingCode: 'starter\n', title: 'Exercise: X' };
    before.getState().openDocument(exercise);
    before.getState().edit('mine\n');
    before.getState().flushDraft();

    const resumed = createDraftStore({ ...playground, resumeLastDocument: true });
    expect(resumed.getState().document).toEqual(exercise);
    expect(resumed.getState().source).toBe('mine\n');
    const fresh = createDraftStore(playground);
    expect(fresh.getState().document.key).toBe('loopscope:p');
    expect(fresh.getState().source).toBe(START);
  });

  it('ignores a kept description of the last document that it cannot read', () => {
    for (const kept of ['not json', '{"key":"elsewhere","startingCode":"","title":""}', '[]']) {
      const storage = createTextStorage(memoryStorage());
      storage.save(LAST_DOCUMENT_KEY, kept);
      const store = createDraftStore({
        storage,
        key: 'loopscope:p',
        startingCode: START,
        resumeLastDocument: true,
      });
      expect(store.getState().document.key).toBe('loopscope:p');
    }
  });
});
