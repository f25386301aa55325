import { useState } from 'react';
import { ProgramEditor } from '../features/editor/ProgramEditor';
import { SEED_PROGRAM } from '../features/editor/seedProgram';
import { OutputLog } from '../features/runner/OutputLog';
import { RunControls } from '../features/runner/RunControls';
import type { RunnerStore } from '../features/runner/runnerStore';
import { StatusLine } from '../features/runner/StatusLine';
import type { SandboxClient } from '../runtime/createSandboxClient';
import './app.css';

interface AppProps {
  readonly sandbox: SandboxClient;
  readonly runner: RunnerStore;
}

/** The page: composes the features, which know nothing of one another. */
export function App({ sandbox, runner }: AppProps) {
  const [source, setSource] = useState(SEED_PROGRAM);
  return (
    <>
      <header className="app-header">
        <h1>Loopscope</h1>
      </header>
      <main className="app-main">
        <section className="app-editor" aria-label="Editor">
          <ProgramEditor value={source} onChange={setSource} />
          <RunControls runner={runner} source={source} />
        </section>
        <section className="app-output" aria-label="Run">
          <StatusLine sandbox={sandbox} runner={runner} />
          <OutputLog runner={runner} />
        </section>
      </main>
    </>
  );
}
