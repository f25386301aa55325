import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { EmbedOptions } from '../features/embed/embedOptions';
import { checkResultMessage } from '../features/embed/embedMessages';
import type { LessonActions } from '../features/lessons/LessonActions';
import type { LessonEntry } from '../features/lessons/lessonEntry';
import type { Lesson } from '../features/lessons/format/lessonTypes';
import { LessonView } from '../features/lessons/LessonView';
import { RunControls } from '../features/runner/RunControls';
import { StatusLine } from '../features/runner/StatusLine';
import { TimelinePanel } from '../features/timeline/TimelinePanel';
import type { SandboxClient } from '../runtime/createSandboxClient';
import type { AppStore } from './appStore';
import type { EmbedBridge } from './embedBridge';
import { createLessonActions, exerciseDocument } from './lessonActions';
import { lessonLinkFor } from './lessonLinks';
import { ProgramEditor, ProgramOutput } from './RunViewParts';
import { useDocumentTheme } from './useDocumentTheme';
import { useRunView } from './useRunView';
import './app.css';
import './embed.css';

interface EmbedAppProps {
  readonly sandbox: SandboxClient;
  readonly store: AppStore;
  readonly options: EmbedOptions;
  /** The course (from `virtual:lesson-catalog`), where the options' lesson is found. */
  readonly lessons: readonly LessonEntry[];
  readonly bridge: EmbedBridge;
  /** The lesson's program is in the editor (a run on load waits for it). */
  readonly onProgramShown: () => void;
}

/**
 * An embed (embed.html): a lesson, one exercise or a program, with the
 * panes its options ask for, in an instructor's page. Links that would
 * leave the embed's one page open the whole site in a new tab instead.
 */
export function EmbedApp({
  sandbox,
  store,
  options,
  lessons,
  bridge,
  onProgramShown,
}: EmbedAppProps) {
  const source = useStore(store, (state) => state.source);
  const running = useStore(store, (state) => state.running);
  const theme = useStore(store, (state) => state.theme);
  useDocumentTheme(theme);
  const view = useRunView(store, sandbox);
  const actions = useMemo((): LessonActions => {
    const base = createLessonActions(store);
    return {
      ...base,
      async checkExercise(checked, exercise) {
        await base.checkExercise(checked, exercise);
        const verdict = store.getState().result?.summary?.check;
        if (verdict) bridge.post(checkResultMessage(checked.meta.id, exercise.id, verdict));
      },
    };
  }, [store, bridge]);
  const lessonFor = useMemo(() => lessonLinkFor(lessons), [lessons]);
  const { content, panes } = options;
  const lesson =
    content.kind === 'snippet'
      ? null
      : (lessons.find((entry) => entry.meta.id === content.lesson) ?? null);
  const onlyExercise = content.kind === 'exercise' ? content.exercise : undefined;
  const onLoaded = useCallback(
    (loaded: Lesson) => {
      const first = loaded.blocks.find((block) =>
        onlyExercise === undefined
          ? block.kind === 'example' || block.kind === 'exercise'
          : block.kind === 'exercise' && block.id === onlyExercise,
      );
      if (first?.kind === 'exercise')
        store.getState().openDocument(exerciseDocument(loaded, first));
      else if (first?.kind === 'example') actions.openExample(loaded, first);
      onProgramShown();
    },
    [store, actions, onlyExercise, onProgramShown],
  );

  return (
    <main
      className="embed"
      style={options.height === null ? undefined : { height: `${options.height}px` }}
    >
      {content.kind !== 'snippet' &&
        (lesson === null ? (
          <p role="alert">This site has no lesson “{content.lesson}”.</p>
        ) : (
          <section className="embed-lesson" aria-label="Lesson">
            <LessonView
              meta={lesson.meta}
              load={lesson.load}
              previous={null}
              next={null}
              actions={actions}
              progressOf={store}
              running={running}
              onLoaded={onLoaded}
              {...(onlyExercise === undefined ? {} : { onlyExercise })}
            />
          </section>
        ))}
      {panes.includes('editor') && (
        <section className="embed-editor" aria-label="Editor">
          <ProgramEditor store={store} sandbox={sandbox} view={view} readOnly={options.readOnly} />
        </section>
      )}
      <div className="embed-run-bar">
        <RunControls runner={store} source={source} />
        <StatusLine sandbox={sandbox} runner={store} mistakes={view.mistakes} />
      </div>
      {panes.includes('output') && (
        <section className="embed-output" aria-label="Run">
          <ProgramOutput store={store} view={view} />
        </section>
      )}
      {(panes.includes('timeline') || panes.includes('loop')) && (
        <section className="embed-timeline" aria-label="Timeline">
          <TimelinePanel
            timeline={store}
            theme={theme}
            onOpenLine={view.openLine}
            lessonFor={lessonFor}
            summaryFirst={false}
            showDrawing={panes.includes('timeline')}
            showEventLoop={panes.includes('loop')}
          />
        </section>
      )}
    </main>
  );
}
