import { useId, type Ref } from 'react';

interface ProgramTextareaProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter, with the text as it is at that moment. */
  readonly onRun: (value: string) => void;
  readonly textareaRef?: Ref<HTMLTextAreaElement>;
  readonly readOnly: boolean;
}

/**
 * The program's text in a plain textarea: what the page shows at once, while
 * the Monaco editor loads (and for good if it cannot).
 */
export function ProgramTextarea({
  value,
  onChange,
  onRun,
  textareaRef,
  readOnly,
}: ProgramTextareaProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>Program</label>
      <textarea
        id={id}
        ref={textareaRef}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onRun(event.currentTarget.value);
          }
        }}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        rows={16}
        readOnly={readOnly}
      />
    </>
  );
}
