/**
 * How the learner sized the page's panes, in the page's store: each split's
 * first pane's share, in percent, remembered between visits.
 */
import type { TextStorage } from '../platform/browserStorage';
import type { SliceCreator } from '../shared/storeSlice';

export const PANE_SIZES_KEY = 'loopscope:pane-sizes';

export interface PaneSizesSlice {
  /** Each split's first pane's share, in percent, by the split's name; absent: its default. */
  readonly paneSizes: Readonly<Record<string, number>>;
  /** Remembers a split's share. */
  setPaneSize(split: string, percent: number): void;
}

export function createPaneSizesSlice(storage: TextStorage): SliceCreator<PaneSizesSlice> {
  return (set, get) => ({
    paneSizes: parsePaneSizes(storage.load(PANE_SIZES_KEY)),
    setPaneSize(split, percent) {
      const paneSizes = { ...get().paneSizes, [split]: percent };
      set({ paneSizes });
      storage.save(PANE_SIZES_KEY, JSON.stringify(paneSizes));
    },
  });
}

/** What was saved, keeping only numbers: the text may come from an older version, or be damaged. */
function parsePaneSizes(text: string | null): Record<string, number> {
  if (text === null) return {};
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof saved !== 'object' || saved === null) return {};
  return Object.fromEntries(
    Object.entries(saved).filter(
      (entry): entry is [string, number] =>
        typeof entry[1] === 'number' && Number.isFinite(entry[1]),
    ),
  );
}
