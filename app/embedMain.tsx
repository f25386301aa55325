// Entry of embed.html: one lesson, exercise or program inside an
// instructor's page (docs/embedding.md). Everything it keeps lives in
// memory, so several embeds on one page never share or overwrite a saved
// text, and Python starts only once the embed is scrolled into view.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LESSONS } from 'virtual:lesson-catalog';
import { readEmbedOptions, type EmbedOptions } from './features/embed/embedOptions';
import { STDIN_KEY } from './features/runner/runnerSlice';
import { readShareLink, type SharedProgram } from './features/share/shareLink';
import { createTextStorage } from './platform/browserStorage';
import { memoryStorage } from './platform/memoryStorage';
import { createSandboxClient } from './runtime/createSandboxClient';
import { addTaskColorRules } from './shared/taskColors';
import { createAppStore } from './shell/appStore';
import { connectEmbed } from './shell/embedBridge';
import { EmbedApp } from './shell/EmbedApp';
import { parseRoute } from './shell/hashRoute';
import { runShowingMoment } from './shell/sharedProgram';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('embed.html has no #root element');

addTaskColorRules();

// The lessons' links lead to the whole site, which is not in this frame.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest('a[href^="#/"]');
  if (!(link instanceof HTMLAnchorElement)) return;
  event.preventDefault();
  window.open(
    new URL(`./${link.getAttribute('href') ?? ''}`, document.baseURI),
    '_blank',
    'noopener',
  );
});

/** The program a snippet embed shows: the share link in its fragment. */
function snippetProgram(): SharedProgram | string {
  const route = parseRoute(window.location.hash);
  if (route.page !== 'shared') return 'it names no program (its address should end in #/share/…)';
  const reading = readShareLink(route.format, route.data);
  return reading.ok ? reading.program : reading.problem;
}

/** Resolves once `element` is first in view (inside the host page's window too). */
function whenInView(element: Element): Promise<void> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(element);
  });
}

function showProblem(root: HTMLElement, problem: string): void {
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.textContent = `This Loopscope embed cannot be shown: ${problem}.`;
  root.replaceChildren(alert);
}

function mount(root: HTMLElement, options: EmbedOptions, program: SharedProgram | null): void {
  const storage = createTextStorage(memoryStorage());
  if (program?.input !== undefined) storage.save(STDIN_KEY, program.input);
  const inView = whenInView(root);
  const sandbox = createSandboxClient({ startWhen: inView, spare: false });
  const store = createAppStore({
    sandbox,
    drafts: {
      storage,
      key: 'loopscope:embed:program',
      startingCode: program?.code ?? '',
      title: 'Program',
    },
    theme: {
      storage,
      systemPrefersDark:
        options.theme === null
          ? window.matchMedia('(prefers-color-scheme: dark)').matches
          : options.theme === 'dark',
    },
    progress: storage,
    paneSizes: storage,
    welcome: storage,
    input: storage,
  });
  const bridge = connectEmbed(store, options.host);
  let programShown: () => void = () => undefined;
  const programReady =
    program !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          programShown = resolve;
        });
  if (options.runOnLoad) {
    void Promise.all([inView, programReady]).then(() =>
      runShowingMoment(store, store.getState().source, options.moment ?? program?.moment ?? null),
    );
  }
  createRoot(root).render(
    <StrictMode>
      <EmbedApp
        sandbox={sandbox}
        store={store}
        options={options}
        lessons={LESSONS}
        bridge={bridge}
        onProgramShown={programShown}
      />
    </StrictMode>,
  );
}

const reading = readEmbedOptions(window.location.search);
if (!reading.ok) {
  showProblem(rootElement, reading.problem);
} else if (reading.options.content.kind === 'snippet') {
  const program = snippetProgram();
  if (typeof program === 'string') showProblem(rootElement, program);
  else mount(rootElement, reading.options, program);
} else {
  mount(rootElement, reading.options, null);
}
