import type { DraftStore } from './draftSlice';

interface ResetButtonProps {
  readonly drafts: DraftStore;
  /** Asks the learner to confirm; the browser's own dialog by default. */
  readonly confirm?: (question: string) => boolean;
}

/** Returns the editor to the starting code, after a confirmation. */
export function ResetButton({
  drafts,
  confirm = (question) => window.confirm(question),
}: ResetButtonProps) {
  return (
    <button
      type="button"
      onClick={() => {
        if (confirm('Replace your program with the starting code? Your changes will be lost.')) {
          drafts.getState().resetDraft();
        }
      }}
    >
      Reset
    </button>
  );
}
