import { useCallback, useEffect } from 'react';
import type { LessonEntry } from '../features/lessons/lessonEntry';
import type { LessonActions } from '../features/lessons/LessonActions';
import type { Lesson } from '../features/lessons/format/lessonTypes';
import { LessonsNav } from '../features/lessons/LessonsNav';
import { LISTED_LESSON_ORIGINS } from '../features/lessons/lessonOrigins';
import { OpenLessonFile } from '../features/lessons/OpenLessonFile';
import { OutsideLessonView } from '../features/lessons/OutsideLessonView';
import { LessonView } from '../features/lessons/LessonView';
import type { AppStore } from './appStore';
import type { Route } from './hashRoute';
import { exerciseDocument, scratchDocument } from './lessonActions';

interface LessonsPaneProps {
  readonly route: Route;
  readonly lessons: readonly LessonEntry[];
  readonly store: AppStore;
  readonly actions: LessonActions;
  readonly running: boolean;
}

/** The lessons' side of the page: the course's list, or one lesson with the list folded above it. */
export function LessonsPane({ route, lessons, store, actions, running }: LessonsPaneProps) {
  const onLoaded = useCallback(
    (lesson: Lesson) => {
      // Entering a lesson puts its first program in the editor, unless the
      // editor already shows one of this lesson's documents.
      if (store.getState().document.key.startsWith(`loopscope:lesson:${lesson.meta.id}:`)) return;
      const first = lesson.blocks.find(
        (block) => block.kind === 'example' || block.kind === 'exercise',
      );
      if (first?.kind === 'example') {
        store
          .getState()
          .openDocument(
            scratchDocument(lesson, first.code, `Lesson ${lesson.meta.order}, example 1`),
          );
      } else if (first?.kind === 'exercise') {
        store.getState().openDocument(exerciseDocument(lesson, first));
      }
    },
    [store],
  );
  const lessonUrl = route.page === 'lessonUrl' ? route.url : null;
  useEffect(() => {
    if (lessonUrl === null) return;
    void store.getState().openLessonUrl(lessonUrl, window.location.origin, LISTED_LESSON_ORIGINS);
  }, [lessonUrl, store]);
  const navEntries = lessons.map((entry) => ({ meta: entry.meta, exerciseIds: entry.exerciseIds }));
  if (route.page === 'lessonUrl' || route.page === 'lessonFile') {
    return (
      <div className="lessons-pane">
        <OutsideLessonView
          lessons={store}
          progressOf={store}
          actions={actions}
          running={running}
          onLoaded={onLoaded}
        />
      </div>
    );
  }
  if (route.page !== 'lesson') {
    return (
      <div className="lessons-pane">
        <p className="lessons-intro">
          These lessons take you from your first <code>await</code> to event-driven applications.
          Each one runs its examples here, beside the timeline, and ends with exercises that check
          themselves.
        </p>
        <LessonsNav lessons={navEntries} currentId={null} progressOf={store} />
        <OpenLessonFile
          listedOrigins={LISTED_LESSON_ORIGINS}
          onAddress={(url) => {
            window.location.hash = `#/lesson-url/${encodeURIComponent(url)}`;
          }}
          onFile={(name, bytes) => {
            store.getState().openLessonFile(name, bytes);
            window.location.hash = '#/lesson-file';
          }}
        />
      </div>
    );
  }
  const index = lessons.findIndex((entry) => entry.meta.id === route.id);
  const entry = lessons[index];
  if (entry === undefined) {
    return (
      <div className="lessons-pane">
        <p role="alert">
          There is no lesson at this address. <a href="#/lessons">See all lessons</a>.
        </p>
      </div>
    );
  }
  return (
    <div className="lessons-pane">
      <details className="lessons-nav-fold">
        <summary>All lessons</summary>
        <LessonsNav lessons={navEntries} currentId={entry.meta.id} progressOf={store} />
      </details>
      <LessonView
        key={entry.meta.id}
        meta={entry.meta}
        load={entry.load}
        previous={lessons[index - 1]?.meta ?? null}
        next={lessons[index + 1]?.meta ?? null}
        actions={actions}
        progressOf={store}
        running={running}
        onLoaded={onLoaded}
      />
    </div>
  );
}
