/**
 * The lesson views' requests, carried out with the editor's documents, the
 * runner and the page's parts: the one place where lessons meet the rest of
 * the page (features never import one another).
 */
import type { LessonActions } from '../features/lessons/LessonActions';
import type { ExerciseBlock, Lesson } from '../features/lessons/format/lessonTypes';
import { exerciseKey } from '../features/lessons/lessonProgress';
import type { PagePart } from '../features/lessons/render/markdownToReact';
import type { DraftDocument } from '../features/drafts/draftSlice';
import type { AppStore } from './appStore';

/** Where each part a lesson can point at is on the page. */
const PART_SELECTORS: Record<PagePart, string> = {
  timeline: 'section[aria-label="Timeline"]',
  'event-loop': 'section[aria-label="Event loop"]',
  playback: '[role="toolbar"][aria-label="Playback"]',
  output: 'section[aria-label="Run"]',
  editor: 'section[aria-label="Editor"]',
};

/** How long a part stays highlighted after a lesson's link brings it into view. */
const HIGHLIGHT_MS = 1600;

export function scratchDocument(lesson: Lesson, code: string, title: string): DraftDocument {
  return { key: `loopscope:lesson:${lesson.meta.id}:scratch`, startingCode: code, title };
}

export function exerciseDocument(lesson: Lesson, exercise: ExerciseBlock): DraftDocument {
  return {
    key: `loopscope:lesson:${lesson.meta.id}:exercise:${exercise.id}`,
    startingCode: exercise.starter,
    title: `Exercise: ${exercise.title}`,
  };
}

/** Brings a part of the page into view and highlights it for a moment. */
export function openPagePart(part: PagePart): void {
  const element = document.querySelector<HTMLElement>(PART_SELECTORS[part]);
  if (element === null) return;
  element.scrollIntoView({ block: 'nearest' });
  element.classList.add('page-part-highlight');
  window.setTimeout(() => {
    element.classList.remove('page-part-highlight');
  }, HIGHLIGHT_MS);
}

export function createLessonActions(store: AppStore): LessonActions {
  const openExercise = (lesson: Lesson, exercise: ExerciseBlock): void => {
    const document = exerciseDocument(lesson, exercise);
    if (store.getState().document.key !== document.key) store.getState().openDocument(document);
  };
  return {
    openPart: openPagePart,
    openExample(lesson, example) {
      const title = `Lesson ${lesson.meta.order}, example ${example.id.replace('example-', '')}`;
      store
        .getState()
        .openDocument(scratchDocument(lesson, example.code, title), { replace: true });
      openPagePart('editor');
    },
    openExercise(lesson, exercise) {
      openExercise(lesson, exercise);
      openPagePart('editor');
    },
    async checkExercise(lesson, exercise) {
      if (store.getState().running) return;
      openExercise(lesson, exercise);
      const key = exerciseKey(lesson.meta.id, exercise.id);
      store.getState().checkStarted(key);
      await store.getState().run(store.getState().source, {
        source: exercise.check,
        filename: `${lesson.file}:${exercise.id}:check`,
        allowError: exercise.allowError,
      });
      const { result } = store.getState();
      store
        .getState()
        .checkFinished(
          key,
          result?.summary?.check ?? null,
          result?.message ?? 'The run ended before the check could judge it; try Check again.',
        );
    },
    resetExercise(lesson, exercise) {
      openExercise(lesson, exercise);
      store.getState().resetDraft();
    },
    async runPrediction(lesson, predict) {
      if (store.getState().running) return;
      const title = `Lesson ${lesson.meta.order}, question`;
      store
        .getState()
        .openDocument(scratchDocument(lesson, predict.program, title), { replace: true });
      await store.getState().run(predict.program);
    },
  };
}
