/** "Line N": moves the editor to a line of the learner's program. */
export function LineButton({
  line,
  onOpenLine,
}: {
  readonly line: number;
  readonly onOpenLine: (line: number) => void;
}) {
  return (
    <button
      type="button"
      onClick={() => {
        onOpenLine(line);
      }}
    >
      Line {line}
    </button>
  );
}
