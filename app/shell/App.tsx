import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LessonEntry } from '../features/lessons/lessonEntry';
import { useStore } from 'zustand';
import { DraftKeepingNotice } from '../features/drafts/DraftKeepingNotice';
import { ResetButton } from '../features/drafts/ResetButton';
import { RunControls } from '../features/runner/RunControls';
import { RunNote } from '../features/runner/RunNote';
import { EmbedButton } from '../features/embed/EmbedButton';
import { ShareButton } from '../features/share/ShareButton';
import { StatusLine } from '../features/runner/StatusLine';
import { TraceFiles } from '../features/export/TraceFiles';
import { SaveImage } from '../features/timeline/canvas/SaveImage';
import { createTimelineImageSource } from '../features/timeline/canvas/timelineImageSource';
import { TimelinePanel } from '../features/timeline/TimelinePanel';
import type { OfflineCache } from '../platform/offlineCache';
import type { SandboxClient } from '../runtime/createSandboxClient';
import type { AppStore } from './appStore';
import './app.css';
import { ErrorBoundary } from './ErrorBoundary';
import { parseRoute, useHash, type Route } from './hashRoute';
import { createLessonActions } from './lessonActions';
import { lessonLinkFor } from './lessonLinks';
import { withPaneTabs } from './lessonTabs';
import { PageHeader } from './PageHeader';
import { PaneTabs } from './PaneTabs';
import { PLAYGROUND_DOCUMENT } from './playgroundDocument';
import { PaneFailure } from './PaneFailure';
import { SharedProgramNotice } from './SharedProgramNotice';
import { openShareLink, settleOfferedInput, shareLinkOf } from './sharedProgram';
import { SplitPane } from './SplitPane';
import { ProgramEditor, ProgramOutput } from './RunViewParts';
import { useRunView } from './useRunView';
import { embeddableNow, shareableNow } from './whatIsOnScreen';
import { useNarrowScreen } from './useNarrowScreen';
import { usePaneTab } from './usePaneTab';
import { Welcome } from './Welcome';

interface AppProps {
  readonly sandbox: SandboxClient;
  /** The site's offline copy, where the build has one (not in dev). */
  readonly offline: OfflineCache | null;
  readonly store: AppStore;
  /** The course, in order (from `virtual:lesson-catalog`). */
  readonly lessons: readonly LessonEntry[];
}

/** The timeline's section, where the skip link takes the focus. */
const TIMELINE_ID = 'timeline';

// The lessons' renderer (Markdown to React, syntax highlighting) is a chunk of
// its own: the playground's first paint does not wait for it.
const LessonsPane = lazy(() =>
  import('./LessonsPane').then((module) => ({ default: module.LessonsPane })),
);

