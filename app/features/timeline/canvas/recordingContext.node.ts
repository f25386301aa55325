/** A stand-in 2D context for tests: it draws nothing and records what was drawn. */

export interface RecordingContext {
  readonly ctx: CanvasRenderingContext2D;
  /** Every text drawn with fillText, in order. */
  readonly texts: string[];
  /** How many times each method was called. */
  readonly calls: Map<string, number>;
}

/** Texts measure 6 pixels a character. */
export function recordingContext(): RecordingContext {
  const texts: string[] = [];
  const calls = new Map<string, number>();
  const state: Record<string | symbol, unknown> = { font: '10px sans-serif' };
  const ctx = new Proxy(state, {
    get(target, property) {
      if (property in target) return target[property];
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        if (property === 'fillText') texts.push(String(args[0]));
        if (property === 'measureText') return { width: String(args[0]).length * 6 };
        return undefined;
      };
    },
    set(target, property, value) {
      target[property] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, texts, calls };
}
