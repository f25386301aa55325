/**
 * Rules that span lessons: ids and orders are unique, and each of the
 * timeline's mistake overlays is explained by exactly one lesson (its link
 * leads there).
 */
import { OVERLAY_KINDS, type Lesson, type LessonProblem } from './lessonTypes';

export function validateCourse(lessons: readonly Lesson[]): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const seen = (key: (lesson: Lesson) => string | number, what: string): void => {
    const first = new Map<string | number, Lesson>();
    for (const lesson of lessons) {
      const value = key(lesson);
      const earlier = first.get(value);
      if (earlier === undefined) {
        first.set(value, lesson);
      } else {
        problems.push({
          file: lesson.file,
          line: 1,
          message: `${what} ${JSON.stringify(value)} is also used by ${earlier.file}`,
        });
      }
    }
  };
  seen((lesson) => lesson.meta.id, 'the id');
  seen((lesson) => lesson.meta.order, 'the order');
  if (lessons.length > 0) {
    for (const kind of OVERLAY_KINDS) {
      const explaining = lessons.filter((lesson) => lesson.meta.explains.includes(kind));
      if (explaining.length !== 1) {
        problems.push({
          file: explaining[1]?.file ?? lessons[0]?.file ?? '',
          line: 1,
          message: `the overlay "${kind}" must be explained by exactly one lesson (found ${explaining.length}); list it under "explains"`,
        });
      }
    }
  }
  return problems;
}
