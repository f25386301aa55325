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
import type { RuntimeSources } from './pythonRuntime';

/**
 * Changes whenever what a snapshot holds changes for another reason than the
 * Pyodide version or the runtime's files (what `nodeSnapshot.ts` imports,
 * say), or how its file lays it out (snapshotHoles.ts).
 */
const RECIPE = 2;

/** FNV-1a, 32 bits, over UTF-16 code units: a content fingerprint, not a defence. */
function fnv1a(text: string, hash: number): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The key of the snapshot for this Pyodide version and these runtime files. */
export function snapshotKey(pyodideVersion: string, sources: RuntimeSources): string {
  const parts = [`recipe ${RECIPE}`, `pyodide ${pyodideVersion}`];
  for (const path of [...sources.keys()].sort()) {
    parts.push(`${path}\u0000${sources.get(path) ?? ''}`);
  }
  // Two passes with different seeds: 64 bits, so unrelated builds do not collide.
  const text = parts.join('\u0001');
  const first = fnv1a(text, 0x811c9dc5);
  const second = fnv1a(text, first ^ 0x5bd1e995);
  return `${first.toString(16).padStart(8, '0')}${second.toString(16).padStart(8, '0')}`;
}

/** The snapshot's file, gzip-compressed, beside Pyodide's own files (`<base>pyodide/`). */
export function snapshotFileName(key: string): string {
  return `snapshot-${key}.bin.gz`;
}
