import { describe, expect, it } from 'vitest';
import { createTextStorage, type TextStorage } from '../platform/browserStorage';
import { memoryStorage } from '../platform/memoryStorage';
import { scriptedSandbox } from '../runtime/scriptedSandbox';
import { createAppStore } from './appStore';
import { PANE_SIZES_KEY } from './paneSizesSlice';
import { THEME_KEY } from './themeSlice';
import { WELCOME_KEY } from './welcomeSlice';

/** Storage in memory, as localStorage would be, holding `saved`. */
function memoryTextStorage(saved: Record<string, string> = {}): TextStorage {
  const storage = memoryStorage();
  for (const [key, text] of Object.entries(saved)) storage.setItem(key, text);
  return createTextStorage(storage);
}

function appStore(storage: TextStorage, systemPrefersDark = false) {
  const { sandbox, runs } = scriptedSandbox();
  const store = createAppStore({
    sandbox,
    drafts: { storage, key: 'program', startingCode: 'start' },
    theme: { storage, systemPrefersDark },
    progress: storage,
    paneSizes: storage,
    welcome: storage,
    input: storage,
  });
  return { store, runs };
}

describe('the page store', () => {
  it('holds every slice side by side, each changing only its own state', () => {
    const { store, runs } = appStore(memoryTextStorage());
    store.getState().edit('mine');
    void store.getState().run(store.getState().source);
    store.getState().setTheme('dark');
    const state = store.getState();
    expect(state.source).toBe('mine');
    expect(state.running).toBe(true);
    expect(state.theme).toBe('dark');
    expect(runs[0]?.request.source).toBe('mine');
  });

  it('follows the system theme until the learner picks one, then remembers it', () => {
    const storage = memoryTextStorage();
    expect(appStore(storage, true).store.getState().theme).toBe('dark');
    appStore(storage, true).store.getState().setTheme('light');
    expect(storage.load(THEME_KEY)).toBe('light');
    expect(appStore(storage, true).store.getState().theme).toBe('light');
  });

  it('ignores a saved theme it does not know', () => {
    const storage = memoryTextStorage({ [THEME_KEY]: 'sepia' });
    expect(appStore(storage).store.getState().theme).toBe('light');
  });

  it("remembers the panes' sizes, and keeps only numbers from what was saved", () => {
    const storage = memoryTextStorage();
    appStore(storage).store.getState().setPaneSize('editor', 30);
    expect(appStore(storage).store.getState().paneSizes).toEqual({ editor: 30 });
    storage.save(PANE_SIZES_KEY, '{"editor": "wide", "timeline": 70}');
    expect(appStore(storage).store.getState().paneSizes).toEqual({ timeline: 70 });
    storage.save(PANE_SIZES_KEY, 'not json');
    expect(appStore(storage).store.getState().paneSizes).toEqual({});
  });

  it('shows the welcome until it is dismissed, then never again', () => {
    const storage = memoryTextStorage();
    const first = appStore(storage).store;
    expect(first.getState().welcomeDismissed).toBe(false);
    first.getState().dismissWelcome();
    expect(first.getState().welcomeDismissed).toBe(true);
    expect(appStore(storage).store.getState().welcomeDismissed).toBe(true);
  });

  it('without storage, dismisses the welcome for this visit only', () => {
    const storage = createTextStorage(null);
    const store = appStore(storage).store;
    store.getState().dismissWelcome();
    expect(store.getState().welcomeDismissed).toBe(true);
    expect(appStore(storage).store.getState().welcomeDismissed).toBe(false);
  });

  it('shows the welcome again for a saved value it does not know', () => {
    const storage = memoryTextStorage({ [WELCOME_KEY]: 'maybe' });
    expect(appStore(storage).store.getState().welcomeDismissed).toBe(false);
  });
});
