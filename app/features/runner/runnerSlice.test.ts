import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { RunResult } from '../../runtime/createSandboxClient';
import { scriptedSandbox } from '../../runtime/scriptedSandbox';
import type { TraceEvent } from '../../runtime/traceSchema';
import type { FrameOptions } from '../../shared/timers';
import { outputAsText } from './outputLines';
import { createTextStorage } from '../../platform/browserStorage';
import { memoryStorage } from '../../platform/memoryStorage';
import { SAVE_DELAY_MS } from '../../shared/textKeeper';
import { createRunnerSlice, PROGRAM_FILENAME, STDIN_KEY } from './runnerSlice';

function printed(text: string, t = 0): TraceEvent {
  return { type: 'output', stream: 'stdout', text, task: null, thread: null, chain: [], t };
}

/** Animation frames that come when the test says so. */
function manualFrames(): FrameOptions & { drawFrame(): void; pending(): number } {
  let frames = new Map<number, () => void>();
  let last = 0;
  return {
    requestFrame(callback) {
      frames.set(++last, callback);
      return last;
    },
    cancelFrame(frame) {
      frames.delete(frame as number);
    },
    drawFrame() {
      const due = frames;
      frames = new Map();
      for (const callback of due.values()) callback();
    },
    pending: () => frames.size,
  };
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
    const frames = manualFrames();
    const store = createStore(createRunnerSlice(sandbox, undefined, frames));
    const done = store.getState().run('print("hi")\n');
    expect(store.getState().running).toBe(true);
    expect(runs[0]?.request).toEqual({
      source: 'print("hi")\n',
      filename: PROGRAM_FILENAME,
      stdin: '',
    });

    const before = store.getState().outputVersion;
    runs[0]?.send([printed('hi\n')]);
    frames.drawFrame();
    expect(store.getState().outputVersion).not.toBe(before);
    expect(outputAsText(store.getState().output)).toBe('hi\n');

    runs[0]?.end(FINISHED);
    await done;
    expect(store.getState().running).toBe(false);
    expect(store.getState().result).toBe(FINISHED);
  });

  it('tells the views of a flood of batches once per frame, the last ones included', async () => {
    const { sandbox, runs } = scriptedSandbox();
    const frames = manualFrames();
    const store = createStore(createRunnerSlice(sandbox, undefined, frames));
    const done = store.getState().run('for i in range(5): print(i)\n');
    const versions: number[] = [];
    store.subscribe((state, previous) => {
      if (state.outputVersion !== previous.outputVersion) versions.push(state.outputVersion);
    });

    runs[0]?.send([printed('0\n')]);
    runs[0]?.send([printed('1\n')]);
    runs[0]?.send([printed('2\n')]);
    expect(versions).toEqual([]);
    expect(frames.pending()).toBe(1);
    frames.drawFrame();
    expect(versions).toHaveLength(1);
    expect(outputAsText(store.getState().output)).toBe('0\n1\n2\n');
    expect(store.getState().shownLines).toBe(3);

    // What came since the last frame is shown in the frame after the run's
    // end, not in the same task as everything else the end redraws.
    runs[0]?.send([printed('3\n')]);
    runs[0]?.send([printed('4\n')]);
    runs[0]?.end(FINISHED);
    await done;
    expect(store.getState().running).toBe(false);
    expect(versions).toHaveLength(1);
    expect(store.getState().shownLines).toBe(3);
    expect(frames.pending()).toBe(1);
    frames.drawFrame();
    expect(store.getState().shownLines).toBe(5);
    expect(versions).toHaveLength(2);
    expect(versions.at(-1)).toBe(store.getState().output.version);
    expect(frames.pending()).toBe(0);
  });

  it('hands every batch to the observer as it arrives, without waiting for a frame', () => {
    const { sandbox, runs } = scriptedSandbox();
    const batches: (readonly TraceEvent[])[] = [];
    const observer = {
      runStarted: () => undefined,
      traceArrived: (b: readonly TraceEvent[]) => batches.push(b),
    };
    const store = createStore(createRunnerSlice(sandbox, observer, manualFrames()));
    void store.getState().run('print(1)\n');
    runs[0]?.send([printed('1\n')]);
    runs[0]?.send([printed('2\n')]);
    expect(batches).toHaveLength(2);
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
    const store = createStore(createRunnerSlice(sandbox, undefined, manualFrames()));
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

  it('replays a saved run without the sandbox: its output, its trace to the observer, its end', () => {
    const { sandbox, runs } = scriptedSandbox();
    const batches: (readonly TraceEvent[])[] = [];
    let started = 0;
    const observer = {
      runStarted: () => (started += 1),
      traceArrived: (b: readonly TraceEvent[]) => batches.push(b),
    };
    const store = createStore(createRunnerSlice(sandbox, observer, manualFrames()));
    const events: TraceEvent[] = [
      printed('saved\n'),
      { type: 'run.end', outcome: 'ok', exitCode: 0, virtualTime: 2, wallMs: 0, events: 2 },
    ];
    store.getState().replayTrace(events, 'Replayed a trace file: t.jsonl. Nothing ran.');
    expect(runs).toHaveLength(0);
    expect([started, batches]).toEqual([1, [events]]);
    const state = store.getState();
    expect(outputAsText(state.output)).toBe('saved\n');
    expect(state.shownLines).toBe(1);
    expect(state.running).toBe(false);
    expect(state.result).toEqual({
      summary: { outcome: 'ok', exitCode: 0, virtualTime: 2, wallMs: 0, events: 2 },
      stoppedBy: null,
      restarted: false,
      message: 'Replayed a trace file: t.jsonl. Nothing ran.',
    });
  });

  it('does not replay over a run going on', () => {
    const { sandbox } = scriptedSandbox();
    const store = createStore(createRunnerSlice(sandbox, undefined, manualFrames()));
    void store.getState().run('a');
    store.getState().replayTrace([printed('saved\n')], 'Replayed');
    expect(outputAsText(store.getState().output)).toBe('');
    expect(store.getState().result).toBeNull();
  });

  it('passes Stop to the sandbox', () => {
    const { sandbox, stops } = scriptedSandbox();
    const store = createStore(createRunnerSlice(sandbox));
    store.getState().stop();
    expect(stops()).toBe(1);
  });
});

