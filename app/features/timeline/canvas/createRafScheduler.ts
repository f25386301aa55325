/**
 * One redraw per animation frame, however many times it is asked for
 * between two frames (Perfetto's RafScheduler, in small).
 */
export interface RafScheduler {
  /** Asks for `paint` before the next frame. */
  schedule(): void;
  /** Drops a pending paint (the canvas is going away). */
  cancel(): void;
}

export function createRafScheduler(paint: () => void): RafScheduler {
  let pending: number | null = null;
  return {
    schedule() {
      if (pending !== null) return;
      pending = requestAnimationFrame(() => {
        pending = null;
        paint();
      });
    },
    cancel() {
      if (pending !== null) cancelAnimationFrame(pending);
      pending = null;
    },
  };
}
