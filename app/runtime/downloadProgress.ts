/**
 * The sandbox worker's download progress: how many bytes of Python's large
 * files have arrived, and a plain message when one cannot be downloaded.
 */
import { requestFileName } from './host/requestFileName';
import type { FailedMessage, StatusMessage } from './protocol';

/** Least time between two download progress messages. */
const PROGRESS_INTERVAL_MS = 100;

/** The files a load downloads that the progress counts. */
export interface ProgressFiles {
  /** The large downloads, by file name: their bytes are counted. */
  readonly large: readonly string[];
  /** Downloads that may fail: the caller does without them. */
  readonly optional: readonly string[];
}

/** Content-Length counts encoded bytes; a stream yields decoded ones. */
function decodedSize(response: Response): number | null {
  if (response.headers.get('Content-Encoding')) return null;
  const length = Number(response.headers.get('Content-Length'));
  return length > 0 ? length : null;
}

function notDownloaded(name: string, what: string): string {
  return `Python could not be downloaded: ${name} ${what}. Check the connection, then press Run to try again.`;
}

/**
 * Calls `load` while counting the bytes of its large downloads, and sends
 * their progress.
 *
 * Pyodide has no hook for its wasm download, so `fetch` is wrapped for the
 * duration of the load. The wrapper reads a clone of each large response and
 * hands Pyodide the original untouched, so it still compiles the wasm while
 * streaming and the browser's code cache still applies: one download, not two.
 *
 * Nothing is sent once the load is over, even if a count goes on (a worker
 * handed a compiled wasm never reads the wasm it fetched): by then the worker
 * said it was ready, and a startup message after that is not the runtime's.
 */
export async function withDownloadProgress<T>(
  { large, optional }: ProgressFiles,
  send: (message: StatusMessage | FailedMessage) => void,
  load: () => Promise<T>,
): Promise<T> {
  const originalFetch = globalThis.fetch;
  const sizes = new Map<string, number | null>();
  const finished = new Set<string>();
  let loaded = 0;
  let lastReport = 0;
  let lastReported = -1;
  let over = false;

  const report = (force: boolean): void => {
    const now = performance.now();
    if (over || loaded === lastReported || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) {
      return;
    }
    lastReport = now;
    lastReported = loaded;
    const known = [...sizes.values()];
    const total =
      known.length === large.length && known.every((size) => size !== null)
        ? known.reduce((sum, size) => sum + size, 0)
        : null;
    send({ type: 'status', phase: 'downloading', loaded, ...(total === null ? {} : { total }) });
  };

  const count = async (name: string, body: ReadableStream<Uint8Array>): Promise<void> => {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      report(false);
    }
    finished.add(name);
    if (finished.size === large.length && !over) {
      report(true);
      send({ type: 'status', phase: 'starting' });
    }
  };

  globalThis.fetch = async (input, init) => {
    const name = requestFileName(input);
    // Pyodide waits forever when one of its files fails (seen with a 404
    // wasm): the page hears of it from here instead.
    const required = !optional.includes(name);
    const response = await originalFetch(input, init).catch((error: unknown) => {
      if (required) send({ type: 'failed', message: notDownloaded(name, 'could not be fetched') });
      throw error;
    });
    if (!response.ok && required) {
      const answer = `${response.status} ${response.statusText}`.trim();
      send({ type: 'failed', message: notDownloaded(name, `answered ${answer}`) });
    }
    if (large.includes(name) && response.ok && response.body && !sizes.has(name)) {
      sizes.set(name, decodedSize(response));
      const body = response.clone().body;
      // A failed count only costs the progress bar; Pyodide reports real failures.
      if (body) count(name, body).catch(() => undefined);
    }
    return response;
  };
  try {
    return await load();
  } finally {
    over = true;
    globalThis.fetch = originalFetch;
  }
}
