/** How many of a lesson's exercises the learner has passed. */
import type { LessonProgress } from './lessonsSlice';

export function exerciseKey(lessonId: string, exerciseId: string): string {
  return `${lessonId}/${exerciseId}`;
}

export function lessonProgress(
  progress: LessonProgress,
  lessonId: string,
  exerciseIds: readonly string[],
): { readonly passed: number; readonly total: number } {
  const passed = exerciseIds.filter(
    (id) => progress.exercises[exerciseKey(lessonId, id)] === 'passed',
  ).length;
  return { passed, total: exerciseIds.length };
}
