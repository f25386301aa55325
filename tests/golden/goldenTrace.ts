/**
 * The golden form of a trace: JSON lines with measured values (CPU and wall
 * time) set to 0, so that only behaviour is compared. Also reads golden files
 * back for tests that use them as fixtures.
 */
import { readFileSync } from 'node:fs';
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

/** Reads `tests/golden/<name>.trace.jsonl` (name without extension). */
export function readGoldenTrace(name: string): TraceEvent[] {
  const path = join(dirname(fileURLToPath(import.meta.url)), `${name}.trace.jsonl`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TraceEvent);
}
