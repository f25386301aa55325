import { useEffect } from 'react';
import type { Theme } from '../shared/theme';

/** Sets `theme` as `data-theme` on <html>, where app.css (and Monaco) read it. */
export function useDocumentTheme(theme: Theme): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
