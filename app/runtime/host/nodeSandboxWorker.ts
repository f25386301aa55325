/**
 * The Node sandbox's worker thread: loads Python, confines the thread
 * (nodeConfinement.ts), then runs the one program the host sends, posting its
 * batches and its ending. The host terminates this thread after that run, or
 * at any moment before; nothing here needs to survive it. Must not import DOM
 * or React modules.
 */
import { workerData } from 'node:worker_threads';
import { confine } from './nodeConfinement';
import { loadPython } from './nodePython';
import type {
  SandboxRunMessage,
  SandboxWorkerData,
  SandboxWorkerMessage,
} from './nodeSandboxProtocol';

const { port, signal, interrupt, wasm } = workerData as SandboxWorkerData;
const posted = new Int32Array(signal);

function post(message: SandboxWorkerMessage): void {
  port.postMessage(message);
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
}

/** The first line of what a broken interpreter threw, for the host's one-line message. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n', 1)[0] ?? text;
}

async function serve(): Promise<void> {
  const python = await loadPython('snapshot', wasm);
  python.listenForInterrupts(new Int32Array(interrupt));
  confine(python);
  python.guard();
  port.once('message', ({ request }: SandboxRunMessage) => {
    try {
      const summary = python.run(request, (batch) => {
        post({ type: 'batch', batch });
      });
      post({ type: 'done', summary });
    } catch (error) {
      post({ type: 'failed', reason: reasonOf(error) });
    }
  });
  post({ type: 'ready' });
}

serve().catch((error: unknown) => {
  post({ type: 'failed', reason: reasonOf(error) });
});
