/**
 * Makes the memory snapshot the browser starts Python from (snapshotKey.ts):
 * Pyodide booted in Node with the runtime installed and imported, saved
 * before any program has run. Node and the browser run the same wasm, so the
 * browser's worker loads it as it is (docs/ARCHITECTURE.md, "Starting from a
 * snapshot"). Takes a few seconds; called by the Vite plugin once per build.
 */
import { gzipSync } from 'node:zlib';
import { version } from 'pyodide';
import { makeSnapshotBytes, readRuntimeSources } from './nodePython.ts';
import { withoutHoles } from './snapshotHoles.ts';
import { snapshotFileName, snapshotKey } from './snapshotKey.ts';

export interface Snapshot {
  /** Its file name under `<base>pyodide/`. */
  readonly fileName: string;
  /** The snapshot as its file holds it (snapshotHoles.ts), gzip-compressed (a fifth of its 30 MB). */
  readonly gzipped: Uint8Array;
}

/** The name of the snapshot of the runtime's files as they are now. */
export function currentSnapshotFileName(): string {
  return snapshotFileName(snapshotKey(version, readRuntimeSources()));
}

export async function makeSnapshot(): Promise<Snapshot> {
  const { key, bytes } = await makeSnapshotBytes();
  return { fileName: snapshotFileName(key), gzipped: packSnapshot(bytes) };
}

/** An interpreter's memory as the snapshot's file holds it. */
export function packSnapshot(memory: Uint8Array): Uint8Array {
  return gzipSync(withoutHoles(memory));
}
