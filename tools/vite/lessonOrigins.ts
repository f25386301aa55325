/**
 * The other origins a site owner lets learners open lesson files from
 * (docs/deploying.md, "Lessons from other sites"): `LOOPSCOPE_LESSON_ORIGINS`
 * at build time, origins separated by commas or spaces. The site fetches
 * nothing from another origin unless it is listed here: the build adds
 * each one to the policy's `connect-src` and gives the page the list
 * (`__LOOPSCOPE_LESSON_ORIGINS__`, app/features/lessons/lessonOrigins.ts).
 */
import type { Plugin } from 'vite';

export const LESSON_ORIGINS_VARIABLE = 'LOOPSCOPE_LESSON_ORIGINS';

/** The origins in `value`; throws, naming the entry, on anything but a bare http(s) origin. */
export function parseLessonOrigins(value: string | undefined): string[] {
  const origins: string[] = [];
  for (const entry of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const problem = `${LESSON_ORIGINS_VARIABLE}: “${entry}” is not an origin like https://courses.example.org`;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(problem);
    }
    const bare =
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      url.pathname === '/' &&
      url.search === '' &&
      url.hash === '';
    if (!bare) throw new Error(problem);
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return origins;
}

/** Gives the page the list the build was made with. */
export function lessonOrigins(origins: readonly string[]): Plugin {
  return {
    name: 'loopscope:lesson-origins',
    config: () => ({ define: { __LOOPSCOPE_LESSON_ORIGINS__: JSON.stringify(origins) } }),
  };
}
