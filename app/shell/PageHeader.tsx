import { useStore } from 'zustand';
import type { OfflineCache } from '../platform/offlineCache';
import type { AppStore } from './appStore';
import { OfflineStatus } from './OfflineStatus';
import { ThemeToggle } from './ThemeToggle';

interface PageHeaderProps {
  readonly store: AppStore;
  /** The site's offline copy, where the build has one (not in dev). */
  readonly offline: OfflineCache | null;
  /** Which section the page is in, for the navigation's current link. */
  readonly section: 'playground' | 'lessons' | 'other';
  /** A phone's header keeps only what must be said (OfflineStatus, ThemeToggle). */
  readonly compact: boolean;
  /** The timeline's section: its id, and showing it (a tab on a narrow screen) before the focus moves there. */
  readonly timelineId: string;
  readonly showTimeline: () => void;
}

/** The skip link, the site's name, its sections, and the offline copy's status and the theme. */
export function PageHeader({
  store,
  offline,
  section,
  compact,
  timelineId,
  showTimeline,
}: PageHeaderProps) {
  const theme = useStore(store, (state) => state.theme);
  return (
    <>
      <a
        className="skip-link"
        href={`#${timelineId}`}
        onClick={(event) => {
          // The hash is the page's route: move the focus without changing it.
          event.preventDefault();
          showTimeline();
          document.getElementById(timelineId)?.focus();
        }}
      >
        Skip to timeline
      </a>
      <header className="app-header">
        <h1>Loopscope</h1>
        <nav aria-label="Sections" className="app-sections">
          <a href="#/" aria-current={section === 'playground' ? 'page' : undefined}>
            Playground
          </a>
          <a href="#/lessons" aria-current={section === 'lessons' ? 'page' : undefined}>
            Lessons
          </a>
        </nav>
        <div className="header-actions">
          {offline ? <OfflineStatus offline={offline} compact={compact} /> : null}
          <ThemeToggle
            theme={theme}
            compact={compact}
            onChange={(next) => {
              store.getState().setTheme(next);
            }}
          />
        </div>
      </header>
    </>
  );
}
