/**
 * The page's one store: each feature's slice spread side by side. Features
 * receive this store typed as their own slice's store, so none can reach
 * into another's state.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createDraftSlice,
  type DraftOptions,
  type DraftSlice,
} from '../features/drafts/draftSlice';
import { createLessonsSlice, type LessonsSlice } from '../features/lessons/lessonsSlice';
import {
  createOutsideLessonSlice,
  type OutsideLessonSlice,
} from '../features/lessons/outsideLessonSlice';
import { createRunnerSlice, type RunnerSlice } from '../features/runner/runnerSlice';
import { createTimelineSlice, type TimelineSlice } from '../features/timeline/timelineSlice';
import type { TextStorage } from '../platform/browserStorage';
import type { SandboxClient } from '../runtime/createSandboxClient';
import { createPaneSizesSlice, type PaneSizesSlice } from './paneSizesSlice';
import { createSharedLinkSlice, type SharedLinkSlice } from './sharedLinkSlice';
import { createThemeSlice, type ThemeOptions, type ThemeSlice } from './themeSlice';
import { createWelcomeSlice, type WelcomeSlice } from './welcomeSlice';

export type AppState = RunnerSlice &
  TimelineSlice &
  DraftSlice &
  ThemeSlice &
  LessonsSlice &
  PaneSizesSlice &
  WelcomeSlice &
  SharedLinkSlice &
  OutsideLessonSlice;

export type AppStore = StoreApi<AppState>;

/** What the store is built from. */
export interface AppStoreOptions {
  readonly sandbox: SandboxClient;
  readonly drafts: DraftOptions;
  readonly theme: ThemeOptions;
  /** Where the learner's lesson progress is kept. */
  readonly progress: TextStorage;
  /** Where the panes' sizes are kept. */
  readonly paneSizes: TextStorage;
  /** Where the welcome's dismissal is kept. */
  readonly welcome: TextStorage;
  /** Where the Input box's text is kept. */
  readonly input: TextStorage;
}

export function createAppStore(options: AppStoreOptions): AppStore {
  return createStore<AppState>()((set, get) => ({
    // The timeline follows the runner's trace; neither feature knows the other.
    ...createRunnerSlice(
      options.sandbox,
      {
        runStarted: () => {
          get().startTimeline();
        },
        traceArrived: (events) => {
          get().receiveTrace(events);
        },
      },
      { storage: options.input },
    )(set, get),
    ...createTimelineSlice()(set, get),
    ...createDraftSlice(options.drafts)(set, get),
    ...createThemeSlice(options.theme)(set, get),
    ...createLessonsSlice(options.progress)(set, get),
    ...createPaneSizesSlice(options.paneSizes)(set, get),
    ...createWelcomeSlice(options.welcome)(set, get),
    ...createSharedLinkSlice()(set, get),
    ...createOutsideLessonSlice()(set, get),
  }));
}

/**
 * Writes now whatever the learner typed that is still waiting to be saved
 * (the program, the Input box's text): the page is being hidden or closed,
 * or has failed.
 */
export function keepTypedTextNow(store: AppStore): void {
  const state = store.getState();
  state.flushDraft();
  state.flushStdin();
}
