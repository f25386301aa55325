/**
 * The learner's program texts, kept between visits: saved shortly after each
 * edit (and at once when the page is hidden), restored on load, and reset to
 * the starting code on request: the drafts' slice of the page's store. Its
 * actions can be called outside React and in tests. It knows nothing of Python or workers:
 * stopping or restarting Python never touches the text.
 *
 * The editor shows one *document* at a time: the playground's program, or a
 * lesson's exercise or example. Each has its own key and starting code, so
 * switching never overwrites another document's text.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { TextStorage } from '../../platform/browserStorage';
import type { SliceCreator } from '../../shared/storeSlice';
import { createTextKeeper, keepingOf, type KeepingState } from '../../shared/textKeeper';
import type { TimerOptions } from '../../shared/timers';

/** A text the editor can show, kept under its own key. */
export interface DraftDocument {
  /** The storage key, one per document. */
  readonly key: string;
  /** The code a reset returns to, and the text when nothing was saved. */
  readonly startingCode: string;
  /** What the editor says it shows, e.g. "Playground" or "Exercise: Nap together". */
  readonly title: string;
}

export interface DraftSlice {
  /** The program text in the editor. */
  readonly source: string;
  /** The document the text belongs to. */
  readonly document: DraftDocument;
  /** Whether edits are being kept. */
  readonly keeping: KeepingState;
  /** Replaces the text (an edit); it is saved shortly after. */
  edit(source: string): void;
  /** Returns to the starting code and forgets the saved text. */
  resetDraft(): void;
  /** Writes a pending edit now (the page is being hidden or closed). */
  flushDraft(): void;
  /**
   * Shows another document: its saved text, or its starting code. With
   * `replace`, its text becomes the starting code even if it was edited
   * (opening a lesson's example in the scratch document).
   */
  openDocument(document: DraftDocument, options?: { readonly replace?: boolean }): void;
}

/** Any store that holds the drafts' slice. */
export type DraftStore = StoreApi<DraftSlice>;

/** Where and what to keep (and, in tests, the timers to save with). */
export interface DraftOptions extends TimerOptions {
  readonly storage: TextStorage;
  /** The storage key of the document shown first (the playground's). */
  readonly key: string;
  /** Its starting code. */
  readonly startingCode: string;
  /** Its title; "Playground" when not given. */
  readonly title?: string;
  /**
   * Start with the document shown when the learner left, if it is known
   * (reloading a lesson page keeps its exercise in the editor).
   */
  readonly resumeLastDocument?: boolean;
}

/** Where the description of the document shown last is kept. */
export const LAST_DOCUMENT_KEY = 'loopscope:editor:document';

/** The document kept under LAST_DOCUMENT_KEY, or null when there is none this version can read. */
function readDocument(text: string | null): DraftDocument | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { key, startingCode, title } = value as Partial<Record<keyof DraftDocument, unknown>>;
    return typeof key === 'string' &&
      key.startsWith('loopscope:') &&
      key !== LAST_DOCUMENT_KEY &&
      typeof startingCode === 'string' &&
      typeof title === 'string'
      ? { key, startingCode, title }
      : null;
  } catch {
    return null;
  }
}

export function createDraftSlice(options: DraftOptions): SliceCreator<DraftSlice> {
  const { storage } = options;
  const given: DraftDocument = {
    key: options.key,
    startingCode: options.startingCode,
    title: options.title ?? 'Playground',
  };
  const first =
    (options.resumeLastDocument === true ? readDocument(storage.load(LAST_DOCUMENT_KEY)) : null) ??
    given;
  return (set, get) => {
    const keeper = createTextKeeper(
      () => storage.save(get().document.key, get().source),
      (keeping) => {
        set({ keeping });
      },
      options,
    );
    return {
      source: storage.load(first.key) ?? first.startingCode,
      document: first,
      keeping: keepingOf(storage),
      edit(source) {
        if (source === get().source) return;
        set({ source });
        keeper.changed();
      },
      resetDraft() {
        keeper.cancel();
        const { document } = get();
        storage.remove(document.key);
        set({ source: document.startingCode, keeping: keepingOf(storage) });
      },
      flushDraft() {
        keeper.flush();
      },
      openDocument(document, { replace = false } = {}) {
        keeper.flush();
        if (replace) storage.remove(document.key);
        const saved = replace ? null : storage.load(document.key);
        set({ document, source: saved ?? document.startingCode });
        storage.save(LAST_DOCUMENT_KEY, JSON.stringify(document));
      },
    };
  };
}
