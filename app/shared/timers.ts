/**
 * The timers a store slice schedules work with (a delayed save, a throttled
 * redraw). Tests pass their own, to run the callbacks when they choose.
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
