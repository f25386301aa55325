/** "Line N": moves the editor to a line of the learner's program. */
export function LineButton({
  line,
  onOpenLine,
  tabIndex,
}: {
  readonly line: number;
  readonly onOpenLine: (line: number) => void;
  /** -1 keeps it out of the tab order (the event table's rows are one stop). */
  readonly tabIndex?: number;
}) {
  return (
    <button
      type="button"
      tabIndex={tabIndex}
      onClick={() => {
        onOpenLine(line);
      }}
    >
      Line {line}
    </button>
  );
}
