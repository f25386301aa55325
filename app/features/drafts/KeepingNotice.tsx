import { useStore } from 'zustand';
import type { DraftStore, KeepingState } from './draftSlice';

const MESSAGES: Record<Exclude<KeepingState, 'kept'>, string> = {
  unavailable:
    'This browser does not let the page save anything, so your program will not be kept after you leave.',
  full: 'Browser storage is full, so your latest changes are not saved. Copy your program somewhere to keep it.',
};

/** Says when the learner's work is not being kept; nothing while it is. */
export function KeepingNotice({ drafts }: { readonly drafts: DraftStore }) {
  const keeping = useStore(drafts, (state) => state.keeping);
  if (keeping === 'kept') return null;
  return (
    <p role="note" aria-label="Saving" className="keeping-notice">
      {MESSAGES[keeping]}
    </p>
  );
}
