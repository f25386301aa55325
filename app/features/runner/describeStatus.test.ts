import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../runtime/createSandboxClient';
import { describeMistakes, describePythonProgress, describeStatus } from './describeStatus';
import { appendOutput, createOutputBuffer } from './outputLines';

const IDLE = { running: false, result: null, output: createOutputBuffer() };

function finished(overrides: Partial<RunResult> = {}): RunResult {
  return {
    summary: { outcome: 'ok', exitCode: 0, virtualTime: 0, wallMs: 12.6, events: 9 },
    stoppedBy: null,
    restarted: false,
    message: null,
    ...overrides,
  };
}

describe('describeStatus', () => {
  it('tells Python is starting, then ready', () => {
    expect(describeStatus({ phase: 'downloading', loaded: 5, total: 10 }, IDLE)).toBe(
      'Starting Python…',
    );
    expect(describeStatus({ phase: 'starting' }, IDLE)).toBe('Starting Python…');
    expect(describeStatus({ phase: 'ready' }, IDLE)).toBe('Ready');
  });

  it('says Python is starting while a run waits for it', () => {
    expect(describeStatus({ phase: 'starting' }, { ...IDLE, running: true })).toBe(
      'Starting Python…',
    );
    expect(describeStatus({ phase: 'running', runId: 'run-1' }, { ...IDLE, running: true })).toBe(
      'Running…',
    );
  });

  it('sums up a finished run', () => {
    expect(describeStatus({ phase: 'ready' }, { ...IDLE, result: finished() })).toBe(
      'Finished: 0.0 s of virtual time, 13 ms on this machine',
    );
    const failed = finished({
      summary: { outcome: 'error', exitCode: 1, virtualTime: 3, wallMs: 2, events: 9 },
    });
    expect(describeStatus({ phase: 'ready' }, { ...IDLE, result: failed })).toBe(
      'Finished with exit code 1: 3.0 s of virtual time, 2 ms on this machine',
    );
  });

  it('says a program with a syntax error did not start', () => {
    const result = finished({
      summary: {
        outcome: 'error',
        exitCode: 1,
        virtualTime: 0,
        wallMs: 1,
        events: 3,
        notStarted: true,
      },
    });
    expect(describeStatus({ phase: 'ready' }, { ...IDLE, result })).toBe(
      'The program did not start: it has a syntax error.',
    );
  });

  it('prefers the stop message, even while Python restarts', () => {
    const result = finished({ summary: null, stoppedBy: 'user', message: 'Stopped.' });
    expect(describeStatus({ phase: 'starting' }, { ...IDLE, result })).toBe('Stopped.');
  });

  it('shows the message of the limit that stopped a run', () => {
    const output = appendOutput(createOutputBuffer(), [
      { type: 'limit', kind: 'deadlock', message: 'Stopped: every task waits', t: 1 },
    ]);
    const result = finished({
      summary: { outcome: 'limit', exitCode: 1, virtualTime: 1, wallMs: 5, events: 4 },
    });
    expect(describeStatus({ phase: 'ready' }, { ...IDLE, output, result })).toBe(
      'Stopped: every task waits',
    );
  });

  it('says a run was interrupted when the program interrupted itself', () => {
    const output = appendOutput(createOutputBuffer(), [
      { type: 'limit', kind: 'interrupted', message: 'Stopped: the run was interrupted', t: 0 },
    ]);
    const result = finished({
      summary: { outcome: 'interrupted', exitCode: 1, virtualTime: 0, wallMs: 5, events: 4 },
    });
    expect(describeStatus({ phase: 'ready' }, { ...IDLE, output, result })).toBe(
      'Stopped: the run was interrupted',
    );
  });
});

describe('describeMistakes', () => {
  it('warns of the first mistake in one line, counting the others', () => {
    expect(describeMistakes([])).toBeNull();
    expect(describeMistakes([{ what: 'a blocking call froze the loop', line: 12 }])).toBe(
      '⚠ A blocking call froze the loop at line 12: see the summary under the timeline.',
    );
    expect(
      describeMistakes([
        { what: "a task's exception was never retrieved", line: null },
        { what: 'a blocking call froze the loop', line: 3 },
      ]),
    ).toBe(
      "⚠ A task's exception was never retrieved (and 1 more): see the summary under the timeline.",
    );
  });
});

describe('describePythonProgress', () => {
  it('measures the download when its size is known', () => {
    expect(
      describePythonProgress({ phase: 'downloading', loaded: 3_140_000, total: 12_000_000 }),
    ).toEqual({
      name: 'Downloading Python',
      caption: 'Step 1 of 2: downloading, 3.1 of 12.0 MB',
      bytes: { loaded: 3_140_000, total: 12_000_000 },
      amount: '3.1 of 12.0 MB',
    });
  });

  it('counts what came without measuring it when the size is unknown', () => {
    expect(
      describePythonProgress({ phase: 'downloading', loaded: 2_500_000, total: null }),
    ).toEqual({
      name: 'Downloading Python',
      caption: 'Step 1 of 2: downloading, 2.5 MB so far',
      bytes: null,
      amount: '2.5 MB so far',
    });
    expect(describePythonProgress({ phase: 'downloading', loaded: null, total: null })).toEqual({
      name: 'Downloading Python',
      caption: 'Step 1 of 2: downloading',
      bytes: null,
      amount: null,
    });
  });

  it('has no measure while Python starts', () => {
    expect(describePythonProgress({ phase: 'starting' })).toEqual({
      name: 'Starting Python',
      caption: 'Step 2 of 2: starting the interpreter',
      bytes: null,
      amount: null,
    });
  });

  it('is gone once Python has started, or failed to', () => {
    expect(describePythonProgress({ phase: 'ready' })).toBeNull();
    expect(describePythonProgress({ phase: 'running', runId: 'run-1' })).toBeNull();
    expect(describePythonProgress({ phase: 'failed', message: 'no wasm' })).toBeNull();
  });
});
