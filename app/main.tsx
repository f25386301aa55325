// App entry: starts Python in its worker at once (it takes seconds), then
// mounts the React tree around it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRunnerStore } from './features/runner/runnerStore';
import { createSandboxClient } from './runtime/createSandboxClient';
import { App } from './shell/App';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

const sandbox = createSandboxClient();
const runner = createRunnerStore(sandbox);

createRoot(rootElement).render(
  <StrictMode>
    <App sandbox={sandbox} runner={runner} />
  </StrictMode>,
);
