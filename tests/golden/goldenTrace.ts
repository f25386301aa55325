/**
 * The golden form of a trace: JSON lines with measured values (CPU and wall
 * time) set to 0, so that only behaviour is compared. Also reads golden files
 * back for tests that use them as fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TraceEvent } from '../../app/runtime/traceSchema';

const MEASURED = new Set(['cpu', 'wallMs']);

export function toGoldenText(events: readonly TraceEvent[]): string {
  return events
    .map((event) => JSON.stringify(event, (key, value: unknown) => (MEASURED.has(key) ? 0 : value)))
    .join('\n')
    .concat('\n');
}

/** The golden programs' names, without extension, in name order. */
export function goldenNames(): string[] {
  return readdirSync(dirname(fileURLToPath(import.meta.url)))
    .filter((file) => file.endsWith('.py'))
    .map((file) => file.slice(0, -'.py'.length))
    .sort();
}

/** Reads `tests/golden/<name>.trace.jsonl` (name without extension). */
export function readGoldenTrace(name: string): TraceEvent[] {
  const path = join(dirname(fileURLToPath(import.meta.url)), `${name}.trace.jsonl`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TraceEvent);
}
