import { useSyncExternalStore } from 'react';
import type { SandboxClient, SandboxStatus } from '../../runtime/createSandboxClient';

/** Python's state, re-rendering when it changes. */
export function useSandboxStatus(sandbox: SandboxClient): SandboxStatus {
  return useSyncExternalStore(sandbox.status.subscribe, sandbox.status.getSnapshot);
}
