/**
 * The postMessage API between an embed and the page that hosts it, version 1
 * (docs/embedding.md). Every message is an object with `loopscope: 1` and a
 * `type`. The embed talks only to the origin its `host` option names, and
 * takes messages only from it; every message is checked here, and what is
 * not one of these is ignored.
 *
 * Host → embed: `setCode` (replace the program), `run`, `stop`.
 * Embed → host: `ready` (the embed can take messages), `resize` (its
 * content's height; sent to any page, it says nothing else), `runEnded`
 * (output and summary), `checkResult` (an exercise's verdict).
 */
import type { CheckVerdict, RunSummary } from '../../runtime/host/runtimeTypes';

export const EMBED_API_VERSION = 1;

/** The longest program `setCode` takes, in characters. */
export const MAX_CODE_CHARS = 1_000_000;
/** At most this many output lines go to the host with `runEnded`, and this many characters each. */
export const MAX_REPORTED_LINES = 1000;
export const MAX_REPORTED_LINE_CHARS = 1000;

export type HostMessage =
  | { readonly type: 'setCode'; readonly code: string }
  | { readonly type: 'run' }
  | { readonly type: 'stop' };

export type EmbedMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'resize'; readonly height: number }
  | {
      readonly type: 'runEnded';
      /** Output lines, at most MAX_REPORTED_LINES (`truncated` says when there were more). */
      readonly output: readonly { readonly stream: 'stdout' | 'stderr'; readonly text: string }[];
      readonly truncated: boolean;
      /** The run's summary; null when it never reached an end in Python (stopped, restarted). */
      readonly summary: Pick<RunSummary, 'outcome' | 'exitCode' | 'virtualTime'> | null;
      /** What the page said about how it ended, when it was stopped or failed. */
      readonly message: string | null;
    }
  | {
      readonly type: 'checkResult';
      readonly lesson: string;
      readonly exercise: string;
      readonly passed: boolean;
      readonly message: string;
    };

/** A host's message, checked; null for anything else (ignored). */
export function readHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { loopscope, type, code } = data as Record<string, unknown>;
  if (loopscope !== EMBED_API_VERSION) return null;
  switch (type) {
    case 'setCode':
      return typeof code === 'string' && code.length <= MAX_CODE_CHARS ? { type, code } : null;
    case 'run':
    case 'stop':
      return { type };
    default:
      return null;
  }
}

/** `message` as it is posted: with the API's version. */
export function wireMessage(message: EmbedMessage): EmbedMessage & { readonly loopscope: 1 } {
  return { loopscope: EMBED_API_VERSION, ...message };
}

/** A check's verdict as the host hears it. */
export function checkResultMessage(
  lesson: string,
  exercise: string,
  verdict: CheckVerdict,
): EmbedMessage {
  return {
    type: 'checkResult',
    lesson,
    exercise,
    passed: verdict.passed,
    message: verdict.message,
  };
}
