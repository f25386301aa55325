// App entry: starts Python in its worker at once (it takes seconds), then
// mounts the React tree around it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDraftStore } from './features/drafts/draftStore';
import { SEED_PROGRAM } from './features/editor/seedProgram';
import { createRunnerStore } from './features/runner/runnerStore';
import { createTextStorage, pageLocalStorage } from './platform/browserStorage';
import { createSandboxClient } from './runtime/createSandboxClient';
import { App } from './shell/App';
import type { Theme } from './shared/theme';

const THEME_KEY = 'loopscope:theme';

/** The saved theme, else the system's preference. */
function initialTheme(saved: string | null): Theme {
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

const sandbox = createSandboxClient();
const runner = createRunnerStore(sandbox);
const storage = createTextStorage(pageLocalStorage());
const drafts = createDraftStore({
  storage,
  key: 'loopscope:playground:program',
  startingCode: SEED_PROGRAM,
});
// Edits are saved shortly after typing stops; leaving the page saves at once.
window.addEventListener('pagehide', () => {
  drafts.getState().flush();
});

createRoot(rootElement).render(
  <StrictMode>
    <App
      sandbox={sandbox}
      runner={runner}
      drafts={drafts}
      initialTheme={initialTheme(storage.load(THEME_KEY))}
      onThemeChange={(theme) => {
        storage.save(THEME_KEY, theme);
      }}
    />
  </StrictMode>,
);
