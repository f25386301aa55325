import type { SharedOpening } from './sharedLinkSlice';

interface SharedProgramNoticeProps {
  readonly opening: SharedOpening;
  readonly onUseInput: () => void;
  readonly onKeepInput: () => void;
}

/** What the learner is told on opening a share link: what was opened, and what was not touched. */
export function SharedProgramNotice({
  opening,
  onUseInput,
  onKeepInput,
}: SharedProgramNoticeProps) {
  if (!opening.ok) {
    return (
      <div role="alert" aria-label="Share link" className="shared-notice shared-notice-failed">
        <p>
          This share link could not be opened: {opening.problem}. Your own programs are unchanged.
        </p>
        <p>
          <a href="#/">Go to the playground</a>
        </p>
      </div>
    );
  }
  const { program, lesson, edited, inputOffered } = opening;
  return (
    <div role="region" aria-label="Share link" className="shared-notice">
      <p>
        You opened a program someone shared
        {lesson === null ? '' : ` from lesson ${lesson.meta.order}, “${lesson.meta.title}”`}. It is
        kept on its own: your playground and exercises are unchanged.
        {program.lesson !== undefined && lesson === null
          ? ` It names a lesson this site does not have (“${program.lesson}”).`
          : ''}
        {edited
          ? ' You edited it before: your version is shown, and Reset returns to the link’s.'
          : ''}
      </p>
      {inputOffered === null ? null : (
        <div className="shared-input-offer">
          <p>The link comes with input for the program, and your Input box has text of its own.</p>
          <button type="button" onClick={onUseInput}>
            Use the link’s input
          </button>
          <button type="button" onClick={onKeepInput}>
            Keep my input
          </button>
        </div>
      )}
    </div>
  );
}
