import { useStore } from 'zustand';
import type { ExerciseBlock, Lesson } from './format/lessonTypes';
import type { LessonActions } from './LessonActions';
import { exerciseKey } from './lessonProgress';
import type { LessonsStore } from './lessonsSlice';
import { PythonCode, renderMarkdown } from './render/markdownToReact';

interface ExercisePanelProps {
  readonly lesson: Lesson;
  readonly exercise: ExerciseBlock;
  readonly actions: LessonActions;
  readonly progressOf: LessonsStore;
  /** Whether a program is running (a check cannot start then). */
  readonly running: boolean;
  /** Asks before throwing the learner's code away; the browser's dialog by default. */
  readonly confirm?: (question: string) => boolean;
}

/** An exercise: the task, Check with its verdict, hints one at a time, the solution after a try. */
export function ExercisePanel({
  lesson,
  exercise,
  actions,
  progressOf,
  running,
  confirm = (question) => window.confirm(question),
}: ExercisePanelProps) {
  const key = exerciseKey(lesson.meta.id, exercise.id);
  const status = useStore(progressOf, (state) => state.progress.exercises[key]);
  const hintsShown = useStore(progressOf, (state) => state.progress.hints[key] ?? 0);
  const verdict = useStore(progressOf, (state) => state.verdicts[key]);
  const hints = exercise.hints.slice(0, hintsShown);
  const titleId = `exercise-${exercise.id}-title`;
  return (
    <section className="lesson-exercise" aria-labelledby={titleId}>
      <h3 id={titleId}>
        Exercise: {exercise.title}
        {status === 'passed' && <span className="lesson-exercise-passed"> ✓ passed</span>}
      </h3>
      <div className="lesson-prose">{renderMarkdown(exercise.prompt, actions)}</div>
      <div className="lesson-exercise-actions">
        <button
          type="button"
          onClick={() => {
            actions.openExercise(lesson, exercise);
          }}
        >
          Open exercise in editor
        </button>
        <button
          type="button"
          disabled={running}
          onClick={() => void actions.checkExercise(lesson, exercise)}
        >
          Check
        </button>
        <button
          type="button"
          onClick={() => {
            if (confirm('Replace your code for this exercise with the starting code?')) {
              actions.resetExercise(lesson, exercise);
            }
          }}
        >
          Reset exercise
        </button>
      </div>
      <div role="status" className="lesson-verdict" aria-label="Feedback">
        {verdict === undefined ? null : verdict.checking ? (
          <p>Checking…</p>
        ) : verdict.passed ? (
          <p className="lesson-verdict-passed">Passed: your program does what the exercise asks.</p>
        ) : (
          <p className="lesson-verdict-failed">
            Not yet: {verdict.message}
            {verdict.line !== null && (
              <>
                {' '}
                <span className="visually-hidden">(line {verdict.line})</span>
              </>
            )}
          </p>
        )}
      </div>
      {hints.length > 0 && (
        <ol className="lesson-hints" aria-label="Hints">
          {hints.map((hint, index) => (
            <li key={index}>{renderMarkdown(hint, actions)}</li>
          ))}
        </ol>
      )}
      {hintsShown < exercise.hints.length && (
        <button
          type="button"
          onClick={() => {
            progressOf.getState().showHint(key);
          }}
        >
          Show hint {hintsShown + 1} of {exercise.hints.length}
        </button>
      )}
      {status === undefined ? (
        <p className="lesson-solution-note">The solution can be seen after your first Check.</p>
      ) : (
        <details className="lesson-solution">
          <summary>Solution</summary>
          <PythonCode code={exercise.solution} />
        </details>
      )}
    </section>
  );
}
