/**
 * The editor and the output, wired to the store, the sandbox and the run's
 * view (useRunView.ts): the same in the page and in embeds.
 */
import { useStore } from 'zustand';
import { CodeEditor } from '../features/editor/CodeEditor';
import { InputBox } from '../features/runner/InputBox';
import { OutputLog } from '../features/runner/OutputLog';
import { PROGRAM_FILENAME } from '../features/runner/runnerSlice';
import type { SandboxClient } from '../runtime/createSandboxClient';
import type { AppStore } from './appStore';
import type { RunView } from './useRunView';

interface RunViewPartProps {
  readonly store: AppStore;
  readonly view: RunView;
}

/** The program's editor; `readOnly` for embeds that show a program to run, not to change. */
export function ProgramEditor({
  store,
  sandbox,
  view,
  readOnly = false,
}: RunViewPartProps & { readonly sandbox: SandboxClient; readonly readOnly?: boolean }) {
  const source = useStore(store, (state) => state.source);
  return (
    <CodeEditor
      value={source}
      onChange={(text) => {
        store.getState().edit(text);
      }}
      onRun={(text) => void store.getState().run(text)}
      checkSyntax={(text) => sandbox.checkSyntax(text, PROGRAM_FILENAME)}
      runMarkers={view.runMarkers}
      cursorRequest={view.cursorRequest}
      loadCodeEditor={view.pythonSettled}
      lineHighlights={view.lineHighlights}
      readOnly={readOnly}
    />
  );
}

/** The Input box and the output log, whose traceback links move the editor's cursor. */
export function ProgramOutput({ store, view }: RunViewPartProps) {
  return (
    <>
      <InputBox runner={store} />
      <OutputLog
        runner={store}
        printedWrites={view.printedWrites}
        onOpenLocation={(location) => {
          view.openLine(location.line);
        }}
      />
    </>
  );
}
