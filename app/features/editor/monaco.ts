/**
 * The Monaco editor, Python only, behind a small interface: the one module
 * that imports monaco-editor.
 *
 * Loaded lazily: CodeEditor imports this module with a dynamic `import()`,
 * so Monaco (~0.9 MB of gzipped JavaScript) never delays the first paint.
 * Must not be imported statically from anything the page's entry reaches.
 *
 * Self-hosted: everything comes from the npm package through the bundler,
 * nothing from a CDN. Monaco 0.56+ entry points: `monaco-editor/editor` is
 * the bare API; each editor feature and language opts in below. The whole
 * `monaco-editor` entry would also bundle the TypeScript, CSS, HTML and
 * JSON language workers (megabytes the playground never uses).
 */
import { editor, KeyCode, KeyMod, languages, MarkerSeverity, Range } from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/caretOperations/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
// features/suggest/register (0.57) registers only the inline-completion
// bridge; the suggest widget itself comes with this contribution, which only
// `features/inlineCompletions` would otherwise pull in.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import { declarationOf, type AsyncioApiEntry } from './asyncioApi';
import { completionsAfter, hoverFor } from './asyncioCompletions';
import type { LineHighlight } from '../../shared/lineHighlight';
import { taskColorClass } from '../../shared/taskColors';
import type { EditorMarker } from './problems';

/** Who set a group of markers; each owner replaces only its own. */
export type MarkerOwner = 'syntax' | 'run';

/** A selection as offsets into the text, as a textarea reports it. */
export interface TextSelection {
  readonly start: number;
  readonly end: number;
}

/** How to create the editor. */
export interface ProgramEditorOptions {
  /** The element the editor fills. */
  readonly container: HTMLElement;
  readonly value: string;
  /** The accessible name of the editor's text input. */
  readonly ariaLabel: string;
  /** Where the cursor starts (e.g. where it was in the textarea this editor replaces). */
  readonly selection: TextSelection | null;
  /** Whether to focus the editor at once. */
  readonly focus: boolean;
  /** Called after every edit the learner makes (not after `setValue`). */
  readonly onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter, with the text as it is at that moment. */
  readonly onRun: (value: string) => void;
  /** The text can be read, selected and run, not edited (an embed's choice). */
  readonly readOnly: boolean;
}

/** The created editor, as the React component drives it. */
export interface ProgramEditorHandle {
  /**
   * Replaces the text if it differs, as one undoable edit; a text this editor
   * reported itself is taken as an echo and left alone.
   */
  setValue(value: string): void;
  /** Replaces the markers of one owner. */
  setMarkers(owner: MarkerOwner, markers: readonly EditorMarker[]): void;
  /** Moves the cursor, scrolls it into view and focuses the editor. */
  moveCursor(line: number, column: number): void;
  /** Marks the lines playback points at (replacing the last ones), in each task's colour. */
  setLineHighlights(highlights: readonly LineHighlight[]): void;
  dispose(): void;
}

// The editor's own worker (tokenizing helpers, word-based suggestions). A
// module worker built by Vite: its URL is relative to this chunk, so it loads
// from whatever sub-path the site is served from.
globalThis.MonacoEnvironment ??= {
  getWorker: () => new EditorWorker({ name: 'monaco-editor' }),
};

