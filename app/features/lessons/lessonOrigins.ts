/**
 * The other sites this build opens lesson files from, listed by the site
 * owner at build time (`LOOPSCOPE_LESSON_ORIGINS`, tools/vite/lessonOrigins.ts,
 * which also lets the page's policy reach them). Usually none.
 */
declare const __LOOPSCOPE_LESSON_ORIGINS__: readonly string[];

export const LISTED_LESSON_ORIGINS: readonly string[] = __LOOPSCOPE_LESSON_ORIGINS__;
