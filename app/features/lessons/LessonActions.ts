/**
 * What the lesson views ask of the rest of the page. The shell implements it
 * with the editor, the runner and the timeline, which the lessons feature
 * never imports.
 */
import type { ExampleBlock, ExerciseBlock, Lesson, PredictBlock } from './format/lessonTypes';
import type { LinkActions } from './render/markdownToReact';

export interface LessonActions extends LinkActions {
  /** Puts an example's code in the editor (the lesson's scratch document). */
  openExample(lesson: Lesson, example: ExampleBlock): void;
  /** Puts the learner's own code for an exercise in the editor. */
  openExercise(lesson: Lesson, exercise: ExerciseBlock): void;
  /** Runs the exercise's code and then its check; resolves when the verdict is in. */
  checkExercise(lesson: Lesson, exercise: ExerciseBlock): Promise<void>;
  /** Returns the exercise's code to its starter. */
  resetExercise(lesson: Lesson, exercise: ExerciseBlock): void;
  /** Opens a question's program in the editor and runs it; resolves when the run is over. */
  runPrediction(lesson: Lesson, predict: PredictBlock): Promise<void>;
}
