import { useStore } from 'zustand';
import type { LessonMeta } from './format/lessonTypes';
import { lessonProgress } from './lessonProgress';
import type { LessonsStore } from './lessonsSlice';

interface LessonsNavProps {
  readonly lessons: readonly {
    readonly meta: LessonMeta;
    readonly exerciseIds: readonly string[];
  }[];
  readonly currentId: string | null;
  readonly progressOf: LessonsStore;
}

/** Every lesson, in course order, with how far the learner got in each. */
export function LessonsNav({ lessons, currentId, progressOf }: LessonsNavProps) {
  const progress = useStore(progressOf, (state) => state.progress);
  const kept = useStore(progressOf, (state) => state.progressKept);
  return (
    <nav aria-label="Lessons" className="lessons-nav">
      <h2>Lessons</h2>
      <ol>
        {lessons.map(({ meta, exerciseIds }) => {
          const { passed, total } = lessonProgress(progress, meta.id, exerciseIds);
          const done = total > 0 && passed === total;
          return (
            <li key={meta.id}>
              <a
                href={`#/lessons/${meta.id}`}
                aria-current={meta.id === currentId ? 'page' : undefined}
                title={meta.summary}
              >
                <span className="lessons-nav-order">{meta.order}.</span> {meta.title}
              </a>{' '}
              <span className={done ? 'lessons-nav-done' : 'lessons-nav-count'}>
                {done ? '✓ done' : `${passed} of ${total}`}
                <span className="visually-hidden"> exercises passed</span>
              </span>
            </li>
          );
        })}
      </ol>
      {!kept && (
        <p role="note" className="lessons-nav-note">
          This browser keeps nothing for this page: your progress lasts until you close it.
        </p>
      )}
    </nav>
  );
}
