import { useSyncExternalStore } from 'react';
import type { OfflineCache, OfflineState } from '../platform/offlineCache';

const SAYS: Record<Exclude<OfflineState, 'none' | 'update-ready'>, string> = {
  saving: 'Saving Loopscope in this browser, so that it works without a network…',
  saved: 'Loopscope is saved in this browser: it starts and runs without a network.',
  failed: 'This browser did not let Loopscope save itself for offline use; it works while online.',
};

/** Where the site's offline copy stands, and the notice of a new version with its Reload. */
export function OfflineStatus({ offline }: { readonly offline: OfflineCache }) {
  const state = useSyncExternalStore(offline.subscribe, offline.getSnapshot);
  return (
    <footer className="offline-status">
      <p role="status" aria-label="Offline copy">
        {state === 'none' ? null : state === 'update-ready' ? (
          <>
            A new version of Loopscope is ready.{' '}
            <button type="button" onClick={offline.update}>
              Reload to update
            </button>
          </>
        ) : (
          SAYS[state]
        )}
      </p>
    </footer>
  );
}
