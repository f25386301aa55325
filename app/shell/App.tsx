import { useState } from 'react';
import { useStore } from 'zustand';
import type { DraftStore } from '../features/drafts/draftStore';
import { KeepingNotice } from '../features/drafts/KeepingNotice';
import { ResetButton } from '../features/drafts/ResetButton';
import { CodeEditor, type CursorRequest, type EditorMarker } from '../features/editor/CodeEditor';
import { OutputLog } from '../features/runner/OutputLog';
import { RunControls } from '../features/runner/RunControls';
import { PROGRAM_FILENAME, type RunnerStore } from '../features/runner/runnerStore';
import { StatusLine } from '../features/runner/StatusLine';
import { useSandboxStatus } from '../features/runner/useSandboxStatus';
import type { SandboxClient } from '../runtime/createSandboxClient';
import type { Theme } from '../shared/theme';
import './app.css';
import { SplitPane } from './SplitPane';
import { ThemeToggle } from './ThemeToggle';

interface AppProps {
  readonly sandbox: SandboxClient;
  readonly runner: RunnerStore;
  readonly drafts: DraftStore;
  readonly initialTheme: Theme;
  readonly onThemeChange: (theme: Theme) => void;
}

/** The page: composes the features, which know nothing of one another. */
export function App({ sandbox, runner, drafts, initialTheme, onThemeChange }: AppProps) {
  const source = useStore(drafts, (state) => state.source);
  const [theme, setTheme] = useState(initialTheme);
  // A traceback link asks the editor to move its cursor; the nonce makes the
  // same line asked twice still count.
  const [cursorRequest, setCursorRequest] = useState<CursorRequest | null>(null);
  // A new array only when the run reports a problem, as the editor wants.
  const runMarkers: readonly EditorMarker[] = useStore(runner, (state) => state.output.problems);
  // Monaco loads once Python has started (or failed to): both at once slow each other.
  const pythonPhase = useSandboxStatus(sandbox).phase;
  const [pythonSettled, setPythonSettled] = useState(false);
  if (!pythonSettled && pythonPhase !== 'downloading' && pythonPhase !== 'starting') {
    setPythonSettled(true);
  }

  const editor = (
    <section className="app-editor" aria-label="Editor">
      <CodeEditor
        value={source}
        onChange={(text) => {
          drafts.getState().edit(text);
        }}
        onRun={(text) => void runner.getState().run(text)}
        checkSyntax={(text) => sandbox.checkSyntax(text, PROGRAM_FILENAME)}
        runMarkers={runMarkers}
        cursorRequest={cursorRequest}
        loadCodeEditor={pythonSettled}
      />
      <div className="editor-actions">
        <RunControls runner={runner} source={source} />
        <ResetButton drafts={drafts} />
      </div>
      <KeepingNotice drafts={drafts} />
    </section>
  );
  const run = (
    <section className="app-output" aria-label="Run">
      <StatusLine sandbox={sandbox} runner={runner} />
      <OutputLog
        runner={runner}
        onOpenLocation={(location) => {
          setCursorRequest((previous) => ({
            line: location.line,
            column: 1,
            nonce: (previous?.nonce ?? 0) + 1,
          }));
        }}
      />
    </section>
  );
  return (
    <>
      <header className="app-header">
        <h1>Loopscope</h1>
        <div className="header-actions">
          <ThemeToggle
            theme={theme}
            onChange={(next) => {
              setTheme(next);
              onThemeChange(next);
            }}
          />
        </div>
      </header>
      <main className="app-main">
        <SplitPane label="Resize editor and output" first={editor} second={run} />
      </main>
    </>
  );
}
