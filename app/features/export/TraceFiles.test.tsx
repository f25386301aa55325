// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { readGoldenTrace } from '../../../tests/golden/goldenTrace';
import { mountTestRoot } from '../../shared/testRoot.node';
import { toSavedTrace } from './savedTrace';
import { TraceFiles, type TraceFilesState } from './TraceFiles';

const testRoot = mountTestRoot();

function renderTraceFiles(state: Partial<TraceFilesState> = {}) {
  const replayTrace = vi.fn<TraceFilesState['replayTrace']>();
  const store = createStore<TraceFilesState>(() => ({
    timeline: null,
    running: false,
    replayTrace,
    ...state,
  }));
  testRoot.render(
    <TraceFiles store={store}>
      <p>the timeline</p>
    </TraceFiles>,
  );
  return { replayTrace };
}

const buttons = (): string[] =>
  [...testRoot.host().querySelectorAll('button')].map((button) => button.textContent);

/** Picks `file` in the hidden file input, as the file chooser does, and waits for it to be read. */
async function choose(file: File): Promise<void> {
  const input = testRoot.host().querySelector<HTMLInputElement>('input[type="file"]');
  if (input === null) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await file.text();
  });
}

const alertText = (): string | null =>
  testRoot.host().querySelector('[role="alert"]')?.textContent ?? null;

describe('TraceFiles', () => {
  it('offers to open a trace before any run, and the downloads once a run is over', () => {
    renderTraceFiles();
    expect(buttons()).toEqual(['Open trace file…']);
    // A run stopped before its end has its trace to save too.
    renderTraceFiles({ timeline: { events: readGoldenTrace('seed_greet').slice(0, 5) } });
    expect(buttons()).toEqual(['Download trace', 'Export for Perfetto', 'Open trace file…']);
    expect(testRoot.host().textContent).toContain('the timeline');
  });

  it('neither saves nor opens a trace while a program runs', () => {
    renderTraceFiles({ running: true, timeline: { events: readGoldenTrace('seed_greet') } });
    expect(buttons()).toEqual(['Open trace file…']);
    const open = testRoot.host().querySelector('button');
    expect(open?.disabled).toBe(true);
  });

  it('replays a good file, and refuses a bad one in a sentence without replaying it', async () => {
    const { replayTrace } = renderTraceFiles();
    await choose(new File(['not a trace\n'], 'notes.txt'));
    expect(alertText()).toMatch(/^notes\.txt was not opened\. Line 1 is not JSON: /);
    expect(replayTrace).not.toHaveBeenCalled();

    // The golden file's text (savedTrace.test.ts shows that it is this).
    const text = toSavedTrace(readGoldenTrace('gather_sleeps'));
    await choose(new File([text], 'gather.jsonl'));
    expect(alertText()).toBeNull();
    expect(replayTrace).toHaveBeenCalledWith(
      readGoldenTrace('gather_sleeps'),
      'Replayed a trace file: gather.jsonl of gather_sleeps.py, 3.0 s of virtual time. Nothing ran.',
    );
  });
});
