/**
 * What the timeline benchmark installs in a page before the page's own
 * scripts run (`page.addInitScript(installFrameProbe, TIMELINE_CANVAS)`), on
 * its harness and on the built site alike: it counts the timeline canvas's
 * draws, by wrapping two CanvasRenderingContext2D methods every paint calls,
 * and tells when a frame has ended. The app itself carries no
 * instrumentation.
 *
 * "The end of a frame": a message posted from a requestAnimationFrame
 * callback is handled after that frame's rendering (style, layout, paint)
 * is done on the main thread.
 */

/** The timeline canvas's accessible name (TimelineView.tsx). */
export const TIMELINE_CANVAS = 'Timeline canvas';

export interface FrameProbe {
  /** `clearRect` and `fillRect` calls on the timeline canvas so far: a frame that adds to it drew. */
  readonly draws: number;
  /** performance.now() at the end of the next frame. */
  endOfFrame(): Promise<number>;
  /**
   * From the next frame on, calls `onDrawn` with performance.now() at the end
   * of every frame in which the canvas drew, until it returns false.
   */
  watchDrawnFrames(onDrawn: (end: number) => boolean): void;
  /** performance.now() at the end of the first frame from now on in which the canvas drew. */
  endOfDrawnFrame(): Promise<number>;
}

/** Where the probe is found on `window`. */
export function frameProbe(): FrameProbe {
  return (window as unknown as { __timelineFrameProbe: FrameProbe }).__timelineFrameProbe;
}

// Serialized into the page: no named inner functions or arrow-function
// variables, which tsx would wrap in a `__name` helper the page lacks.
/** Installs the probe on `window` (see FrameProbe). */
export function installFrameProbe(canvasLabel: string): void {
  const probe = { draws: 0 } as {
    -readonly [K in keyof FrameProbe]: FrameProbe[K];
  };
  const context = CanvasRenderingContext2D.prototype;
  for (const method of ['clearRect', 'fillRect'] as const) {
    // Called below with the context it belongs to.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const original = context[method];
    context[method] = function (this: CanvasRenderingContext2D, x, y, width, height) {
      if (this.canvas.getAttribute('aria-label') === canvasLabel) probe.draws += 1;
      original.call(this, x, y, width, height);
    };
  }
  probe.endOfFrame = () =>
    new Promise((done) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          done(performance.now());
        };
        channel.port2.postMessage(null);
      });
    });
  probe.watchDrawnFrames = (onDrawn) => {
    // Asked for again inside each callback, so that no frame is missed.
    const watch = { seen: probe.draws, stopped: false } as {
      seen: number;
      stopped: boolean;
      frame: () => void;
    };
    watch.frame = () => {
      if (watch.stopped) return;
      requestAnimationFrame(watch.frame);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (watch.stopped || probe.draws === watch.seen) return;
        watch.seen = probe.draws;
        watch.stopped = !onDrawn(performance.now());
      };
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(watch.frame);
  };
  probe.endOfDrawnFrame = () =>
    new Promise((done) => {
      probe.watchDrawnFrames((end) => {
        done(end);
        return false;
      });
    });
  (window as unknown as { __timelineFrameProbe: FrameProbe }).__timelineFrameProbe = probe;
}
