import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createTextStorage, type TextStorage } from '../../platform/browserStorage';
import { memoryStorage } from '../../platform/memoryStorage';
import { createLessonsSlice, PROGRESS_KEY, readProgress } from './lessonsSlice';

/** The slice alone in a store of its own, as a page visit would build it. */
function createLessonsStore(storage: TextStorage) {
  return createStore(createLessonsSlice(storage));
}

const PASSED = { passed: true, message: '', line: null };
const FAILED = { passed: false, message: 'The run took 2 s.', line: 4 };

/** A Web Storage that reads fine but refuses every write, as a locked-down browser may. */
function refusingStorage(): Storage {
  const storage = memoryStorage();
  storage.setItem = () => {
    throw new DOMException('denied', 'SecurityError');
  };
  return storage;
}

describe('lessons slice', () => {
  it('starts with no progress, kept when storage is available', () => {
    const store = createLessonsStore(createTextStorage(memoryStorage()));
    expect(store.getState().progress).toEqual({ exercises: {}, predictions: {}, hints: {} });
    expect(store.getState().progressKept).toBe(true);
    expect(store.getState().verdicts).toEqual({});
  });

  it('shows a check as running, then its verdict', () => {
    const store = createLessonsStore(createTextStorage(memoryStorage()));
    store.getState().checkStarted('gather/nap');
    expect(store.getState().verdicts).toEqual({ 'gather/nap': { checking: true } });
    store.getState().checkFinished('gather/nap', FAILED, 'unused');
    expect(store.getState().verdicts['gather/nap']).toEqual({ ...FAILED, checking: false });
  });

  it('shows a run that ended without a verdict as a failure with its reason', () => {
    const store = createLessonsStore(createTextStorage(memoryStorage()));
    store.getState().checkStarted('gather/nap');
    store.getState().checkFinished('gather/nap', null, 'The run was stopped.');
    expect(store.getState().verdicts['gather/nap']).toEqual({
      checking: false,
      passed: false,
      message: 'The run was stopped.',
      line: null,
    });
    expect(store.getState().progress.exercises['gather/nap']).toBe('attempted');
  });

  it('reads back in a new visit what was achieved in this one', () => {
    const raw = memoryStorage();
    const first = createLessonsStore(createTextStorage(raw));
    first.getState().checkFinished('gather/nap', PASSED, '');
    first.getState().checkFinished('gather/fetch', FAILED, '');
    first.getState().showHint('gather/fetch');
    first.getState().showHint('gather/fetch');
    first.getState().recordPrediction('gather/how-long', true);
    first.getState().recordPrediction('tasks/first-run', false);
    const expected = {
      exercises: { 'gather/nap': 'passed', 'gather/fetch': 'attempted' },
      predictions: { 'gather/how-long': true, 'tasks/first-run': false },
      hints: { 'gather/fetch': 2 },
    };
    expect(first.getState().progress).toEqual(expected);
    expect(JSON.parse(raw.getItem(PROGRESS_KEY) ?? 'null')).toEqual(expected);

    const second = createLessonsStore(createTextStorage(raw));
    expect(second.getState().progress).toEqual(expected);
    expect(second.getState().progressKept).toBe(true);
    // Verdicts belong to the visit; only progress lasts.
    expect(second.getState().verdicts).toEqual({});
  });

  it('keeps a passed exercise passed when a later check fails', () => {
    const raw = memoryStorage();
    const store = createLessonsStore(createTextStorage(raw));
    store.getState().checkFinished('gather/nap', FAILED, '');
    expect(store.getState().progress.exercises['gather/nap']).toBe('attempted');
    store.getState().checkFinished('gather/nap', PASSED, '');
    store.getState().checkFinished('gather/nap', FAILED, '');
    expect(store.getState().verdicts['gather/nap']).toEqual({ ...FAILED, checking: false });
    expect(store.getState().progress.exercises['gather/nap']).toBe('passed');
    expect(readProgress(raw.getItem(PROGRESS_KEY)).exercises['gather/nap']).toBe('passed');
  });

  it('keeps the first answer to a question, not a second try', () => {
    const store = createLessonsStore(createTextStorage(memoryStorage()));
    store.getState().recordPrediction('gather/how-long', false);
    store.getState().recordPrediction('gather/how-long', true);
    expect(store.getState().progress.predictions).toEqual({ 'gather/how-long': false });
  });

  it('counts hints per exercise', () => {
    const store = createLessonsStore(createTextStorage(memoryStorage()));
    store.getState().showHint('gather/nap');
    store.getState().showHint('gather/fetch');
    store.getState().showHint('gather/nap');
    expect(store.getState().progress.hints).toEqual({ 'gather/nap': 2, 'gather/fetch': 1 });
  });

  it('starts afresh from stored progress that is not JSON', () => {
    const raw = memoryStorage();
    raw.setItem(PROGRESS_KEY, '{"exercises": {"gather/nap": "pas');
    const store = createLessonsStore(createTextStorage(raw));
    expect(store.getState().progress).toEqual({ exercises: {}, predictions: {}, hints: {} });
    store.getState().checkFinished('gather/nap', PASSED, '');
    expect(readProgress(raw.getItem(PROGRESS_KEY)).exercises).toEqual({ 'gather/nap': 'passed' });
  });

  it('works without storage, and says progress lasts only until the page closes', () => {
    const store = createLessonsStore(createTextStorage(null));
    expect(store.getState().progressKept).toBe(false);
    store.getState().checkFinished('gather/nap', PASSED, '');
    store.getState().showHint('gather/fetch');
    store.getState().recordPrediction('gather/how-long', true);
    expect(store.getState().progress).toEqual({
      exercises: { 'gather/nap': 'passed' },
      predictions: { 'gather/how-long': true },
      hints: { 'gather/fetch': 1 },
    });
    expect(store.getState().progressKept).toBe(false);
  });

  it('says progress is not kept once a save fails, and goes on in memory', () => {
    for (const raw of [memoryStorage(10), refusingStorage()]) {
      const store = createLessonsStore(createTextStorage(raw));
      expect(store.getState().progressKept).toBe(true);
      store.getState().checkFinished('gather/nap', PASSED, '');
      expect(store.getState().progressKept).toBe(false);
      expect(store.getState().progress.exercises).toEqual({ 'gather/nap': 'passed' });
      expect(raw.getItem(PROGRESS_KEY)).toBeNull();
    }
  });

  it('starts with no progress when reading storage throws', () => {
    const raw = memoryStorage();
    raw.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const store = createLessonsStore(createTextStorage(raw));
    expect(store.getState().progress).toEqual({ exercises: {}, predictions: {}, hints: {} });
  });
});

describe('readProgress', () => {
  it('reads nothing from nothing, or from anything but an object', () => {
    const empty = { exercises: {}, predictions: {}, hints: {} };
    for (const text of [null, '', 'null', '42', '"passed"', 'not json', '{"exercises": 1}']) {
      expect(readProgress(text)).toEqual(empty);
    }
  });

  it('keeps only the entries this version writes', () => {
    const text = JSON.stringify({
      exercises: { 'a/1': 'passed', 'a/2': 'attempted', 'a/3': 'done', 'a/4': true },
      predictions: { 'a/q': true, 'a/r': false, 'a/s': 'yes', 'a/t': null },
      hints: { 'a/1': 2, 'a/2': 0, 'a/3': -1, 'a/4': '3' },
      version: 7,
    });
    expect(readProgress(text)).toEqual({
      exercises: { 'a/1': 'passed', 'a/2': 'attempted' },
      predictions: { 'a/q': true, 'a/r': false },
      hints: { 'a/1': 2, 'a/2': 0 },
    });
  });
});
