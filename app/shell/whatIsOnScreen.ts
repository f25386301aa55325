/**
 * What the Share and Embed dialogs offer: the program in the editor, its
 * input and playback moment, and the lesson (and exercise) on screen.
 */
import type { Embeddable } from '../features/embed/EmbedButton';
import type { LessonEntry } from '../features/lessons/lessonEntry';
import type { Shareable } from '../features/share/ShareButton';
import { shareFragment } from '../features/share/shareLink';
import type { AppStore } from './appStore';

function lessonOf(lesson: LessonEntry | null): Shareable['lesson'] {
  return lesson === null
    ? null
    : { id: lesson.meta.id, title: `Lesson ${lesson.meta.order}: ${lesson.meta.title}` };
}

export function shareableNow(store: AppStore, lesson: LessonEntry | null): Shareable {
  const state = store.getState();
  return {
    code: state.source,
    input: state.stdin,
    lesson: lessonOf(lesson),
    moment: state.playback.moment,
  };
}

/** The exercise in the editor, when its document is one of `lesson`'s exercises (lessonActions.ts). */
function exerciseOf(store: AppStore, lesson: LessonEntry | null): Embeddable['exercise'] {
  if (lesson === null) return null;
  const { key, title } = store.getState().document;
  const prefix = `loopscope:lesson:${lesson.meta.id}:exercise:`;
  if (!key.startsWith(prefix)) return null;
  return { id: key.slice(prefix.length), title: title.replace(/^Exercise: /, '') };
}

export function embeddableNow(store: AppStore, lesson: LessonEntry | null): Embeddable {
  const state = store.getState();
  const { moment } = state.playback;
  return {
    programFragment: (withMoment) =>
      shareFragment({
        code: state.source,
        ...(state.stdin === '' ? {} : { input: state.stdin }),
        ...(withMoment && moment !== null ? { moment } : {}),
      }),
    lesson: lessonOf(lesson),
    exercise: exerciseOf(store, lesson),
    moment,
  };
}
