/**
 * Keeping a text the learner types (their program, its input) between
 * visits: written shortly after the last change rather than on every
 * keystroke (each write stores the whole text, and blocks the page while it
 * does), at once when asked (the page is being hidden), and with what became
 * of the write reported, so that a slice can tell the learner when their
 * text is not being kept.
 */
import type { SaveOutcome, TextStorage } from '../platform/browserStorage';
import { timersOf, type TimerOptions } from './timers';

/** How long after the last change the text is written. */
export const SAVE_DELAY_MS = 400;

/** Whether the learner's text is being kept. */
export type KeepingState =
  /** Saved (or nothing to save yet). */
  | 'kept'
  /** This browser gives the page no storage. */
  | 'unavailable'
  /** Storage is full; the last changes are not kept. */
  | 'full';

/** The state while no write is waiting: kept, unless the browser gives the page no storage. */
export function keepingOf(storage: TextStorage): KeepingState {
  return storage.available ? 'kept' : 'unavailable';
}

/** Schedules the writes of one text. */
export interface TextKeeper {
  /** The text changed: it is written once SAVE_DELAY_MS pass without another change. */
  changed(): void;
  /** Writes a waiting change now (the page is being hidden, or the text is about to be replaced). */
  flush(): void;
  /** Forgets a waiting change (the text went back to its start, and storage forgot it). */
  cancel(): void;
}

/**
 * A keeper that calls `save` to write the text as it is by then, and hands
 * what became of it to `report`.
 */
export function createTextKeeper(
  save: () => SaveOutcome,
  report: (keeping: KeepingState) => void,
  timers: TimerOptions,
): TextKeeper {
  const { setTimer, clearTimer } = timersOf(timers);
  let pending: unknown = null;
  const cancel = (): void => {
    if (pending !== null) clearTimer(pending);
    pending = null;
  };
  const write = (): void => {
    pending = null;
    const outcome = save();
    report(outcome === 'saved' ? 'kept' : outcome);
  };
  return {
    changed() {
      cancel();
      pending = setTimer(write, SAVE_DELAY_MS);
    },
    flush() {
      if (pending === null) return;
      cancel();
      write();
    },
    cancel,
  };
}
