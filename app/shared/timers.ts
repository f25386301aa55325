/**
 * The timers a store slice schedules work with (a delayed save, a throttled
 * redraw, the screen's next frame). Tests pass their own, to run the
 * callbacks when they choose.
 */
export interface TimerOptions {
  readonly setTimer?: (callback: () => void, milliseconds: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

/** The options' timers, or the browser's where none are given. */
export function timersOf(options: TimerOptions): Required<TimerOptions> {
  return {
    setTimer: options.setTimer ?? ((callback, milliseconds) => setTimeout(callback, milliseconds)),
    clearTimer:
      options.clearTimer ??
      ((timer) => {
        clearTimeout(timer as ReturnType<typeof setTimeout>);
      }),
  };
}

/** How a slice waits for the screen's next frame before showing new work. */
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