// The page's theme is `data-theme` on <html> (set by the shell's toggle);
// without it, the system's preference.
const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
function preferredTheme(): string {
  const chosen = document.documentElement.dataset.theme;
  const dark = chosen === undefined ? darkScheme.matches : chosen === 'dark';
  return dark ? 'vs-dark' : 'vs';
}
darkScheme.addEventListener('change', () => {
  editor.setTheme(preferredTheme());
});
new MutationObserver(() => {
  editor.setTheme(preferredTheme());
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

function completionKind(entry: AsyncioApiEntry): languages.CompletionItemKind {
  switch (entry.kind) {
    case 'coroutine':
    case 'function':
      return languages.CompletionItemKind.Function;
    case 'class':
    case 'exception':
      return languages.CompletionItemKind.Class;
    case 'constant':
      return languages.CompletionItemKind.Constant;
  }
}

languages.registerCompletionItemProvider('python', {
  triggerCharacters: ['.'],
  provideCompletionItems(model, position) {
    const line = model.getLineContent(position.lineNumber);
    const found = completionsAfter(line.slice(0, position.column - 1));
    if (!found) return { suggestions: [] };
    const range = new Range(
      position.lineNumber,
      position.column - found.prefix.length,
      position.lineNumber,
      position.column,
    );
    return {
      suggestions: found.entries.map((entry, index) => ({
        label: {
          label: entry.name,
          ...(entry.kind === 'constant' ? {} : { detail: entry.signature }),
        },
        kind: completionKind(entry),
        detail: declarationOf(entry),
        documentation: { value: entry.doc },
        insertText: entry.name,
        range,
        // Keep the learner's order (run, sleep, create_task, …) over the alphabet.
        sortText: String(index).padStart(3, '0'),
        ...(entry.deprecated ? { tags: [languages.CompletionItemTag.Deprecated] } : {}),
      })),
    };
  },
});

languages.registerHoverProvider('python', {
  provideHover(model, position) {
    const hover = hoverFor(model.getLineContent(position.lineNumber), position.column);
    if (!hover) return null;
    return {
      range: new Range(
        position.lineNumber,
        hover.startColumn,
        position.lineNumber,
        hover.endColumn,
      ),
      contents: [
        { value: `\`\`\`python\n${declarationOf(hover.entry)}\n\`\`\`` },
        { value: hover.entry.doc },
      ],
    };
  },
});

/** A whole-line background, and the note written after the line's end. */
function toDecorations(
  model: editor.ITextModel,
  highlight: LineHighlight,
): editor.IModelDeltaDecoration[] {
  const line = Math.min(Math.max(highlight.line, 1), model.getLineCount());
  const end = model.getLineMaxColumn(line);
  const color = taskColorClass(highlight.task);
  return [
    {
      range: new Range(line, 1, line, 1),
      options: { isWholeLine: true, className: `line-highlight-${highlight.kind} ${color}` },
    },
    {
      range: new Range(line, end, line, end),
      options: {
        // Injected text on an empty range shows only when asked to.
        showIfCollapsed: true,
        after: { content: `   ${highlight.text}`, inlineClassName: `line-highlight-note ${color}` },
      },
    },
  ];
}

function toMarkerData(model: editor.ITextModel, marker: EditorMarker): editor.IMarkerData {
  const line = Math.min(Math.max(marker.line, 1), model.getLineCount());
  const lineEnd = model.getLineMaxColumn(line);
  const startColumn = marker.column ?? (model.getLineFirstNonWhitespaceColumn(line) || 1);
  const { endLine, endColumn } = marker;
  const toLineEnd = endLine === undefined || endColumn === undefined;
  return {
    severity: marker.severity === 'error' ? MarkerSeverity.Error : MarkerSeverity.Warning,
    message: marker.message,
    startLineNumber: line,
    startColumn,
    endLineNumber: toLineEnd ? line : endLine,
    endColumn: toLineEnd ? lineEnd : endColumn,
  };
}

/**
 * Creates the editor in `options.container`. Throws when Monaco cannot be
 * created or set up; an editor created but not set up is disposed first, so
 * at most some DOM inside the container is left, for the caller to drop.
 */
export function createProgramEditor(options: ProgramEditorOptions): ProgramEditorHandle {
  const created = editor.create(options.container, {
    value: options.value,
    language: 'python',
    ariaLabel: options.ariaLabel,
    theme: preferredTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 4,
    insertSpaces: true,
    detectIndentation: false,
    wordBasedSuggestions: 'currentDocument',
    // Hover and suggestion widgets may extend past the editor's box.
    fixedOverflowWidgets: true,
    stickyScroll: { enabled: false },
    padding: { top: 8, bottom: 8 },
    readOnly: options.readOnly,
  });
  try {
    return driveProgramEditor(created, options);
  } catch (error) {
    created.getModel()?.dispose();
    created.dispose();
    throw error;
  }
}

/** Wires a created editor to the program: text, markers, Run, keyboard, cursor. */
function driveProgramEditor(
  created: editor.IStandaloneCodeEditor,
  options: ProgramEditorOptions,
): ProgramEditorHandle {
  const model = created.getModel();
  if (!model) throw new Error('Monaco created an editor without a model');
  // Tracebacks and the runtime count lines by "\n" whatever the platform.
  model.setEOL(editor.EndOfLineSequence.LF);
  const lineHighlights = created.createDecorationsCollection();

  let applyingValue = false;
  // Texts reported through onChange that have not come back as `setValue`
  // yet. React may hand back an older one while the learner has typed on;
  // applying it would undo their last keystrokes.
  const reported: string[] = [];
  created.onDidChangeModelContent(() => {
    if (applyingValue) return;
    const value = model.getValue();
    reported.push(value);
    if (reported.length > 100) reported.shift();
    options.onChange(value);
  });

  created.addAction({
    id: 'loopscope.run',
    label: 'Run the program',
    keybindings: [KeyMod.CtrlCmd | KeyCode.Enter],
    run: () => {
      options.onRun(model.getValue());
    },
  });

  // Tab indents in the editor, so it would trap keyboard users, and a Tab
  // on the way through the page would change the program (issue 11). So
  // Tab moves focus on while the learner is only passing through: from the
  // moment the editor gains focus from the keyboard until they press any
  // other key or click in it. As in CodeMirror, Escape then Tab (or
  // Shift+Tab) moves on too; Ctrl+M (Monaco's own toggle) switches Tab to
  // moving focus for good.
  let passingThrough = false;
  // A click focuses the editor to work in it, not to pass through.
  let pointerDown = false;
  const passThrough = () => {
    if (passingThrough || created.getOption(editor.EditorOption.tabFocusMode)) return;
    passingThrough = true;
    created.updateOptions({ tabFocusMode: true });
  };
  const stopPassingThrough = () => {
    if (!passingThrough) return;
    passingThrough = false;
    created.updateOptions({ tabFocusMode: false });
  };
  const keepsPassingThrough = new Set([
    KeyCode.Tab,
    KeyCode.Shift,
    KeyCode.Ctrl,
    KeyCode.Alt,
    KeyCode.Meta,
  ]);
  created.onKeyDown((event) => {
    if (event.keyCode === KeyCode.Escape) passThrough();
    else if (!keepsPassingThrough.has(event.keyCode)) stopPassingThrough();
  });
  // Capture: seen before Monaco's own handler focuses the editor.
  const onPointerDown = () => {
    pointerDown = true;
    stopPassingThrough();
  };
  options.container.addEventListener('pointerdown', onPointerDown, true);
  // Coming back from another window is neither arriving nor leaving.
  let windowLeft = false;
  created.onDidFocusEditorText(() => {
    if (!windowLeft && !pointerDown) passThrough();
    windowLeft = false;
    pointerDown = false;
  });
  created.onDidBlurEditorText(() => {
    pointerDown = false;
    windowLeft = !document.hasFocus();
    if (!windowLeft) stopPassingThrough();
  });

  if (options.selection) {
    const start = model.getPositionAt(options.selection.start);
    const end = model.getPositionAt(options.selection.end);
    created.setSelection(new Range(start.lineNumber, start.column, end.lineNumber, end.column));
    created.revealRangeInCenterIfOutsideViewport(created.getSelection() ?? new Range(1, 1, 1, 1));
  }
  if (options.focus) created.focus();

  return {
    setValue(value) {
      const echo = reported.indexOf(value);
      if (echo !== -1) {
        reported.splice(0, echo + 1);
        return;
      }
      reported.length = 0;
      if (value === model.getValue()) return;
      applyingValue = true;
      try {
        created.pushUndoStop();
        created.executeEdits('loopscope', [{ range: model.getFullModelRange(), text: value }]);
        created.pushUndoStop();
        created.setPosition({ lineNumber: 1, column: 1 });
      } finally {
        applyingValue = false;
      }
    },
    setMarkers(owner, markers) {
      editor.setModelMarkers(
        model,
        owner,
        markers.map((marker) => toMarkerData(model, marker)),
      );
    },
    setLineHighlights(highlights) {
      lineHighlights.set(highlights.flatMap((highlight) => toDecorations(model, highlight)));
    },
    moveCursor(line, column) {
      const position = model.validatePosition({ lineNumber: line, column });
      created.setPosition(position);
      created.revealPositionInCenterIfOutsideViewport(position);
      created.focus();
    },
    dispose() {
      options.container.removeEventListener('pointerdown', onPointerDown, true);
      created.dispose();
      model.dispose();
    },
  };
}
