/**
 * The site kept in the browser for offline use (app/offline/
 * serviceWorker.template.js, written as sw.js by the build), and the page's
 * view of it: saving, saved, or a new version waiting. No React here: the
 * state has the subscribe/getSnapshot shape of `useSyncExternalStore`.
 */

export type OfflineState =
  /** Not kept (no service worker here, or not yet started). */
  | 'none'
  /** The first copy is being saved. */
  | 'saving'
  /** This version is saved: the site starts without a network. */
  | 'saved'
  /** A new version is saved and waits for the learner (`update`). */
  | 'update-ready'
  /** The browser refused to keep it (storage full, private mode). */
  | 'failed';

export interface OfflineCache {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => OfflineState;
  /** Switches to the waiting version and reloads the page with it. */
  readonly update: () => void;
}

/**
 * Registers the service worker once `when` settles (Python is ready: the
 * copy's downloads must not slow the first start), from the site's base so
 * that it works from any sub-path.
 */
export function startOfflineCache(when: Promise<unknown>): OfflineCache {
  const listeners = new Set<() => void>();
  let state: OfflineState = 'none';
  let waiting: ServiceWorker | null = null;
  const set = (next: OfflineState): void => {
    state = next;
    for (const listener of listeners) listener();
  };

  const watchInstall = (worker: ServiceWorker, hadController: boolean): void => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && hadController) {
        waiting = worker;
        set('update-ready');
      } else if (worker.state === 'activated' && !hadController) {
        set('saved');
      } else if (worker.state === 'redundant' && state === 'saving') {
        set('failed');
      }
    });
  };

  const register = async (): Promise<void> => {
    const hadController = navigator.serviceWorker.controller !== null;
    const registration = await navigator.serviceWorker.register(new URL('sw.js', document.baseURI));
    if (registration.waiting && hadController) {
      waiting = registration.waiting;
      set('update-ready');
    } else if (registration.installing) {
      set(hadController ? 'saved' : 'saving');
      watchInstall(registration.installing, hadController);
    } else if (registration.active) {
      set('saved');
    }
    // Fired for the first install too (registering resolves before the install
    // starts), whose worker is watched already: only a later one is an update.
    const first = registration.installing;
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (worker && worker !== first) watchInstall(worker, true);
    });
  };

  if ('serviceWorker' in navigator) {
    void when.then(() =>
      register().catch(() => {
        set('failed');
      }),
    );
    // The new version took over (the learner asked for it): show it.
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (waiting === null || reloading) return;
      reloading = true;
      window.location.reload();
    });
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => state,
    update() {
      waiting?.postMessage({ type: 'loopscope:activate' });
    },
  };
}
