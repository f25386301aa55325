import { describeMarker, type EditorMarker } from './problems';

interface ProblemsListProps {
  /** Syntax errors first, then problems from the last run. */
  readonly markers: readonly EditorMarker[];
  /** Whether the text has been checked at least once. */
  readonly checked: boolean;
  /** A problem was activated: take the learner to it in the editor. */
  readonly onOpen: (marker: EditorMarker) => void;
}

/**
 * The problems as sentences under the editor, announced politely as they
 * change. Each one is a button (named by its sentence, which starts with
 * the line) that moves the editor's cursor there.
 */
export function ProblemsList({ markers, checked, onOpen }: ProblemsListProps) {
  return (
    <div role="status" aria-label="Problems" className="code-editor-problems">
      {markers.length === 0 ? (
        <p>{checked ? 'No syntax errors' : 'Checking syntax…'}</p>
      ) : (
        <ul>
          {markers.map((marker, index) => (
            <li key={index} className={`code-editor-problem-${marker.severity}`}>
              <button
                type="button"
                className="code-editor-problem-link"
                onClick={() => {
                  onOpen(marker);
                }}
              >
                {describeMarker(marker)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
