/**
 * The lesson from outside the build the page shows, if any
 * (externalLesson.ts): opened by its address on the site, or from a file
 * the learner chose or dropped. Kept in memory only: a file is the
 * learner's to open again.
 */
import type { SliceCreator } from '../../shared/storeSlice';
import {
  fetchLessonFile,
  LessonFileError,
  lessonText,
  readExternalLesson,
  type LessonSource,
} from './externalLesson';
import type { Lesson } from './format/lessonTypes';

export type OutsideLesson =
  | { readonly state: 'loading'; readonly source: LessonSource }
  | { readonly state: 'ready'; readonly source: LessonSource; readonly lesson: Lesson }
  | {
      readonly state: 'failed';
      readonly source: LessonSource;
      /** What is wrong: one sentence, or the file's problems line by line. */
      readonly problems: readonly string[];
    };

export interface OutsideLessonSlice {
  readonly outsideLesson: OutsideLesson | null;
  /**
   * Fetches and opens the lesson file at `url`, of the site's own origin
   * (`pageOrigin`) or one the site owner listed (`listedOrigins`).
   */
  openLessonUrl(url: string, pageOrigin: string, listedOrigins: readonly string[]): Promise<void>;
  /** Opens a lesson file's bytes, as the learner chose or dropped it. */
  openLessonFile(name: string, bytes: Uint8Array): void;
}

function failed(source: LessonSource, error: unknown): OutsideLesson {
  if (error instanceof LessonFileError)
    return { state: 'failed', source, problems: [error.message] };
  throw error;
}

export function createOutsideLessonSlice(): SliceCreator<OutsideLessonSlice> {
  return (set, get) => {
    const opened = (source: LessonSource, text: string): OutsideLesson => {
      const reading = readExternalLesson(source, text);
      return reading.ok
        ? { state: 'ready', source, lesson: reading.lesson }
        : { state: 'failed', source, problems: reading.problems };
    };
    return {
      outsideLesson: null,
      async openLessonUrl(url, pageOrigin, listedOrigins) {
        const current = get().outsideLesson;
        if (
          current?.source.kind === 'url' &&
          current.source.url === url &&
          current.state !== 'failed'
        ) {
          return;
        }
        const source: LessonSource = { kind: 'url', url };
        set({ outsideLesson: { state: 'loading', source } });
        let next: OutsideLesson;
        try {
          next = opened(source, await fetchLessonFile(url, pageOrigin, listedOrigins));
        } catch (error) {
          next = failed(source, error);
        }
        // A later address asked meanwhile wins.
        const now = get().outsideLesson;
        if (now?.source === source) set({ outsideLesson: next });
      },
      openLessonFile(name, bytes) {
        const source: LessonSource = { kind: 'file', name };
        let next: OutsideLesson;
        try {
          next = opened(source, lessonText(bytes));
        } catch (error) {
          next = failed(source, error);
        }
        set({ outsideLesson: next });
      },
    };
  };
}
