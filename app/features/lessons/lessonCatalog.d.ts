// The lessons, parsed at build time by tools/vite/lessonCatalog.ts.
declare module 'virtual:lesson-catalog' {
  import type { LessonEntry } from './lessonEntry';

  /** One entry per lesson, in course order. */
  export const LESSONS: readonly LessonEntry[];
}
