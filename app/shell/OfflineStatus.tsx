import { useSyncExternalStore } from 'react';
import type { OfflineCache } from '../platform/offlineCache';

interface OfflineStatusProps {
  readonly offline: OfflineCache;
  /** A phone's header has room for the new version's notice only. */
  readonly compact: boolean;
}

/**
 * In the header: where the site's offline copy stands, and the notice of a
 * new version with its Reload. Says nothing until there is something to say,
 * nor when the browser refused the copy (the site works online as before).
 */
export function OfflineStatus({ offline, compact }: OfflineStatusProps) {
  const state = useSyncExternalStore(offline.subscribe, offline.getSnapshot);
  return (
    <p role="status" aria-label="Offline copy" className="offline-status">
      {state === 'update-ready' ? (
        <>
          A new version of Loopscope is ready.{' '}
          <button type="button" onClick={offline.update}>
            Reload to update
          </button>
        </>
      ) : compact ? null : state === 'saving' ? (
        'Saving for offline use…'
      ) : state === 'saved' ? (
        'Works offline'
      ) : null}
    </p>
  );
}
