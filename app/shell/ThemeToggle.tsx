import type { Theme } from '../shared/theme';
import { useDocumentTheme } from './useDocumentTheme';

interface ThemeToggleProps {
  readonly theme: Theme;
  readonly onChange: (theme: Theme) => void;
  /**
   * A moon instead of the words, which stay its accessible name: at a phone's
   * 390 px the words pushed the button onto a second header line.
   */
  readonly compact: boolean;
}

/** A switch between the light and the dark theme; sets `data-theme` on the page. */
export function ThemeToggle({ theme, onChange, compact }: ThemeToggleProps) {
  useDocumentTheme(theme);
  return (
    <button
      type="button"
      className={compact ? 'theme-toggle theme-toggle-compact' : 'theme-toggle'}
      aria-pressed={theme === 'dark'}
      onClick={() => {
        onChange(theme === 'dark' ? 'light' : 'dark');
      }}
    >
      {compact ? (
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M10 2.3A6 6 0 1 0 13.7 10 4.5 4.5 0 0 1 10 2.3Z" fill="currentColor" />
        </svg>
      ) : null}
      <span className={compact ? 'visually-hidden' : undefined}>Dark theme</span>
    </button>
  );
}
