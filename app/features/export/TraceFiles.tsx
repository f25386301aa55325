import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { downloadText } from '../../platform/download';
import type { TraceEvent } from '../../runtime/traceSchema';
import { toChromeTrace } from './chromeTrace';
import { describeReplay, readSavedTrace, savedTraceTooLarge, toSavedTrace } from './savedTrace';
import './export.css';

/** What the trace files need of the page's store (the timeline's and the runner's parts). */
export interface TraceFilesState {
  /** The last run's trace, as the timeline holds it. */
  readonly timeline: { readonly events: readonly TraceEvent[] } | null;
  readonly running: boolean;
  /** Shows a saved run as if it had just run, without running anything. */
  replayTrace(events: readonly TraceEvent[], message: string): void;
}

export type TraceFilesStore = StoreApi<TraceFilesState>;

/** The file names of the downloads. */
export const SAVED_TRACE_FILE = 'loopscope-trace.jsonl';
export const CHROME_TRACE_FILE = 'loopscope-trace.json';

interface TraceFilesProps {
  readonly store: TraceFilesStore;
  /** The timeline, which a trace file can also be dropped on. */
  readonly children: ReactNode;
  /** More of the run's files, beside the downloads once a run is over (the timeline's "Save image…"). */
  readonly tools?: ReactNode;
}

const holdsFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files');

/**
 * The run's trace as files: downloaded as a saved trace or for Perfetto once
 * the run is over (however it ended), and a saved trace opened (or dropped on the timeline) and
 * replayed without running anything.
 */
export function TraceFiles({ store, children, tools }: TraceFilesProps) {
  const running = useStore(store, (state) => state.running);
  // Once a run is over, even one stopped before its end (a saved trace may be cut short).
  const saved = useStore(
    store,
    (state) => !state.running && (state.timeline?.events.length ?? 0) > 0,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const events = (): readonly TraceEvent[] => store.getState().timeline?.events ?? [];
  const open = async (file: File): Promise<void> => {
    const tooLarge = savedTraceTooLarge(file.size);
    const reading = tooLarge === null ? readSavedTrace(await file.text()) : null;
    if (reading === null || !reading.ok) {
      setProblem(`${file.name} was not opened. ${reading?.message ?? tooLarge ?? ''}`);
      return;
    }
    setProblem(null);
    store.getState().replayTrace(reading.events, describeReplay(file.name, reading.events));
  };

  return (
    <div
      className="trace-files"
      data-dropping={dropping}
      onDragOver={(event) => {
        if (!holdsFiles(event) || running) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(event) => {
        // Moving over the timeline's own parts is not leaving it.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(event) => {
        setDropping(false);
        const file = event.dataTransfer.files[0];
        if (file === undefined || running) return;
        event.preventDefault();
        void open(file);
      }}
    >
      <div className="trace-files-bar" role="group" aria-label="Trace file">
        {saved && (
          <>
            <button
              type="button"
              onClick={() => {
                downloadText(SAVED_TRACE_FILE, toSavedTrace(events()), 'application/x-ndjson');
              }}
            >
              Download trace
            </button>
            <button
              type="button"
              title="Chrome Trace Event JSON, for ui.perfetto.dev or chrome://tracing"
              onClick={() => {
                const trace = toChromeTrace(events());
                downloadText(CHROME_TRACE_FILE, JSON.stringify(trace), 'application/json');
              }}
            >
              Export for Perfetto
            </button>
            {tools}
          </>
        )}
        <button
          type="button"
          disabled={running}
          onClick={() => {
            picker.current?.click();
          }}
        >
          Open trace file…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".jsonl,.ndjson,.txt,application/x-ndjson,text/plain"
          aria-label="Trace file to open"
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // The same file chosen again is a change too.
            event.currentTarget.value = '';
            if (file !== undefined) void open(file);
          }}
        />
      </div>
      {problem !== null && (
        <p role="alert" className="trace-files-error">
          {problem}
        </p>
      )}
      {children}
    </div>
  );
}
