/**
 * The learner's program text, kept between visits: saved shortly after each
 * edit (and at once when the page is hidden), restored on load, and reset to
 * the starting code on request: the drafts' slice of the page's store. Its
 * actions can be called outside React and in tests. It knows nothing of Python or workers:
 * stopping or restarting Python never touches the text.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { SaveOutcome, TextStorage } from '../../platform/browserStorage';
import type { SliceCreator } from '../../shared/storeSlice';
import { timersOf, type TimerOptions } from '../../shared/timers';

/** How long after the last keystroke the text is written. */
export const SAVE_DELAY_MS = 400;

/** Whether the learner's work is being kept. */
export type KeepingState =
  /** Saved (or nothing to save yet). */
  | 'kept'
  /** This browser gives the page no storage. */
  | 'unavailable'
  /** Storage is full; the last edits are not kept. */
  | 'full';

export interface DraftSlice {
  /** The program text in the editor. */
  readonly source: string;
  /** Whether edits are being kept. */
  readonly keeping: KeepingState;
  /** Replaces the text (an edit); it is saved shortly after. */
  edit(source: string): void;
  /** Returns to the starting code and forgets the saved text. */
  resetDraft(): void;
  /** Writes a pending edit now (the page is being hidden or closed). */
  flushDraft(): void;
}

/** Any store that holds the drafts' slice. */
export type DraftStore = StoreApi<DraftSlice>;

/** Where and what to keep (and, in tests, the timers to save with). */
export interface DraftOptions extends TimerOptions {
  readonly storage: TextStorage;
  /** The storage key, one per draft (e.g. per lesson later). */
  readonly key: string;
  /** The code a reset returns to, and the text when nothing was saved. */
  readonly startingCode: string;
}

function keepingAfter(outcome: SaveOutcome): KeepingState {
  return outcome === 'saved' ? 'kept' : outcome;
}

export function createDraftSlice(options: DraftOptions): SliceCreator<DraftSlice> {
  const { storage, key, startingCode } = options;
  const { setTimer, clearTimer } = timersOf(options);
  return (set, get) => {
    let pending: unknown = null;
    const save = (): void => {
      if (pending !== null) clearTimer(pending);
      pending = null;
      set({ keeping: keepingAfter(storage.save(key, get().source)) });
    };
    return {
      source: storage.load(key) ?? startingCode,
      keeping: storage.available ? 'kept' : 'unavailable',
      edit(source) {
        if (source === get().source) return;
        set({ source });
        if (pending !== null) clearTimer(pending);
        pending = setTimer(save, SAVE_DELAY_MS);
      },
      resetDraft() {
        if (pending !== null) clearTimer(pending);
        pending = null;
        storage.remove(key);
        set({ source: startingCode, keeping: storage.available ? 'kept' : 'unavailable' });
      },
      flushDraft() {
        if (pending !== null) save();
      },
    };
  };
}
