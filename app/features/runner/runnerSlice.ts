/**
 * The runner's slice of the page's store: the current or last run and what it
 * printed. Its actions can be called outside React (and in tests).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { RunResult, SandboxClient } from '../../runtime/createSandboxClient';
import type { ExerciseCheck } from '../../runtime/host/runtimeTypes';
import type { TraceEvent } from '../../runtime/traceSchema';
import type { SliceCreator } from '../../shared/storeSlice';
import {
  createTextStorage,
  type SaveOutcome,
  type TextStorage,
} from '../../platform/browserStorage';
import { createTextKeeper, keepingOf, type KeepingState } from '../../shared/textKeeper';
import { framesOf, type FrameOptions, type TimerOptions } from '../../shared/timers';
import { appendOutput, createOutputBuffer, type OutputBuffer } from './outputLines';

/** The file name tracebacks show for the learner's program. */
export const PROGRAM_FILENAME = 'main.py';

export interface RunnerSlice {
  /** From Run until the run ends (includes waiting for Python to start). */
  readonly running: boolean;
  /** Output of the current or last run (grows in place; see outputLines.ts). */
  readonly output: OutputBuffer;
  /**
   * Changes when new output is to be shown, so that views re-render: at most
   * once per frame while a run streams in, the last lines included (see `run`).
   */
  readonly outputVersion: number;
  /**
   * How many of the output's lines the views show: the count when the
   * version last changed. The buffer grows in place between versions; a
   * view redrawn for another reason (playback, the run's end) draws these
   * lines, not more, so a flood's lines are laid out once a frame.
   */
  readonly shownLines: number;
  /** How the last run ended; null while running and before the first run. */
  readonly result: RunResult | null;
  /** What the program's `input()` and `sys.stdin` read, line by line. */
  readonly stdin: string;
  /** Whether the Input box's text is being kept for the next visit. */
  readonly stdinKeeping: KeepingState;
  /** Replaces the text the next run reads as its input; it is saved shortly after. */
  setStdin(text: string): void;
  /** Writes a pending change of the input now (the page is being hidden or closed). */
  flushStdin(): void;
  /**
   * Runs the program text (ignored while a run is going on); with a check,
   * the check's verdict comes in the result's summary.
   */
  run(source: string, check?: ExerciseCheck): Promise<void>;
  /** Stops the current run. */
  stop(): void;
  /**
   * Shows a run's whole trace (a saved trace file) as if it had just run,
   * without running anything: its output, the observer's timeline, and
   * `message` as the status (ignored while a run is going on).
   */
  replayTrace(events: readonly TraceEvent[], message: string): void;
}

/** Any store that holds the runner's slice (the components need no more). */
export type RunnerStore = StoreApi<RunnerSlice>;

/** Who else follows a run's trace (the shell connects the timeline here). */
export interface RunObserver {
  /** A run begins: whatever came from the previous one is over. */
  runStarted(): void;
  /** A batch of the run's trace, in order. */
  traceArrived(events: readonly TraceEvent[]): void;
}

const NO_OBSERVER: RunObserver = {
  runStarted: () => undefined,
  traceArrived: () => undefined,
};

/** Where the Input box's text is kept between visits. */
export const STDIN_KEY = 'loopscope:stdin';

/** What the runner depends on besides the sandbox (and, in tests, the timers it saves with). */
export interface RunnerOptions extends FrameOptions, TimerOptions {
  /**
   * Where the Input box's text is kept, so that a reload does not lose what
   * the learner typed; without it, nothing is kept.
   */
  readonly storage?: TextStorage;
}

/** Writes the Input box's text; an empty box leaves nothing to keep, so its key is forgotten. */
function keepStdin(storage: TextStorage, stdin: string): SaveOutcome {
  if (stdin !== '') return storage.save(STDIN_KEY, stdin);
  storage.remove(STDIN_KEY);
  return storage.available ? 'saved' : 'unavailable';
}

export function createRunnerSlice(
  sandbox: SandboxClient,
  observer: RunObserver = NO_OBSERVER,
  options: RunnerOptions = {},
): SliceCreator<RunnerSlice> {
  const { requestFrame } = framesOf(options);
  const storage = options.storage ?? createTextStorage(null);
  return (set, get) => {
    // A program that floods its output sends a batch every few
    // milliseconds, each its own task on the page: telling the views of
    // every one re-rendered the page many times a frame and left it no
    // time to answer the learner. The buffer takes each batch at once; the
    // views hear of it once, before the next frame is drawn.
    let frame: unknown = null;
    const showOutput = (): void => {
      frame = null;
      const { output } = get();
      set({ outputVersion: output.version, shownLines: output.lineCount });
    };
    const keeper = createTextKeeper(
      () => keepStdin(storage, get().stdin),
      (stdinKeeping) => {
        set({ stdinKeeping });
      },
      options,
    );
    return {
      running: false,
      output: createOutputBuffer(),
      outputVersion: 0,
      shownLines: 0,
      result: null,
      stdin: storage.load(STDIN_KEY) ?? '',
      stdinKeeping: keepingOf(storage),

      setStdin(stdin) {
        if (stdin === get().stdin) return;
        set({ stdin });
        keeper.changed();
      },

      flushStdin() {
        keeper.flush();
      },

      async run(source, check) {
        if (get().running) return;
        const output = createOutputBuffer();
        set({ running: true, output, outputVersion: output.version, shownLines: 0, result: null });
        observer.runStarted();
        let result: RunResult;
        try {
          const program = { source, filename: PROGRAM_FILENAME, stdin: get().stdin };
          const request = check === undefined ? program : { ...program, check };
          result = await sandbox.run(request, (events) => {
            appendOutput(output, events);
            frame ??= requestFrame(showOutput);
            observer.traceArrived(events);
          });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          result = { summary: null, stoppedBy: null, restarted: false, message };
        }
        // The last lines wait for the frame too: shown at once, the log's
        // scroll to them laid the page out in the same task as everything
        // else the run's end redraws (the summary, the table, the status).
        set({ running: false, result });
      },

      stop() {
        sandbox.stop();
      },

      replayTrace(events, message) {
        if (get().running) return;
        const output = createOutputBuffer();
        appendOutput(output, events);
        observer.runStarted();
        observer.traceArrived(events);
        // The summary a run's end would have given, from its last event.
        const end = events.at(-1);
        const summary =
          end?.type === 'run.end'
            ? {
                outcome: end.outcome,
                exitCode: end.exitCode,
                virtualTime: end.virtualTime,
                wallMs: end.wallMs,
                events: end.events,
              }
            : null;
        set({
          output,
          outputVersion: output.version,
          shownLines: output.lineCount,
          result: { summary, stoppedBy: null, restarted: false, message },
        });
      },
    };
  };
}
