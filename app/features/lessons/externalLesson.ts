/**
 * An instructor's own lesson file, from outside the build: opened by URL or
 * dropped onto the page. It is someone else's text, so it goes through the
 * same parser as the course (parseLesson.ts: no raw HTML, every block
 * checked) and the same renderer (safe links only), with sizes bounded
 * before anything is parsed. Its id is replaced by one of its own source,
 * so its exercises, drafts and progress never mix with a built-in lesson's.
 */
import { joinBytes } from '../../shared/bytes';
import { fingerprint } from '../../shared/fingerprint';
import type { Lesson } from './format/lessonTypes';
import { formatProblem } from './format/lessonTypes';
import { parseLesson } from './format/parseLesson';

/** The largest lesson file read: the course's longest is under 30 KB. */
export const MAX_LESSON_BYTES = 256 * 1024;

/** Where an outside lesson came from. */
export type LessonSource =
  { readonly kind: 'url'; readonly url: string } | { readonly kind: 'file'; readonly name: string };

export type ExternalLessonReading =
  | { readonly ok: true; readonly lesson: Lesson }
  | { readonly ok: false; readonly problems: readonly string[] };

/** A sentence about a lesson file that could not be read at all. */
export class LessonFileError extends Error {}

/** The file name problems are reported under. */
function fileLabel(source: LessonSource): string {
  if (source.kind === 'file') return source.name;
  const { pathname } = new URL(source.url);
  return pathname.slice(pathname.lastIndexOf('/') + 1) || 'lesson.md';
}

/** Parses a lesson file's text as the build parses the course's. */
export function readExternalLesson(source: LessonSource, text: string): ExternalLessonReading {
  const parsed = parseLesson(fileLabel(source), text);
  if ('problems' in parsed) return { ok: false, problems: parsed.problems.map(formatProblem) };
  const key = source.kind === 'url' ? source.url : `file:${source.name}:${text}`;
  return {
    ok: true,
    lesson: {
      ...parsed.lesson,
      meta: { ...parsed.lesson.meta, id: `outside-${fingerprint(key)}` },
    },
  };
}

/** The text of `bytes`, which must be UTF-8 and at most MAX_LESSON_BYTES. */
export function lessonText(bytes: Uint8Array): string {
  if (bytes.length > MAX_LESSON_BYTES) {
    throw new LessonFileError(
      `it is larger than ${MAX_LESSON_BYTES / 1024} KB, which no lesson needs`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LessonFileError('it is not UTF-8 text (is it a lesson’s Markdown file?)');
  }
}

/**
 * Fetches a lesson file from the site's own origin (`pageOrigin`) or one the
 * site owner listed at build time (`listedOrigins`): the site's policy lets
 * the page reach no other (docs/security.md), so another origin is refused
 * here, before any request, with a sentence saying what to do instead.
 */
export async function fetchLessonFile(
  url: string,
  pageOrigin: string,
  listedOrigins: readonly string[],
): Promise<string> {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    throw new LessonFileError(`“${url.slice(0, 100)}” is not an address`);
  }
  const ownOrigin = address.origin === pageOrigin;
  if (!ownOrigin && !listedOrigins.includes(address.origin)) {
    const from = listedOrigins.length
      ? `its own address (${pageOrigin}) and from ${listedOrigins.join(', ')} only`
      : `its own address only (${pageOrigin})`;
    throw new LessonFileError(
      `this site opens lesson files from ${from}, not from ${address.origin}: download the file and drop it onto the page instead`,
    );
  }
  let response: Response;
  try {
    response = await fetch(address, { credentials: 'omit' });
  } catch {
    // The browser says no more; from another origin, a missing CORS header
    // fails exactly like a missing network.
    throw new LessonFileError(
      ownOrigin
        ? 'it could not be reached (is the network there?)'
        : `it could not be reached: is the network there, and does ${address.origin} let other sites read its files (Access-Control-Allow-Origin)?`,
    );
  }
  if (!response.ok) throw new LessonFileError(`the server answered ${response.status}`);
  // Many hosts answer a missing file with a page (a 404 page, or the site's
  // own index.html) rather than a 404.
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    void response.body?.cancel();
    throw new LessonFileError('the address gives a web page, not a lesson file (is it right?)');
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_LESSON_BYTES) {
    void response.body?.cancel();
    return lessonText(new Uint8Array(MAX_LESSON_BYTES + 1));
  }
  return lessonText(await readAtMost(response, MAX_LESSON_BYTES + 1));
}

/** Up to `limit` bytes of the response's body: a server that lies about its length is cut off. */
async function readAtMost(response: Response, limit: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size >= limit) {
      await reader.cancel();
      break;
    }
  }
  return joinBytes(chunks);
}
