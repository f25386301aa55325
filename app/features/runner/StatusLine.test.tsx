// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { SandboxStatus } from '../../runtime/createSandboxClient';
import { scriptedSandbox } from '../../runtime/scriptedSandbox';
import { mountTestRoot } from '../../shared/testRoot.node';
import { createRunnerSlice } from './runnerSlice';
import { StatusLine } from './StatusLine';

const testRoot = mountTestRoot();

/** The status line over a sandbox that reports `status`; returns its runs and runner. */
function renderStatusLine(status: SandboxStatus) {
  const scripted = scriptedSandbox();
  const sandbox = {
    ...scripted.sandbox,
    status: { subscribe: () => () => undefined, getSnapshot: () => status },
  };
  const runner = createStore(createRunnerSlice(sandbox));
  const render = () => {
    testRoot.render(<StatusLine sandbox={sandbox} runner={runner} mistakes={[]} />);
  };
  render();
  return { runs: scripted.runs, runner, render };
}

function bar(): HTMLProgressElement | null {
  return testRoot.host().querySelector('progress');
}

describe('the status line while Python loads', () => {
  it('measures the download with a named bar, outside the live region', () => {
    renderStatusLine({ phase: 'downloading', loaded: 3_140_000, total: 12_000_000 });
    const progress = bar();
    expect(progress?.getAttribute('aria-label')).toBe('Downloading Python');
    expect(progress?.getAttribute('value')).toBe('3140000');
    expect(progress?.getAttribute('max')).toBe('12000000');
    expect(progress?.getAttribute('aria-valuetext')).toBe('3.1 of 12.0 MB');
    expect(progress?.closest('[role="status"]')).toBeNull();
    expect(testRoot.host().querySelector('[role="status"]')?.textContent).toBe('Starting Python…');
    expect(testRoot.host().textContent).toContain('Step 1 of 2: downloading, 3.1 of 12.0 MB');
  });

  it('shows an indeterminate bar while the size is unknown, and while Python starts', () => {
    renderStatusLine({ phase: 'downloading', loaded: null, total: null });
    expect(bar()?.getAttribute('aria-label')).toBe('Downloading Python');
    expect(bar()?.hasAttribute('value')).toBe(false);
    renderStatusLine({ phase: 'starting' });
    expect(bar()?.getAttribute('aria-label')).toBe('Starting Python');
    expect(bar()?.hasAttribute('value')).toBe(false);
    expect(testRoot.host().textContent).toContain('Step 2 of 2: starting the interpreter');
  });

  it('has no bar once Python is ready', () => {
    renderStatusLine({ phase: 'ready' });
    expect(bar()).toBeNull();
    expect(testRoot.host().querySelector('[role="status"]')?.textContent).toBe('Ready');
  });
});

describe('the status line while the next run’s Python starts', () => {
  it('shows no bar after a run, and the bar again when a run waits for Python', async () => {
    const { runs, runner, render } = renderStatusLine({ phase: 'starting' });
    const ran = runner.getState().run('print(1)');
    const [run] = runs;
    if (!run) throw new Error('the run did not start');
    render();
    expect(bar()?.getAttribute('aria-label')).toBe('Starting Python');

    run.end({ summary: null, stoppedBy: 'user', restarted: false, message: 'Stopped.' });
    await ran;
    render();
    expect(bar()).toBeNull();
    expect(testRoot.host().querySelector('[role="status"]')?.textContent).toBe('Stopped.');
  });
});
