// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STDIN_KEY } from '../features/runner/runnerSlice';
import { createTextStorage } from '../platform/browserStorage';
import { memoryStorage } from '../platform/memoryStorage';
import { scriptedSandbox } from '../runtime/scriptedSandbox';
import { mountTestRoot } from '../shared/testRoot.node';
import { createAppStore } from './appStore';
import { ErrorBoundary } from './ErrorBoundary';
import { PageBoundary } from './PageBoundary';
import { PaneFailure } from './PaneFailure';

const testRoot = mountTestRoot();

beforeEach(() => {
  // React reports each caught error on the console; the tests look at the page.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

function Broken({ broken }: { readonly broken: { current: boolean } }) {
  if (broken.current) throw new Error('the timeline model lost a lane');
  return <p>working</p>;
}

function storeWithStorage(storage: Storage) {
  return createAppStore({
    sandbox: scriptedSandbox().sandbox,
    drafts: { storage: createTextStorage(storage), key: 'program', startingCode: 'start' },
    theme: { storage: createTextStorage(storage), systemPrefersDark: false },
    progress: createTextStorage(storage),
    paneSizes: createTextStorage(storage),
    welcome: createTextStorage(storage),
    input: createTextStorage(storage),
  });
}

describe('a failing pane', () => {
  it('says what failed in its place and comes back on "Try again"', () => {
    const broken = { current: true };
    testRoot.render(
      <>
        <ErrorBoundary
          fallback={(error, retry) => (
            <PaneFailure part="The timeline" error={error} retry={retry} />
          )}
        >
          <Broken broken={broken} />
        </ErrorBoundary>
        <p>the editor</p>
      </>,
    );
    expect(testRoot.host().querySelector('[role="alert"]')?.textContent).toContain(
      'The timeline stopped working: the timeline model lost a lane',
    );
    expect(testRoot.host().textContent).toContain('the editor');

    broken.current = false;
    act(() => {
      testRoot.host().querySelector('button')?.click();
    });
    expect(testRoot.host().querySelector('[role="alert"]')).toBeNull();
    expect(testRoot.host().textContent).toContain('working');
  });
});

describe('the page boundary', () => {
  it('saves the program and the input at once and shows the program, with what happened', () => {
    const storage = memoryStorage();
    const store = storeWithStorage(storage);
    store.getState().edit('print("mine")\n');
    store.getState().setStdin('Ada\n');
    expect(storage.getItem('program')).toBeNull();
    expect(storage.getItem(STDIN_KEY)).toBeNull();

    testRoot.render(
      <PageBoundary store={store}>
        <Broken broken={{ current: true }} />
      </PageBoundary>,
    );

    expect(storage.getItem('program')).toBe('print("mine")\n');
    expect(storage.getItem(STDIN_KEY)).toBe('Ada\n');
    expect(testRoot.host().querySelector('h1')?.textContent).toBe('Loopscope stopped working');
    const alert = testRoot.host().querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('Something in the page failed: the timeline model lost a lane');
    expect(alert).toContain(
      'Your program is saved in this browser and comes back when you reload.',
    );
    const program = testRoot.host().querySelector<HTMLTextAreaElement>('#page-failure-program');
    expect(program?.value).toBe('print("mine")\n');
    expect(program?.readOnly).toBe(true);
    expect(testRoot.host().querySelector('label[for="page-failure-program"]')?.textContent).toBe(
      'Your program',
    );
  });

  it('asks the learner to copy the program when the browser keeps nothing', () => {
    const store = storeWithStorage(memoryStorage(0));
    store.getState().edit('x = 1\n');
    testRoot.render(
      <PageBoundary store={store}>
        <Broken broken={{ current: true }} />
      </PageBoundary>,
    );
    expect(testRoot.host().querySelector('[role="alert"]')?.textContent).toContain(
      'copy your program from the box below first',
    );
    expect(testRoot.host().querySelector<HTMLTextAreaElement>('textarea')?.value).toBe('x = 1\n');
  });
});
