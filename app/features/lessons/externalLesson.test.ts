import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fetchLessonFile,
  LessonFileError,
  lessonText,
  MAX_LESSON_BYTES,
  readExternalLesson,
} from './externalLesson';

const LESSON = `---
id: tasks
title: My own lesson
order: 1
summary: A lesson an instructor wrote.
assumes: []
explains: []
---

# My own lesson

Some prose, with [a link](https://example.org) and [a bad one](javascript:alert(1)).

\`\`\`python example
print("hi")
\`\`\`
`;

const PAGE = 'https://loopscope.example';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readExternalLesson', () => {
  it('parses a lesson as the build does, under an id of its own source', () => {
    const reading = readExternalLesson({ kind: 'url', url: `${PAGE}/mine/lesson.md` }, LESSON);
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    expect(reading.lesson.meta.title).toBe('My own lesson');
    // Not "tasks": a built-in lesson's drafts and progress stay apart.
    expect(reading.lesson.meta.id).toMatch(/^outside-[0-9a-f]{16}$/);
    expect(reading.lesson.file).toBe('lesson.md');
    expect(reading.lesson.blocks.map((block) => block.kind)).toEqual(['prose', 'example']);
    const other = readExternalLesson({ kind: 'url', url: `${PAGE}/theirs/lesson.md` }, LESSON);
    expect(other.ok && other.lesson.meta.id).not.toBe(reading.lesson.meta.id);
  });

  it('refuses script and raw HTML, naming the line', () => {
    const hostile = `${LESSON}\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)>.\n`;
    const reading = readExternalLesson({ kind: 'file', name: 'evil.md' }, hostile);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems[0]).toMatch(/^evil\.md:18: raw HTML is not allowed in a lesson/);
    expect(reading.problems).toHaveLength(2);
  });

  it('says what is wrong with a malformed file', () => {
    const reading = readExternalLesson({ kind: 'file', name: 'notes.md' }, '# Just notes\n');
    expect(reading).toEqual({
      ok: false,
      problems: ['notes.md:1: a lesson starts with frontmatter between two "---" lines'],
    });
  });
});

describe('lessonText', () => {
  it('reads UTF-8 up to the limit, and refuses more or other encodings', () => {
    expect(lessonText(new TextEncoder().encode('café'))).toBe('café');
    expect(() => lessonText(new Uint8Array(MAX_LESSON_BYTES + 1))).toThrow(/larger than 256 KB/);
    expect(() => lessonText(new Uint8Array([0x63, 0xe9]))).toThrow(/not UTF-8 text/);
  });
});

describe('fetchLessonFile', () => {
  it('fetches a file of the site, without credentials', async () => {
    const fetched = vi.fn(() => Promise.resolve(new Response(LESSON)));
    vi.stubGlobal('fetch', fetched);
    await expect(fetchLessonFile(`${PAGE}/lessons/mine.md`, PAGE, [])).resolves.toBe(LESSON);
    expect(fetched).toHaveBeenCalledWith(new URL(`${PAGE}/lessons/mine.md`), {
      credentials: 'omit',
    });
  });

  it('reaches no other origin, and says what to do instead', async () => {
    const fetched = vi.fn();
    vi.stubGlobal('fetch', fetched);
    await expect(fetchLessonFile('https://other.example/l.md', PAGE, [])).rejects.toThrow(
      'this site opens lesson files from its own address only (https://loopscope.example), not from https://other.example: download the file and drop it onto the page instead',
    );
    await expect(fetchLessonFile('not a url', PAGE, [])).rejects.toThrow(/is not an address/);
    await expect(
      fetchLessonFile('https://other.example/l.md', PAGE, ['https://courses.example']),
    ).rejects.toThrow(
      'this site opens lesson files from its own address (https://loopscope.example) and from https://courses.example only, not from https://other.example',
    );
    expect(fetched).not.toHaveBeenCalled();
  });

  it('fetches from an origin the site owner listed, and says what a refusal there may mean', async () => {
    const fetched = vi.fn(() => Promise.resolve(new Response(LESSON)));
    vi.stubGlobal('fetch', fetched);
    const listed = ['https://courses.example'];
    await expect(fetchLessonFile('https://courses.example/l.md', PAGE, listed)).resolves.toBe(
      LESSON,
    );
    expect(fetched).toHaveBeenCalledWith(new URL('https://courses.example/l.md'), {
      credentials: 'omit',
    });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchLessonFile('https://courses.example/l.md', PAGE, listed)).rejects.toThrow(
      'it could not be reached: is the network there, and does https://courses.example let other sites read its files (Access-Control-Allow-Origin)?',
    );
    await expect(fetchLessonFile(`${PAGE}/x.md`, PAGE, listed)).rejects.toThrow(
      'it could not be reached (is the network there?)',
    );
  });

  it('says when the file is missing, a page, unreachable, or too large however the server answers', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('gone', { status: 404 })));
    await expect(fetchLessonFile(`${PAGE}/x.md`, PAGE, [])).rejects.toThrow(
      'the server answered 404',
    );
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
      ),
    );
    await expect(fetchLessonFile(`${PAGE}/x.md`, PAGE, [])).rejects.toThrow(
      'the address gives a web page, not a lesson file (is it right?)',
    );
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchLessonFile(`${PAGE}/x.md`, PAGE, [])).rejects.toBeInstanceOf(LessonFileError);
    const big = 'x'.repeat(MAX_LESSON_BYTES + 10);
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(big, { headers: { 'content-length': String(big.length) } })),
    );
    await expect(fetchLessonFile(`${PAGE}/x.md`, PAGE, [])).rejects.toThrow(/larger than 256 KB/);
    // A server that does not say how long: read up to the limit, then refused.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x78));
      },
    });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(stream)));
    await expect(fetchLessonFile(`${PAGE}/x.md`, PAGE, [])).rejects.toThrow(/larger than 256 KB/);
  });
});

describe('the example lesson file instructors start from', () => {
  it('is the complete lesson of docs/authoring-lessons.md, and parses', () => {
    const file = readFileSync(
      new URL('../../../public/examples/sleeping-together.md', import.meta.url),
      'utf8',
    );
    const doc = readFileSync(
      new URL('../../../docs/authoring-lessons.md', import.meta.url),
      'utf8',
    );
    expect(doc).toContain(`\`\`\`\`markdown\n${file}\`\`\`\``);
    const reading = readExternalLesson({ kind: 'file', name: 'sleeping-together.md' }, file);
    expect(reading.ok).toBe(true);
  });
});