/** The page: composes the features, which know nothing of one another. */
export function App({ sandbox, store, lessons, offline }: AppProps) {
  const source = useStore(store, (state) => state.source);
  const documentTitle = useStore(store, (state) => state.document.title);
  const running = useStore(store, (state) => state.running);
  const route = parseRoute(useHash());
  const lessonFor = useMemo(() => lessonLinkFor(lessons), [lessons]);
  // "Save image…" sits with the trace files' buttons and draws from the timeline's canvas.
  const [timelineImages] = useState(createTimelineImageSource);
  // Leaving the lessons gives the editor back the playground's own program.
  const onPlayground = route.page === 'playground';
  const shareLink = shareLinkOf(route);
  useEffect(() => {
    openShareLink(store, shareLink, lessons);
  }, [store, shareLink, lessons]);
  const sharedLink = useStore(store, (state) => state.sharedLink);
  const sharedOpening =
    shareLink !== null && sharedLink?.link === shareLink ? sharedLink.opening : null;
  // The lessons' pane: on their pages, and beside a shared program from a lesson.
  const lessonRoute: Route | null =
    route.page === 'lesson' ||
    route.page === 'lessons' ||
    route.page === 'lessonUrl' ||
    route.page === 'lessonFile'
      ? route
      : sharedOpening?.ok === true && sharedOpening.lesson !== null
        ? { page: 'lesson', id: sharedOpening.lesson.meta.id }
        : null;
  const showsLesson = lessonRoute !== null;
  const lessonOnScreen = () =>
    lessonRoute?.page === 'lesson'
      ? (lessons.find((entry) => entry.meta.id === lessonRoute.id) ?? null)
      : null;
  // On a narrow screen the panes are tabs; the lessons open on their text.
  const narrow = useNarrowScreen();
  const { tab, setTab, showTab } = usePaneTab(showsLesson, running);
  const lessonActions = useMemo(
    () => withPaneTabs(createLessonActions(store), showTab),
    [store, showTab],
  );
  useEffect(() => {
    if (onPlayground && store.getState().document.key !== PLAYGROUND_DOCUMENT.key) {
      store.getState().openDocument(PLAYGROUND_DOCUMENT);
    }
  }, [onPlayground, store]);
  const theme = useStore(store, (state) => state.theme);
  // Read once, as each split starts: a split keeps its own share while it is dragged.
  const paneSizes = useStore(store, (state) => state.paneSizes);
  const sizeOf = (split: string, fallback: number) => ({
    initialPercent: paneSizes[split] ?? fallback,
    onResized: (percent: number) => {
      store.getState().setPaneSize(split, percent);
    },
  });
  const view = useRunView(store, sandbox);

  const runControls = <RunControls runner={store} source={source} />;
  const statusLine = <StatusLine sandbox={sandbox} runner={store} mistakes={view.mistakes} />;
  const editor = (
    <section className="app-editor" aria-label="Editor">
      <PaneBoundary part="The editor">
        {/* The playground needs no title: the header already says where the learner is. */}
        {onPlayground ? null : (
          <p className="editor-document" aria-label="Editing">
            {documentTitle}
          </p>
        )}
        <ProgramEditor store={store} sandbox={sandbox} view={view} />
        <div className="editor-actions">
          {narrow ? null : runControls}
          <ResetButton drafts={store} />
          <ShareButton shareable={() => shareableNow(store, lessonOnScreen())} />
          <EmbedButton embeddable={() => embeddableNow(store, lessonOnScreen())} />
        </div>
        <DraftKeepingNotice drafts={store} />
      </PaneBoundary>
    </section>
  );
  const run = (
    <section className="app-output" aria-label="Run">
      <PaneBoundary part="The output">
        {narrow ? null : statusLine}
        <RunNote runner={store} />
        <ProgramOutput store={store} view={view} />
      </PaneBoundary>
    </section>
  );
  const timeline = (
    <section id={TIMELINE_ID} className="app-timeline" aria-label="Timeline" tabIndex={-1}>
      <h2>Timeline</h2>
      <PaneBoundary part="The timeline">
        {/* The run's trace as files; a saved one replays through the runner into the timeline. */}
        <TraceFiles store={store} tools={<SaveImage images={timelineImages} />}>
          <TimelinePanel
            timeline={store}
            images={timelineImages}
            theme={theme}
            onOpenLine={view.openLine}
            lessonFor={lessonFor}
            summaryFirst={narrow}
          />
        </TraceFiles>
      </PaneBoundary>
    </section>
  );
  const lesson = (
    <section className="app-lesson" aria-label="Lesson">
      <PaneBoundary part="The lesson">
        <Suspense fallback={<p className="lessons-pane">Loading the lessons…</p>}>
          <LessonsPane
            route={lessonRoute ?? route}
            lessons={lessons}
            store={store}
            actions={lessonActions}
            running={running}
          />
        </Suspense>
      </PaneBoundary>
    </section>
  );
  const workspace = (
    <SplitPane
      label="Resize editor and results"
      direction="columns"
      {...(showsLesson ? sizeOf('lesson-editor', 50) : sizeOf('editor', 40))}
      first={editor}
      second={
        <SplitPane
          label="Resize timeline and output"
          direction="rows"
          {...sizeOf('timeline', 70)}
          first={timeline}
          second={run}
        />
      }
    />
  );
  return (
    <>
      <PageHeader
        store={store}
        offline={offline}
        section={onPlayground ? 'playground' : lessonRoute === route ? 'lessons' : 'other'}
        compact={narrow}
        timelineId={TIMELINE_ID}
        showTimeline={() => {
          showTab('timeline');
        }}
      />
      {onPlayground ? <Welcome store={store} lessons={lessons} compact={narrow} /> : null}
      {sharedOpening ? (
        <SharedProgramNotice
          opening={sharedOpening}
          onUseInput={() => {
            settleOfferedInput(store, true);
          }}
          onKeepInput={() => {
            settleOfferedInput(store, false);
          }}
        />
      ) : null}
      {narrow ? (
        // Run and the status stay in view whatever the tab (issue 11: on a
        // phone the output was 1,300 px below Run).
        <main className="app-main app-main-tabs">
          <PaneTabs
            label="Panes"
            tabs={[
              ...(showsLesson ? [{ id: 'lesson' as const, label: 'Lesson', panel: lesson }] : []),
              { id: 'program', label: 'Program', panel: editor },
              { id: 'timeline', label: 'Timeline', panel: timeline },
              { id: 'output', label: 'Output', panel: run },
            ]}
            selected={tab}
            onSelect={setTab}
          />
          <div className="run-bar">
            {runControls}
            {statusLine}
          </div>
        </main>
      ) : (
        <main className="app-main">
          {showsLesson ? (
            <SplitPane
              label="Resize lesson and workspace"
              direction="columns"
              {...sizeOf('lesson', 34)}
              first={lesson}
              second={workspace}
            />
          ) : (
            workspace
          )}
        </main>
      )}
    </>
  );
}

/** Keeps a failure inside one pane: the others, and the program, carry on. */
function PaneBoundary({ part, children }: { readonly part: string; readonly children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error, retry) => <PaneFailure part={part} error={error} retry={retry} />}
    >
      {children}
    </ErrorBoundary>
  );
}
