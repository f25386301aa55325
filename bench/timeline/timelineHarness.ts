/**
 * The timeline benchmark's page (built by bench/timelineBench.ts with Vite's
 * `build()`): the real TimelineView over a model made by the real builder
 * from a generated trace, on the app's theme, and nothing else. The
 * benchmark drives it through `window.timelineHarness`; the frame probe
 * (frameProbe.ts) is installed before this module runs.
 *
 * Written without JSX so that tsconfig.node.json (which takes bench/**\/*.ts)
 * type-checks it; it is bundled for the browser, never run in Node.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { TimelineView } from '../../app/features/timeline/canvas/TimelineView';
import { createTimelineBuilder } from '../../app/features/timeline/model/timelineBuilder';
import type { TraceEvent } from '../../app/runtime/traceSchema';
import { syntheticTrace } from '../../tools/trace/syntheticTrace';
import { frameProbe, TIMELINE_CANVAS } from './frameProbe';
import '../../app/shell/app.css';

/** Events per batch, as the runtime posts them (BATCH_SIZE in trace.py). */
const BATCH_SIZE = 2048;

/** One synthetic wheel event: the deltas and keys attachTimelineInput.ts reads. */
export interface WheelStep {
  readonly deltaX: number;
  readonly deltaY: number;
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
}

export interface FirstPaint {
  /** The model built from every event, in the runtime's batches. */
  readonly modelMs: number;
  /** Before building the model to the end of the first frame in which the canvas drew. */
  readonly paintMs: number;
  readonly lanes: number;
  readonly steps: number;
}

export interface FrameTimes {
  /** Per frame: the start of its first animation-frame callback to its end. */
  readonly frameMs: readonly number[];
  /** How many of those frames the canvas drew in. */
  readonly drawn: number;
}

export interface TimelineHarness {
  /** Generates a trace of about `events` events (not timed); returns how many it has. */
  generate(events: number, tasks: number): number;
  /** Builds the model from the generated trace and mounts the view (see FirstPaint). */
  paint(): Promise<FirstPaint>;
  /**
   * One wheel event on the canvas's middle per frame, then that frame's
   * time. Each frame measured holds the paint of the wheel event dispatched
   * in the frame before and the dispatch of the next one, as when a wheel
   * turns once a frame.
   */
  frames(steps: readonly WheelStep[]): Promise<FrameTimes>;
  /** Dispatches one wheel event and waits for the frame that draws it (not timed). */
  wheel(step: WheelStep): Promise<void>;
}

let trace: TraceEvent[] | null = null;

function canvas(): HTMLCanvasElement {
  const found = document.querySelector(`canvas[aria-label="${TIMELINE_CANVAS}"]`);
  if (!(found instanceof HTMLCanvasElement)) throw new Error('the timeline canvas is missing');
  return found;
}

function dispatchWheel(target: HTMLCanvasElement, step: WheelStep): void {
  const box = target.getBoundingClientRect();
  target.dispatchEvent(
    new WheelEvent('wheel', {
      ...step,
      deltaMode: WheelEvent.DOM_DELTA_PIXEL,
      clientX: box.left + box.width / 2,
      clientY: box.top + box.height / 2,
      bubbles: true,
      cancelable: true,
    }),
  );
}

const harness: TimelineHarness = {
  generate(events, tasks) {
    trace = syntheticTrace({ events, tasks });
    return trace.length;
  },

  async paint() {
    const events = trace;
    if (events === null) throw new Error('generate a trace first');
    // The model keeps the events it needs; the harness lets go of its own list.
    trace = null;
    const root = document.getElementById('root');
    if (root === null) throw new Error('the harness page has no #root');
    const started = performance.now();
    const builder = createTimelineBuilder();
    for (let at = 0; at < events.length; at += BATCH_SIZE) {
      builder.append(events.slice(at, at + BATCH_SIZE));
    }
    const built = performance.now();
    const { model } = builder;
    const drawn = frameProbe().endOfDrawnFrame();
    createRoot(root).render(
      createElement(TimelineView, {
        model,
        version: model.version,
        theme: 'light',
        cursor: null,
        previous: null,
        showInternal: false,
        onShowInternal: () => undefined,
        onOpenLine: () => undefined,
        onSeek: () => undefined,
      }),
    );
    const painted = await drawn;
    return {
      modelMs: built - started,
      paintMs: painted - started,
      lanes: model.lanes.length,
      steps: model.steps.length,
    };
  },

  frames(steps) {
    const target = canvas();
    const probe = frameProbe();
    const frameMs: number[] = [];
    let drawn = 0;
    let next = 0;
    let started = NaN;
    let drawsAtStart = 0;
    const channel = new MessageChannel();
    return new Promise((done) => {
      // Registered before the wheel event, whose paint the scheduler then asks for: the frame's first callback.
      const start = (): void => {
        started = performance.now();
        drawsAtStart = probe.draws;
      };
      // The frame's last callback.
      const turn = (): void => {
        const step = steps[next];
        if (step !== undefined) {
          next += 1;
          requestAnimationFrame(start);
          dispatchWheel(target, step);
          requestAnimationFrame(turn);
        }
        channel.port2.postMessage(null);
      };
      channel.port1.onmessage = () => {
        if (!Number.isNaN(started)) {
          frameMs.push(performance.now() - started);
          if (probe.draws > drawsAtStart) drawn += 1;
        }
        if (frameMs.length === steps.length) {
          channel.port1.close();
          done({ frameMs, drawn });
        }
      };
      requestAnimationFrame(turn);
    });
  },

  async wheel(step) {
    const drawn = frameProbe().endOfDrawnFrame();
    dispatchWheel(canvas(), step);
    await drawn;
  },
};

(window as unknown as { timelineHarness: TimelineHarness }).timelineHarness = harness;
