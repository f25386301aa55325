import type { RefObject } from 'react';
import './copyDialog.css';

interface CopyDialogFooterProps {
  /** The submit button's words: the form copies on submit. */
  readonly copyLabel: string;
  readonly dialog: RefObject<HTMLDialogElement | null>;
  /** What became of the last copy; null before one. */
  readonly outcome: string | null;
}

/** The end of a dialog that writes a text to copy (Share, Embed): Copy, Close, and what happened. */
export function CopyDialogFooter({ copyLabel, dialog, outcome }: CopyDialogFooterProps) {
  return (
    <>
      <div className="copy-dialog-actions">
        <button type="submit">{copyLabel}</button>
        <button
          type="button"
          onClick={() => {
            dialog.current?.close();
          }}
        >
          Close
        </button>
      </div>
      <p role="status" className="copy-dialog-outcome">
        {outcome}
      </p>
    </>
  );
}
