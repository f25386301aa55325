/**
 * The share link the page opened last, and what came of it (sharedProgram.ts
 * opens it): kept in the store, so opening happens once per link, and the
 * notice reads what it did.
 */
import type { LessonEntry } from '../features/lessons/lessonEntry';
import type { SharedProgram } from '../features/share/shareLink';
import type { SliceCreator } from '../shared/storeSlice';

/** What the page did with a share link. */
export type SharedOpening =
  | { readonly ok: false; readonly problem: string }
  | {
      readonly ok: true;
      readonly program: SharedProgram;
      /** The lesson it names, when this site has it. */
      readonly lesson: LessonEntry | null;
      /** The learner had edited this shared program before: their version is shown. */
      readonly edited: boolean;
      /** The link's input, waiting for the learner to choose it over theirs; null when nothing waits. */
      readonly inputOffered: string | null;
    };

export interface SharedLinkSlice {
  /** The link (its format and data, as in the address) and what opening it did; null off share links. */
  readonly sharedLink: { readonly link: string; readonly opening: SharedOpening } | null;
  setSharedLink(sharedLink: SharedLinkSlice['sharedLink']): void;
}

export function createSharedLinkSlice(): SliceCreator<SharedLinkSlice> {
  return (set) => ({
    sharedLink: null,
    setSharedLink(sharedLink) {
      set({ sharedLink });
    },
  });
}
