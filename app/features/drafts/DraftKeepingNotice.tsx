import { useStore } from 'zustand';
import { KeepingNotice, type NotKeptMessages } from '../../shared/KeepingNotice';
import type { DraftStore } from './draftSlice';

const MESSAGES: NotKeptMessages = {
  unavailable:
    'This browser does not let the page save anything, so your program will not be kept after you leave.',
  full: 'Browser storage is full, so your latest changes are not saved. Copy your program somewhere to keep it.',
};

/** Says when the learner's program is not being kept; nothing while it is. */
export function DraftKeepingNotice({ drafts }: { readonly drafts: DraftStore }) {
  const keeping = useStore(drafts, (state) => state.keeping);
  return <KeepingNotice keeping={keeping} label="Saving" messages={MESSAGES} />;
}
