/**
 * Which memory snapshot fits this build. A snapshot (made by
 * `nodeSnapshot.ts`, loaded by the sandbox worker) holds an interpreter with
 * the runtime already imported, so it fits one Pyodide build and one version
 * of the runtime's Python files: its key covers both, and its file name
 * carries the key. The worker computes the key from what it was built with
 * and fetches only that file; the key recorded inside the snapshot is
 * checked again once it has loaded.
 *
 * Plain TypeScript: used by the Vite plugin (Node) and the worker alike.
 */
import { fingerprint } from '../../shared/fingerprint.ts';
import type { RuntimeSources } from './pythonRuntime.ts';

/**
 * Changes whenever what a snapshot holds changes for another reason than the
 * Pyodide version or the runtime's files (what `nodeSnapshot.ts` imports,
 * say), or how its file lays it out (snapshotHoles.ts).
 */
const RECIPE = 2;

/** The key of the snapshot for this Pyodide version and these runtime files. */
export function snapshotKey(pyodideVersion: string, sources: RuntimeSources): string {
  const parts = [`recipe ${RECIPE}`, `pyodide ${pyodideVersion}`];
  for (const path of [...sources.keys()].sort()) {
    parts.push(`${path}\u0000${sources.get(path) ?? ''}`);
  }
  return fingerprint(parts.join('\u0001'));
}

/** The snapshot's file, gzip-compressed, beside Pyodide's own files (`<base>pyodide/`). */
export function snapshotFileName(key: string): string {
  return `snapshot-${key}.bin.gz`;
}
