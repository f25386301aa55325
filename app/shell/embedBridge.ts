/**
 * An embed's side of the postMessage API (features/embed/embedMessages.ts):
 * messages from the host page it was told to trust, and what it reports
 * back. Without a `host` option the embed takes no message and reports
 * nothing but its height.
 */
import {
  MAX_REPORTED_LINE_CHARS,
  MAX_REPORTED_LINES,
  readHostMessage,
  wireMessage,
  type EmbedMessage,
} from '../features/embed/embedMessages';
import type { AppStore } from './appStore';

export interface EmbedBridge {
  /** Sends a message to the host page (nothing without a trusted host, but `resize`). */
  post(message: EmbedMessage): void;
  /** Stops listening and reporting. */
  close(): void;
}

/**
 * Connects the embed in this window to its host page (`window.parent`),
 * trusting only `host` (an origin), or no one.
 */
export function connectEmbed(store: AppStore, host: string | null): EmbedBridge {
  const parent = window.parent === window ? null : window.parent;
  const post = (message: EmbedMessage): void => {
    if (parent === null) return;
    // The height says nothing of the learner's work: any page may hear it.
    if (message.type === 'resize') parent.postMessage(wireMessage(message), host ?? '*');
    else if (host !== null) parent.postMessage(wireMessage(message), host);
  };

  const onMessage = (event: MessageEvent<unknown>): void => {
    if (host === null || event.origin !== host || event.source !== parent) return;
    const message = readHostMessage(event.data);
    if (message === null) return;
    const state = store.getState();
    switch (message.type) {
      case 'setCode':
        state.edit(message.code);
        return;
      case 'run':
        if (!state.running) void state.run(state.source);
        return;
      case 'stop':
        state.stop();
        return;
    }
  };
  window.addEventListener('message', onMessage);

  const stopReporting = store.subscribe((state, previous) => {
    if (!previous.running || state.running) return;
    const { output, result } = state;
    const shown = Math.min(output.lineCount, MAX_REPORTED_LINES);
    const lines = Array.from({ length: shown }, (_, index) => {
      const line = output.line(index);
      return { stream: line.stream, text: line.text.slice(0, MAX_REPORTED_LINE_CHARS) };
    });
    const summary = result?.summary ?? null;
    post({
      type: 'runEnded',
      output: lines,
      truncated: output.lineCount > shown || output.droppedLines > 0,
      summary:
        summary === null
          ? null
          : {
              outcome: summary.outcome,
              exitCode: summary.exitCode,
              virtualTime: summary.virtualTime,
            },
      message: result?.message ?? null,
    });
  });

  const resizing = new ResizeObserver(() => {
    post({ type: 'resize', height: Math.ceil(document.documentElement.scrollHeight) });
  });
  resizing.observe(document.body);
  post({ type: 'ready' });

  return {
    post,
    close() {
      window.removeEventListener('message', onMessage);
      stopReporting();
      resizing.disconnect();
    },
  };
}
