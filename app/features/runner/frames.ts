/**
 * How the runner waits for the screen's next frame before showing new
 * output. Tests pass their own, to run the frames when they choose.
 */
export interface FrameOptions {
  /** Calls `callback` before the next frame is drawn; returns a handle for `cancelFrame`. */
  readonly requestFrame?: (callback: () => void) => unknown;
  readonly cancelFrame?: (frame: unknown) => void;
}

/** The options' frames, or the browser's animation frames where none are given. */
export function framesOf(options: FrameOptions): Required<FrameOptions> {
  return {
    requestFrame:
      options.requestFrame ??
      ((callback) =>
        requestAnimationFrame(() => {
          callback();
        })),
    cancelFrame:
      options.cancelFrame ??
      ((frame) => {
        cancelAnimationFrame(frame as number);
      }),
  };
}
