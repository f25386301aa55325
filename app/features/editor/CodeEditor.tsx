import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef } from 'react';
import type { SyntaxProblem } from '../../runtime/host/pythonRuntime';
import type { LineHighlight } from '../../shared/lineHighlight';
// Types only: useCodeEditorPhase loads the module lazily.
import type { ProgramEditorHandle } from './monaco';
import { markerFromSyntaxProblem, mergeMarkers, type EditorMarker } from './problems';
import { ProblemsList } from './ProblemsList';
import { ProgramTextarea } from './ProgramTextarea';
import { offsetOf } from './textPosition';
import { useCodeEditorPhase } from './useCodeEditorPhase';
import { useSyntaxCheck } from './useSyntaxCheck';
import './CodeEditor.css';

export type { EditorMarker } from './problems';
export { NO_MARKERS } from './problems';

/** Where to put the cursor; a request with a new `nonce` moves it even to the same place. */
export interface CursorRequest {
  readonly line: number;
  readonly column: number;
  readonly nonce: number;
}

interface CodeEditorProps {
  /** The program text. */
  readonly value: string;
  /** Called with the whole text after every edit. */
  readonly onChange: (value: string) => void;
  /**
   * Ctrl/Cmd+Enter in the editor, with the text as it is at that moment
   * (`value` may lag a keystroke behind until the parent re-renders).
   */
  readonly onRun: (source: string) => void;
  /** CPython's verdict on a text; called ~300 ms after typing pauses. */
  readonly checkSyntax: (source: string) => Promise<SyntaxProblem | null>;
  /** Problems found by the last run (the line that raised, warnings). */
  readonly runMarkers: readonly EditorMarker[];
  /** Moves the cursor there, scrolls it into view and focuses the editor. */
  readonly cursorRequest: CursorRequest | null;
  /**
   * Whether to load Monaco now. The shell holds it back while Python starts:
   * on two cores Monaco's start-up slowed Python's by about a quarter
   * (docs/PERFORMANCE.md), and the textarea works meanwhile.
   */
  readonly loadCodeEditor: boolean;
  /** Lines playback marks: where each task waits, the line running now. */
  readonly lineHighlights: readonly LineHighlight[];
  /** The program can be run but not edited (an embed's option); default false. */
  readonly readOnly?: boolean;
}

/**
 * The program editor: a plain textarea at once, replaced by Monaco (loaded
 * lazily, keeping the text, the cursor and the focus) as soon as it arrives,
 * or kept with a note when Monaco cannot load or start. Below it, the
 * problems: CPython's syntax verdict while typing, and what the last run
 * reported.
 */
export function CodeEditor({
  value,
  onChange,
  onRun,
  checkSyntax,
  runMarkers,
  cursorRequest,
  loadCodeEditor,
  lineHighlights,
  readOnly = false,
}: CodeEditorProps) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<ProgramEditorHandle | null>(null);
  const { phase, fallBack } = useCodeEditorPhase(loadCodeEditor, textareaRef);

  const verdict = useSyntaxCheck(value, checkSyntax);
  const syntaxMarkers = useMemo(
    () => (verdict?.problem ? [markerFromSyntaxProblem(verdict.problem)] : []),
    [verdict],
  );
  const allMarkers = useMemo(
    () => mergeMarkers(syntaxMarkers, runMarkers),
    [syntaxMarkers, runMarkers],
  );

  const edited = useEffectEvent((text: string) => {
    onChange(text);
  });
  const runRequested = useEffectEvent((text: string) => {
    onRun(text);
  });
  const currentValue = useEffectEvent(() => value);

  // A layout effect: Monaco takes the textarea's place before the browser
  // paints, so the text never blinks out; and if creating it throws, the
  // textarea is back before the browser paints too.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (phase.kind !== 'monaco' || !container) return;
    let handle: ProgramEditorHandle;
    try {
      handle = phase.module.createProgramEditor({
        container,
        value: currentValue(),
        ariaLabel: 'Program',
        selection: phase.handover.selection,
        focus: phase.handover.focus,
        onChange: (text) => {
          edited(text);
        },
        onRun: (text) => {
          runRequested(text);
        },
        readOnly,
      });
    } catch (error) {
      // The textarea renders in place of the container, and takes with it
      // whatever a half-finished creation left there.
      console.warn('The code editor could not be created; the plain text box stays.', error);
      fallBack(phase.handover);
      return;
    }
    editorRef.current = handle;
    return () => {
      editorRef.current = null;
      handle.dispose();
    };
  }, [phase, fallBack, readOnly]);

  // `phase` in the dependencies: re-applied to a newly created editor. A
  // layout effect, so no keystroke can land between render and update.
  useLayoutEffect(() => {
    editorRef.current?.setValue(value);
  }, [value, phase]);
  useEffect(() => {
    editorRef.current?.setMarkers('syntax', syntaxMarkers);
  }, [syntaxMarkers, phase]);
  useEffect(() => {
    editorRef.current?.setMarkers('run', runMarkers);
  }, [runMarkers, phase]);
  useEffect(() => {
    editorRef.current?.setLineHighlights(lineHighlights);
  }, [lineHighlights, phase]);

  // The one way the cursor is moved from outside the text: traceback links
  // (through `cursorRequest`) and the Problems list.
  const moveCursor = (line: number, column: number) => {
    if (editorRef.current) {
      editorRef.current.moveCursor(line, column);
      return;
    }
    const textarea = textareaRef.current;
    if (!textarea) return;
    const offset = offsetOf(textarea.value, line, column);
    textarea.focus();
    textarea.setSelectionRange(offset, offset);
  };
  const followCursorRequest = useEffectEvent(() => {
    if (cursorRequest) moveCursor(cursorRequest.line, cursorRequest.column);
  });
  // Only a new nonce moves the cursor: not a new object with the same one,
  // and not Monaco replacing the textarea.
  const requested = cursorRequest?.nonce;
  useEffect(() => {
    if (requested !== undefined) followCursorRequest();
  }, [requested]);

  return (
    <div className="program-editor code-editor">
      {phase.kind === 'monaco' ? (
        <>
          <span className="code-editor-label">Program</span>
          <div ref={containerRef} className="code-editor-monaco" />
        </>
      ) : (
        <ProgramTextarea
          value={value}
          onChange={onChange}
          onRun={onRun}
          textareaRef={textareaRef}
          readOnly={readOnly}
        />
      )}
      {phase.kind === 'unavailable' && (
        <p role="note" aria-label="Code editor" className="code-editor-note">
          The code editor could not be loaded, so this is a plain text box (no highlighting or
          completions). Your program, Run and Ctrl+Enter work as before.
        </p>
      )}
      <p className="code-editor-hint">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs the program. <kbd>Tab</kbd> passes through the editor
        until you type or click in it; then <kbd>Esc</kbd>, <kbd>Tab</kbd> moves on.
      </p>
      <ProblemsList
        markers={allMarkers}
        checked={verdict !== null}
        onOpen={(marker) => {
          // A problem of a whole line (a run's) starts where the line does.
          moveCursor(marker.line, marker.column ?? 1);
        }}
      />
    </div>
  );
}
