import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { LessonActions } from './LessonActions';
import type { Lesson } from './format/lessonTypes';
import type { LessonsStore } from './lessonsSlice';
import { LessonView } from './LessonView';
import type { OutsideLessonSlice } from './outsideLessonSlice';

interface OutsideLessonViewProps {
  readonly lessons: StoreApi<OutsideLessonSlice>;
  readonly progressOf: LessonsStore;
  readonly actions: LessonActions;
  readonly running: boolean;
  readonly onLoaded: (lesson: Lesson) => void;
}

/**
 * A lesson from outside the build: where it comes from first, since its
 * text and programs are its author's, not Loopscope's; then the lesson,
 * rendered as the course's are, or what is wrong with its file.
 */
export function OutsideLessonView({
  lessons,
  progressOf,
  actions,
  running,
  onLoaded,
}: OutsideLessonViewProps) {
  const outside = useStore(lessons, (state) => state.outsideLesson);
  if (outside === null) {
    return (
      <p role="alert">
        No lesson file is open: choose or drop one on the <a href="#/lessons">lessons page</a>.
      </p>
    );
  }
  const { source } = outside;
  const from =
    source.kind === 'url' ? (
      <>
        This lesson comes from <strong>{new URL(source.url).origin}</strong> (
        <code>{source.url}</code>), not from Loopscope: its text and programs are its author’s.
      </>
    ) : (
      <>
        This lesson comes from the file <strong>{source.name}</strong> you opened, not from
        Loopscope: its text and programs are its author’s.
      </>
    );
  return (
    <>
      <p role="note" aria-label="Where this lesson comes from" className="outside-lesson-origin">
        {from}
      </p>
      {outside.state === 'loading' && <p>Loading the lesson…</p>}
      {outside.state === 'failed' && (
        <div role="alert" className="outside-lesson-problems">
          <p>This lesson file cannot be shown:</p>
          <ul>
            {outside.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {outside.state === 'ready' && (
        <LessonView
          key={outside.lesson.meta.id}
          meta={outside.lesson.meta}
          load={() => Promise.resolve(outside.lesson)}
          previous={null}
          next={null}
          actions={actions}
          progressOf={progressOf}
          running={running}
          onLoaded={onLoaded}
        />
      )}
    </>
  );
}
