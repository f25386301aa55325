import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { RunResult } from '../../runtime/createSandboxClient';
import { scriptedSandbox } from '../../runtime/scriptedSandbox';
import type { TraceEvent } from '../../runtime/traceSchema';
import { outputAsText } from './outputLines';
import { createRunnerSlice, PROGRAM_FILENAME } from './runnerSlice';

function printed(text: string, t = 0): TraceEvent {
  return { type: 'output', stream: 'stdout', text, task: null, thread: null, chain: [], t };
}

const FINISHED: RunResult = {
  summary: { outcome: 'ok', exitCode: 0, virtualTime: 0, wallMs: 1, events: 1 },
  stoppedBy: null,
  restarted: false,
  message: null,
};

describe('runner slice', () => {
  it('runs the program as main.py and collects its output as it arrives', async () => {
    const { sandbox, runs } = scriptedSandbox();
    const store = createStore(createRunnerSlice(sandbox));
    const done = store.getState().run('print("hi")\n');
    expect(store.getState().running).toBe(true);
    expect(runs[0]?.request).toEqual({
      source: 'print("hi")\n',
      filename: PROGRAM_FILENAME,
      stdin: '',
    });

    const before = store.getState().outputVersion;
    runs[0]?.send([printed('hi\n')]);
    expect(store.getState().outputVersion).not.toBe(before);
    expect(outputAsText(store.getState().output)).toBe('hi\n');

    runs[0]?.end(FINISHED);
    await done;
    expect(store.getState().running).toBe(false);
    expect(store.getState().result).toBe(FINISHED);
  });

  it("sends the Input text as the program's stdin", () => {
    const { sandbox, runs } = scriptedSandbox();
    const store = createStore(createRunnerSlice(sandbox));
    store.getState().setStdin('Ada\nBob\n');
    void store.getState().run('print(input())\n');
    expect(runs[0]?.request.stdin).toBe('Ada\nBob\n');
  });

  it('ignores Run while a run is going on, and starts afresh after it', async () => {
    const { sandbox, runs } = scriptedSandbox();
    const store = createStore(createRunnerSlice(sandbox));
    const first = store.getState().run('a');
    void store.getState().run('b');
    expect(runs).toHaveLength(1);
    runs[0]?.send([printed('old\n')]);
    runs[0]?.end(FINISHED);
    await first;

    void store.getState().run('c');
    expect(runs).toHaveLength(2);
    expect(store.getState().result).toBeNull();
    expect(outputAsText(store.getState().output)).toBe('');
  });

  it('turns a failed run into a result with its message', async () => {
    const { sandbox, runs } = scriptedSandbox();
    const store = createStore(createRunnerSlice(sandbox));
    const done = store.getState().run('a');
    runs[0]?.fail(new Error('Python could not start'));
    await done;
    expect(store.getState().running).toBe(false);
    expect(store.getState().result).toEqual({
      summary: null,
      stoppedBy: null,
      restarted: false,
      message: 'Python could not start',
    });
  });

  it('passes Stop to the sandbox', () => {
    const { sandbox, stops } = scriptedSandbox();
    const store = createStore(createRunnerSlice(sandbox));
    store.getState().stop();
    expect(stops()).toBe(1);
  });
});
