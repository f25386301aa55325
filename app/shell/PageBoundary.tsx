import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { KeepingState } from '../shared/textKeeper';
import { keepTypedTextNow, type AppStore } from './appStore';
import { ErrorBoundary } from './ErrorBoundary';

interface PageBoundaryProps {
  readonly store: AppStore;
  readonly children: ReactNode;
}

/**
 * The last resort around the whole page: when something fails that no pane
 * caught, what the learner typed (the program, the Input box's text) is saved
 * at once and the program shown as text to copy, with what happened and a
 * way back.
 */
export function PageBoundary({ store, children }: PageBoundaryProps) {
  return (
    <ErrorBoundary
      onError={() => {
        keepTypedTextNow(store);
      }}
      fallback={(error) => <PageFailure error={error} store={store} />}
    >
      {children}
    </ErrorBoundary>
  );
}

const KEPT_SENTENCE: Record<KeepingState, string> = {
  kept: 'Your program is saved in this browser and comes back when you reload.',
  unavailable: 'This browser does not keep your program: copy it from the box below first.',
  full: 'Browser storage is full, so your latest changes are not saved: copy your program from the box below first.',
};

interface PageFailureProps {
  readonly error: Error;
  readonly store: AppStore;
}

function PageFailure({ error, store }: PageFailureProps) {
  const program = useStore(store, (state) => state.source);
  // Follows the store: the save made when the failure was caught lands after this first render.
  const keeping = useStore(store, (state) => state.keeping);
  return (
    <main className="page-failure">
      <h1>Loopscope stopped working</h1>
      <div role="alert">
        <p>Something in the page failed: {error.message || error.name}</p>
        <p>{KEPT_SENTENCE[keeping]}</p>
      </div>
      <label htmlFor="page-failure-program">Your program</label>
      <textarea id="page-failure-program" readOnly value={program} spellCheck={false} />
      <button
        type="button"
        onClick={() => {
          window.location.reload();
        }}
      >
        Reload the page
      </button>
    </main>
  );
}
