import { memo } from 'react';
import type { TimelineModel } from '../model/timelineBuilder';
import { codeSpans } from '../model/codeSpans';
import type { Overlay } from '../model/types';
import { LineButton } from './LineButton';
import { summarizeRun } from './summary';
import './words.css';

/** Past this many, the mistakes are counted instead of listed: a loop can make thousands. */
export const MAX_LISTED_OVERLAYS = 20;

interface RunSummaryProps {
  readonly model: TimelineModel;
  /**
   * The model's version. The model grows in place, so a new version is what
   * makes the summary render (and read the model) again; nothing else does,
   * so moving the playback cursor does not rebuild the paragraph.
   */
  readonly version: number;
  /** Moves the editor to a line of the learner's program. */
  readonly onOpenLine: (line: number) => void;
  /** The lesson that explains a kind of mistake, if the course has one. */
  readonly lessonFor?: LessonLinkFor;
}

/** The address and title of the lesson that explains a kind of mistake. */
export type LessonLinkFor = (
  kind: Overlay['kind'],
) => { readonly href: string; readonly title: string } | null;

/**
 * The run in words: the summary paragraph, then each mistake the trace
 * reveals with its explanation, a button to its line and a link to the
 * lesson that explains it.
 */
export const RunSummary = memo(function RunSummary({
  model,
  onOpenLine,
  lessonFor,
}: RunSummaryProps) {
  const overlays = model.overlays;
  const unlisted = overlays.length - MAX_LISTED_OVERLAYS;
  return (
    <section aria-label="Run summary" className="run-summary">
      <p>{summarizeRun(model)}</p>
      {overlays.length > 0 && (
        <ul className="run-summary-mistakes">
          {overlays.slice(0, MAX_LISTED_OVERLAYS).map((overlay, index) => {
            const { line } = overlay;
            const lesson = lessonFor?.(overlay.kind) ?? null;
            return (
              <li key={index}>
                <span>
                  ⚠{' '}
                  {codeSpans(overlay.text).map((span, at) =>
                    span.code ? <code key={at}>{span.text}</code> : span.text,
                  )}
                </span>
                {line !== null && <LineButton line={line} onOpenLine={onOpenLine} />}
                {lesson !== null && (
                  <a href={lesson.href} className="run-summary-lesson">
                    Learn more<span className="visually-hidden">: {lesson.title}</span>
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {unlisted > 0 && (
        <p className="run-summary-more">
          {unlisted.toLocaleString('en')} more like these are marked on the timeline.
        </p>
      )}
    </section>
  );
});
