/** A lesson in the course's list: its frontmatter, and how to load the rest. */
import type { Lesson, LessonMeta } from './format/lessonTypes';

export interface LessonEntry {
  readonly meta: LessonMeta;
  /** The ids of its exercises, for progress without loading the lesson. */
  readonly exerciseIds: readonly string[];
  /** Loads the lesson's parsed body (a chunk of its own). */
  readonly load: () => Promise<Lesson>;
}
