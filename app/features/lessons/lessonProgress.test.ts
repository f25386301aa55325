import { describe, expect, it } from 'vitest';
import { exerciseKey, lessonProgress } from './lessonProgress';
import type { LessonProgress } from './lessonsSlice';

describe('lessonProgress', () => {
  it('keys an exercise by its lesson and its own id', () => {
    expect(exerciseKey('gather', 'nap-together')).toBe('gather/nap-together');
  });

  it('counts the lesson’s passed exercises, not attempted ones nor other lessons’', () => {
    const progress: LessonProgress = {
      exercises: {
        'gather/nap': 'passed',
        'gather/fetch': 'attempted',
        'tasks/nap': 'passed',
        'gather/removed': 'passed',
      },
      predictions: { 'gather/how-long': true },
      hints: {},
    };
    expect(lessonProgress(progress, 'gather', ['nap', 'fetch', 'limit'])).toEqual({
      passed: 1,
      total: 3,
    });
    expect(lessonProgress(progress, 'tasks', ['nap'])).toEqual({ passed: 1, total: 1 });
    expect(lessonProgress(progress, 'intro', [])).toEqual({ passed: 0, total: 0 });
  });
});
