/**
 * Turns trace events into what the Output panel shows. Pure: no React, no DOM.
 */
import type { TraceEvent } from '../../runtime/traceSchema';

/** A stretch of text from one stream. */
export interface OutputChunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** What a run has shown so far. */
export interface CollectedOutput {
  /** Output in order; neighbouring text of the same stream is merged. */
  readonly chunks: readonly OutputChunk[];
  /** The message of the limit that stopped the run, if one did. */
  readonly limitMessage: string | null;
}

export const NO_OUTPUT: CollectedOutput = { chunks: [], limitMessage: null };

/** Adds one batch of events to what was collected; returns new objects, never mutates. */
export function collectOutput(
  collected: CollectedOutput,
  events: readonly TraceEvent[],
): CollectedOutput {
  const chunks = [...collected.chunks];
  let limitMessage = collected.limitMessage;
  for (const event of events) {
    if (event.type === 'output') {
      const last = chunks.at(-1);
      if (last?.stream === event.stream) {
        chunks[chunks.length - 1] = { stream: event.stream, text: last.text + event.text };
      } else {
        chunks.push({ stream: event.stream, text: event.text });
      }
    } else if (event.type === 'limit') {
      limitMessage = event.message;
    }
  }
  return { chunks, limitMessage };
}
