import { useSyncExternalStore } from 'react';

/**
 * Below this width the panes are tabs (PaneTabs) instead of splits side by
 * side; app.css's narrow-screen rules use the same width.
 */
const NARROW_SCREEN = '(max-width: 900px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_SCREEN);
  query.addEventListener('change', onChange);
  return () => {
    query.removeEventListener('change', onChange);
  };
}

/** Whether the window is as narrow as a phone's, kept up to date. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_SCREEN).matches,
    () => false,
  );
}
