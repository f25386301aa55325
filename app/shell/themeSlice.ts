/**
 * The page's colour theme, in the page's store: the learner's choice is
 * remembered; without one, the system's preference is followed.
 */
import type { TextStorage } from '../platform/browserStorage';
import type { SliceCreator } from '../shared/storeSlice';
import type { Theme } from '../shared/theme';

export const THEME_KEY = 'loopscope:theme';

export interface ThemeSlice {
  readonly theme: Theme;
  /** Switches the theme and remembers the choice. */
  setTheme(theme: Theme): void;
}

/** What the theme depends on. */
export interface ThemeOptions {
  readonly storage: TextStorage;
  /** Whether the system prefers dark colours. */
  readonly systemPrefersDark: boolean;
}

export function createThemeSlice({
  storage,
  systemPrefersDark,
}: ThemeOptions): SliceCreator<ThemeSlice> {
  const saved = storage.load(THEME_KEY);
  const theme: Theme =
    saved === 'light' || saved === 'dark' ? saved : systemPrefersDark ? 'dark' : 'light';
  return (set) => ({
    theme,
    setTheme(next) {
      set({ theme: next });
      storage.save(THEME_KEY, next);
    },
  });
}
