/**
 * The first visit's welcome, in the page's store: once dismissed it stays
 * dismissed, between visits where storage allows, for the visit otherwise.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { TextStorage } from '../platform/browserStorage';
import type { SliceCreator } from '../shared/storeSlice';

export const WELCOME_KEY = 'loopscope:welcome';

/** What is saved once the welcome is dismissed. */
export const WELCOME_DISMISSED = 'dismissed';

export interface WelcomeSlice {
  /** Whether the learner dismissed the welcome, on this visit or an earlier one. */
  readonly welcomeDismissed: boolean;
  /** Hides the welcome, for good where storage allows. */
  dismissWelcome(): void;
}

/** Any store that holds the welcome's slice. */
export type WelcomeStore = StoreApi<WelcomeSlice>;

export function createWelcomeSlice(storage: TextStorage): SliceCreator<WelcomeSlice> {
  return (set) => ({
    welcomeDismissed: storage.load(WELCOME_KEY) === WELCOME_DISMISSED,
    dismissWelcome() {
      set({ welcomeDismissed: true });
      storage.save(WELCOME_KEY, WELCOME_DISMISSED);
    },
  });
}
