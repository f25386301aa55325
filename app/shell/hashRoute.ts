/**
 * The page's address: `#/lessons/<id>` is a lesson, `#/lessons` the list of
 * lessons, `#/share/<format>/<data>` a shared program (features/share/
 * shareLink.ts reads it), `#/lesson-url/<address, URI-encoded>` a lesson
 * file from outside the build and `#/lesson-file` the one the learner chose
 * or dropped (features/lessons/externalLesson.ts), anything else the
 * playground. In the fragment, so that any static
 * host serves every address from one index.html, and Back and Forward move
 * between lessons.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly page: 'playground' }
  | { readonly page: 'lessons' }
  | { readonly page: 'lesson'; readonly id: string }
  | { readonly page: 'shared'; readonly format: string; readonly data: string }
  | { readonly page: 'lessonUrl'; readonly url: string }
  | { readonly page: 'lessonFile' };

export function parseRoute(hash: string): Route {
  const lessonUrl = /^#\/lesson-url\/(.+)$/s.exec(hash);
  if (lessonUrl?.[1] !== undefined) {
    try {
      return { page: 'lessonUrl', url: decodeURIComponent(lessonUrl[1]) };
    } catch {
      // A malformed escape: read the address as it is, which says what is wrong with it.
      return { page: 'lessonUrl', url: lessonUrl[1] };
    }
  }
  if (/^#\/lesson-file\/?$/.test(hash)) return { page: 'lessonFile' };
  const shared = /^#\/share\/([^/]*)\/(.*)$/s.exec(hash);
  if (shared) return { page: 'shared', format: shared[1] ?? '', data: shared[2] ?? '' };
  const lesson = /^#\/lessons\/([a-z0-9-]+)\/?$/.exec(hash);
  if (lesson?.[1] !== undefined) return { page: 'lesson', id: lesson[1] };
  if (/^#\/lessons\/?$/.test(hash)) return { page: 'lessons' };
  return { page: 'playground' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

/** The current address's fragment, kept up to date. */
export function useHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
}
