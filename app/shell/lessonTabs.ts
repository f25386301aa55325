/**
 * On a narrow screen the lesson's requests to open a part of the page first
 * show the tab that holds it: a part on a hidden tab can be neither scrolled
 * to nor seen.
 */
import type { LessonActions } from '../features/lessons/LessonActions';
import type { PagePart } from '../features/lessons/render/markdownToReact';
import type { PaneTab } from './paneTabs';

/** The tab that holds each part a lesson can point at. */
const PART_TABS: Record<PagePart, PaneTab> = {
  timeline: 'timeline',
  'event-loop': 'timeline',
  playback: 'timeline',
  output: 'output',
  editor: 'program',
};

/** The lesson actions, each showing the tab of the part it opens before it opens it. */
export function withPaneTabs(
  actions: LessonActions,
  showTab: (tab: PaneTab) => void,
): LessonActions {
  return {
    ...actions,
    openPart(part) {
      showTab(PART_TABS[part]);
      actions.openPart(part);
    },
    openExample(lesson, example) {
      showTab('program');
      actions.openExample(lesson, example);
    },
    openExercise(lesson, exercise) {
      showTab('program');
      actions.openExercise(lesson, exercise);
    },
  };
}
