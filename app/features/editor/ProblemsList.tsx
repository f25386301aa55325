import { describeMarker, type EditorMarker } from './problems';

interface ProblemsListProps {
  /** Syntax errors first, then problems from the last run. */
  readonly markers: readonly EditorMarker[];
  /** Whether the text has been checked at least once. */
  readonly checked: boolean;
}

/** The problems as sentences under the editor, announced politely as they change. */
export function ProblemsList({ markers, checked }: ProblemsListProps) {
  return (
    <div role="status" aria-label="Problems" className="code-editor-problems">
      {markers.length === 0 ? (
        <p>{checked ? 'No syntax errors' : 'Checking syntax…'}</p>
      ) : (
        <ul>
          {markers.map((marker, index) => (
            <li key={index} className={`code-editor-problem-${marker.severity}`}>
              {describeMarker(marker)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
