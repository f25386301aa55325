interface PaneFailureProps {
  /** The part that failed, as the learner knows it ("The output"). */
  readonly part: string;
  readonly error: Error;
  readonly retry: () => void;
}

/** Stands in for one pane that failed while the rest of the page goes on. */
export function PaneFailure({ part, error, retry }: PaneFailureProps) {
  return (
    <div className="pane-failure" role="alert">
      <p>
        {part} stopped working: {error.message || error.name}
      </p>
      <p>Your program is kept; the rest of the page still works.</p>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
