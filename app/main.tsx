// App entry: starts Python in its worker at once (it takes seconds), then
// mounts the React tree around it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LESSONS } from 'virtual:lesson-catalog';
import { createTextStorage, pageLocalStorage } from './platform/browserStorage';
import { startOfflineCache } from './platform/offlineCache';
import { createSandboxClient, pythonSettled } from './runtime/createSandboxClient';
import { addTaskColorRules } from './shared/taskColors';
import { App } from './shell/App';
import { createAppStore, keepTypedTextNow } from './shell/appStore';
import { parseRoute } from './shell/hashRoute';
import { PageBoundary } from './shell/PageBoundary';
import { PLAYGROUND_DOCUMENT } from './shell/playgroundDocument';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

addTaskColorRules();

const sandbox = createSandboxClient();
// The offline copy is saved once Python has started: its downloads would slow the first start.
const offline = import.meta.env.PROD ? startOfflineCache(pythonSettled(sandbox)) : null;
const storage = createTextStorage(pageLocalStorage());
const store = createAppStore({
  sandbox,
  drafts: {
    storage,
    ...PLAYGROUND_DOCUMENT,
    resumeLastDocument: parseRoute(window.location.hash).page !== 'playground',
  },
  theme: {
    storage,
    systemPrefersDark: window.matchMedia('(prefers-color-scheme: dark)').matches,
  },
  progress: storage,
  paneSizes: storage,
  welcome: storage,
  input: storage,
});
// Edits are saved shortly after typing stops; leaving the page saves at once.
window.addEventListener('pagehide', () => {
  keepTypedTextNow(store);
});

createRoot(rootElement).render(
  <StrictMode>
    <PageBoundary store={store}>
      <App sandbox={sandbox} store={store} lessons={LESSONS} offline={offline} />
    </PageBoundary>
  </StrictMode>,
);
