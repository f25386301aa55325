import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, OVERLAY_KINDS, type Lesson, type OverlayKind } from './lessonTypes';
import { parseLesson } from './parseLesson';
import { validateCourse } from './validateCourse';

function lesson(
  file: string,
  id: string,
  order: number,
  explains: readonly OverlayKind[] = [],
): Lesson {
  return {
    file,
    meta: { id, title: id, order, summary: 'S', assumes: [], explains },
    blocks: [],
  };
}

const FIRST = lesson('lessons/01-a.md', 'a', 1);
/** A course that explains every overlay once. */
const COURSE = [
  FIRST,
  lesson('lessons/02-b.md', 'b', 2, ['blocking-call', 'never-awaited']),
  lesson('lessons/03-c.md', 'c', 3, ['exception-never-retrieved', 'cancelled-at-shutdown']),
];

function problems(lessons: readonly Lesson[]): string[] {
  return validateCourse(lessons).map(formatProblem);
}

describe('validateCourse', () => {
  it('accepts a course with unique ids and orders, each overlay explained once', () => {
    expect(problems(COURSE)).toEqual([]);
  });

  it('does not require orders without gaps', () => {
    expect(
      problems(
        COURSE.map((each, index) => ({ ...each, meta: { ...each.meta, order: index * 10 + 1 } })),
      ),
    ).toEqual([]);
  });

  it('reports an id used twice against the later file, naming the earlier', () => {
    expect(problems([...COURSE, lesson('lessons/04-a.md', 'a', 4)])).toEqual([
      'lessons/04-a.md:1: the id "a" is also used by lessons/01-a.md',
    ]);
  });

  it('reports an order used twice against the later file, naming the earlier', () => {
    expect(
      problems([...COURSE, lesson('lessons/04-d.md', 'd', 2), lesson('lessons/05-e.md', 'e', 2)]),
    ).toEqual([
      'lessons/04-d.md:1: the order 2 is also used by lessons/02-b.md',
      'lessons/05-e.md:1: the order 2 is also used by lessons/02-b.md',
    ]);
  });

  it('reports an overlay explained by two lessons against the second', () => {
    expect(problems([...COURSE, lesson('lessons/04-d.md', 'd', 4, ['never-awaited'])])).toEqual([
      'lessons/04-d.md:1: the overlay "never-awaited" must be explained by exactly one lesson (found 2); list it under "explains"',
    ]);
  });

  it('reports each overlay no lesson explains', () => {
    expect(problems([FIRST, lesson('lessons/02-b.md', 'b', 2, ['never-awaited'])])).toEqual(
      OVERLAY_KINDS.filter((kind) => kind !== 'never-awaited').map(
        (kind) =>
          `lessons/01-a.md:1: the overlay "${kind}" must be explained by exactly one lesson (found 0); list it under "explains"`,
      ),
    );
  });

  it('finds nothing wrong with an empty course', () => {
    expect(problems([])).toEqual([]);
  });
});

describe('the course in lessons/', () => {
  // Parsing every lesson takes well under a second, but a loaded 2-core machine can take far longer.
  it('parses, lesson by lesson, and keeps the rules across lessons', { timeout: 60_000 }, () => {
    const folder = join(import.meta.dirname, '..', '..', '..', '..', 'lessons');
    const lessons: Lesson[] = [];
    const problems: string[] = [];
    for (const name of readdirSync(folder).filter(
      (file) => file.endsWith('.md') && file !== 'README.md',
    )) {
      const parsed = parseLesson(`lessons/${name}`, readFileSync(join(folder, name), 'utf8'));
      if ('lesson' in parsed) lessons.push(parsed.lesson);
      else problems.push(...parsed.problems.map(formatProblem));
    }
    problems.push(...validateCourse(lessons).map(formatProblem));
    expect(problems).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
  });
});
