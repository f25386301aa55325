import { describe, expect, it } from 'vitest';
import type { LessonActions } from '../features/lessons/LessonActions';
import type { ExampleBlock, Lesson } from '../features/lessons/format/lessonTypes';
import { withPaneTabs } from './lessonTabs';
import type { PaneTab } from './paneTabs';

/** Lesson actions that only note, in order, what they were asked and which tab was shown. */
function recorded() {
  const log: string[] = [];
  const actions: LessonActions = {
    openPart: (part) => log.push(`open ${part}`),
    openExample: () => log.push('open example'),
    openExercise: () => log.push('open exercise'),
    checkExercise: async () => {
      log.push('check');
      await Promise.resolve();
    },
    resetExercise: () => log.push('reset'),
    runPrediction: async () => {
      log.push('predict');
      await Promise.resolve();
    },
  };
  const withTabs = withPaneTabs(actions, (tab: PaneTab) => log.push(`show ${tab}`));
  return { log, withTabs };
}

const lesson = {} as Lesson;
const example = {} as ExampleBlock;

describe("a lesson's requests on a narrow screen", () => {
  it('show the tab of the part they open first', () => {
    const { log, withTabs } = recorded();
    withTabs.openPart('event-loop');
    withTabs.openPart('output');
    withTabs.openExample(lesson, example);
    expect(log).toEqual([
      'show timeline',
      'open event-loop',
      'show output',
      'open output',
      'show program',
      'open example',
    ]);
  });

  it('leave the tab alone when they answer in the lesson', async () => {
    const { log, withTabs } = recorded();
    await withTabs.checkExercise(lesson, {} as never);
    expect(log).toEqual(['check']);
  });
});
