import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import { tabWhenRunStarts, type PaneTab } from './paneTabs';

/**
 * The tab shown on a narrow screen: the lesson's text when a lesson opens,
 * the program when it closes, and what a run shows when one starts
 * (paneTabs.ts). `showTab` shows one at once, so that what is asked for next
 * (a scroll, the focus) finds it on screen.
 */
export function usePaneTab(
  showsLesson: boolean,
  running: boolean,
): { tab: PaneTab; setTab: (tab: PaneTab) => void; showTab: (tab: PaneTab) => void } {
  const [tab, setTab] = useState<PaneTab>(showsLesson ? 'lesson' : 'program');
  const [tabFollows, setTabFollows] = useState({ showsLesson, running });
  if (tabFollows.showsLesson !== showsLesson || tabFollows.running !== running) {
    setTabFollows({ showsLesson, running });
    if (tabFollows.showsLesson !== showsLesson) setTab(showsLesson ? 'lesson' : 'program');
    else if (running) setTab(tabWhenRunStarts(tab));
  }
  const showTab = useCallback((next: PaneTab) => {
    flushSync(() => {
      setTab(next);
    });
  }, []);
  return { tab, setTab, showTab };
}
