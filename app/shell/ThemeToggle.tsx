import { useEffect } from 'react';
import type { Theme } from '../shared/theme';

interface ThemeToggleProps {
  readonly theme: Theme;
  readonly onChange: (theme: Theme) => void;
}

/** A switch between the light and the dark theme; sets `data-theme` on the page. */
export function ThemeToggle({ theme, onChange }: ThemeToggleProps) {
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={theme === 'dark'}
      onClick={() => {
        onChange(theme === 'dark' ? 'light' : 'dark');
      }}
    >
      Dark theme
    </button>
  );
}
