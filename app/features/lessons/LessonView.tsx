import { useEffect, useState } from 'react';
import './lessons.css';
import type { Lesson, LessonMeta } from './format/lessonTypes';
import { ExampleView } from './ExampleView';
import { ExercisePanel } from './ExercisePanel';
import type { LessonActions } from './LessonActions';
import type { LessonsStore } from './lessonsSlice';
import { PredictQuestionView } from './PredictQuestionView';
import { renderMarkdown } from './render/markdownToReact';

interface LessonViewProps {
  readonly meta: LessonMeta;
  readonly load: () => Promise<Lesson>;
  readonly previous: LessonMeta | null;
  readonly next: LessonMeta | null;
  readonly actions: LessonActions;
  readonly progressOf: LessonsStore;
  readonly running: boolean;
  /** Called once the lesson's body is loaded (the shell opens its code in the editor). */
  readonly onLoaded: (lesson: Lesson) => void;
  /** Show only this exercise (an embed of one exercise), not the whole lesson. */
  readonly onlyExercise?: string;
}

type Loading = { readonly id: string } & (
  { readonly lesson: Lesson } | { readonly failure: string }
);

/** One lesson: its prose, examples, exercises and questions, and the way on. */
export function LessonView({
  meta,
  load,
  previous,
  next,
  actions,
  progressOf,
  running,
  onLoaded,
  onlyExercise,
}: LessonViewProps) {
  const [loaded, setLoaded] = useState<Loading | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (lesson) => {
        if (!current) return;
        setLoaded({ id: meta.id, lesson });
        onLoaded(lesson);
      },
      (error: unknown) => {
        if (current) setLoaded({ id: meta.id, failure: String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [meta.id, load, onLoaded]);

  const lesson = loaded?.id === meta.id && 'lesson' in loaded ? loaded.lesson : null;
  const blocks =
    lesson === null || onlyExercise === undefined
      ? (lesson?.blocks ?? [])
      : lesson.blocks.filter((block) => block.kind === 'exercise' && block.id === onlyExercise);
  return (
    <article className="lesson" aria-label={`Lesson ${meta.order}: ${meta.title}`}>
      <p className="lesson-kicker">Lesson {meta.order}</p>
      <h2>{meta.title}</h2>
      {loaded?.id === meta.id && 'failure' in loaded && (
        <p role="alert">
          This lesson could not be loaded ({loaded.failure}). Reload the page to try again.
        </p>
      )}
      {lesson !== null && blocks.length === 0 && (
        <p role="alert">This lesson has no exercise “{onlyExercise}”.</p>
      )}
      {lesson === null ? (
        <p>Loading the lesson…</p>
      ) : (
        blocks.map((block, index) => {
          switch (block.kind) {
            case 'prose':
              return (
                <div key={index} className="lesson-prose">
                  {renderMarkdown(
                    block.nodes.filter(
                      (node) => !(index === 0 && node.type === 'heading' && node.depth === 1),
                    ),
                    actions,
                  )}
                </div>
              );
            case 'example':
              return (
                <ExampleView key={block.id} lesson={lesson} example={block} actions={actions} />
              );
            case 'exercise':
              return (
                <ExercisePanel
                  key={block.id}
                  lesson={lesson}
                  exercise={block}
                  actions={actions}
                  progressOf={progressOf}
                  running={running}
                />
              );
            case 'predict':
              return (
                <PredictQuestionView
                  key={block.id}
                  lesson={lesson}
                  predict={block}
                  actions={actions}
                  progressOf={progressOf}
                  running={running}
                />
              );
          }
        })
      )}
      <nav aria-label="Lesson pages" className="lesson-pager">
        {previous !== null && (
          <a href={`#/lessons/${previous.id}`} rel="prev">
            ← Previous: {previous.title}
          </a>
        )}
        {next !== null && (
          <a href={`#/lessons/${next.id}`} rel="next">
            Next: {next.title} →
          </a>
        )}
      </nav>
    </article>
  );
}
