/** Which lesson explains each mistake the timeline marks (from the lessons' `explains`). */
import type { LessonEntry } from '../features/lessons/lessonEntry';
import type { LessonLinkFor } from '../features/timeline/words/RunSummary';

export function lessonLinkFor(lessons: readonly LessonEntry[]): LessonLinkFor {
  return (kind) => {
    const lesson = lessons.find((entry) => entry.meta.explains.includes(kind));
    return lesson === undefined
      ? null
      : {
          href: `#/lessons/${lesson.meta.id}`,
          title: `Lesson ${lesson.meta.order}: ${lesson.meta.title}`,
        };
  };
}
