import { useId } from 'react';

interface ProgramEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** The program's text. A plain textarea until the Monaco editor replaces it. */
export function ProgramEditor({ value, onChange }: ProgramEditorProps) {
  const id = useId();
  return (
    <div className="program-editor">
      <label htmlFor={id}>Program</label>
      <textarea
        id={id}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        rows={16}
      />
    </div>
  );
}