describe("the Input box's text", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** The runner alone, keeping its input in `storage`. */
  function runnerKeepingIn(storage: Storage | null, sandbox = scriptedSandbox().sandbox) {
    return createStore(
      createRunnerSlice(sandbox, undefined, { storage: createTextStorage(storage) }),
    );
  }

  it('is kept, so the next visit runs with it; emptied, it is forgotten', async () => {
    const storage = memoryStorage();
    const first = runnerKeepingIn(storage);
    first.getState().setStdin('Ada\nGrace\n');
    vi.runAllTimers();

    const { sandbox, runs } = scriptedSandbox();
    const next = runnerKeepingIn(storage, sandbox);
    expect(next.getState().stdin).toBe('Ada\nGrace\n');
    const done = next.getState().run('name = input()\n');
    expect(runs[0]?.request.stdin).toBe('Ada\nGrace\n');
    runs[0]?.end(FINISHED);
    await done;

    next.getState().setStdin('');
    vi.runAllTimers();
    expect(storage.getItem(STDIN_KEY)).toBeNull();
    expect(next.getState().stdinKeeping).toBe('kept');
  });

  it('is saved shortly after typing stops, not on every keystroke, or at once when flushed', () => {
    const storage = memoryStorage();
    const runner = runnerKeepingIn(storage);
    runner.getState().setStdin('A');
    runner.getState().setStdin('Ad');
    expect(storage.getItem(STDIN_KEY)).toBeNull();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(storage.getItem(STDIN_KEY)).toBe('Ad');

    runner.getState().setStdin('Ada');
    runner.getState().flushStdin();
    expect(storage.getItem(STDIN_KEY)).toBe('Ada');
  });

  it('says when storage is full, keeps the text for the run, and recovers when it fits', () => {
    const { sandbox, runs } = scriptedSandbox();
    const runner = runnerKeepingIn(memoryStorage(10), sandbox);
    expect(runner.getState().stdinKeeping).toBe('kept');
    runner.getState().setStdin('x'.repeat(50));
    vi.runAllTimers();
    expect(runner.getState().stdinKeeping).toBe('full');
    void runner.getState().run('input()\n');
    expect(runs[0]?.request.stdin).toBe('x'.repeat(50));

    runner.getState().setStdin('short');
    vi.runAllTimers();
    expect(runner.getState().stdinKeeping).toBe('kept');
  });

  it('says when the browser keeps nothing, and still feeds the run', () => {
    const { sandbox, runs } = scriptedSandbox();
    const runner = runnerKeepingIn(null, sandbox);
    expect(runner.getState().stdinKeeping).toBe('unavailable');
    runner.getState().setStdin('Ada\n');
    vi.runAllTimers();
    runner.getState().setStdin('');
    vi.runAllTimers();
    expect(runner.getState().stdinKeeping).toBe('unavailable');
    runner.getState().setStdin('Bob\n');
    runner.getState().flushStdin();
    expect(runner.getState().stdinKeeping).toBe('unavailable');
    void runner.getState().run('input()\n');
    expect(runs[0]?.request.stdin).toBe('Bob\n');
  });
});
