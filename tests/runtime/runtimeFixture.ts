/**
 * One Pyodide runtime per test file (loading takes seconds), and helpers to
 * run a dedented program text on it.
 */
import { afterAll, beforeAll } from 'vitest';
import {
  loadNodeRuntime,
  type NodeRunOptions,
  type NodeRunResult,
  type NodeRuntime,
} from '../../app/runtime/host/nodeRuntime';
import type { RunRequest } from '../../app/runtime/host/runtimeTypes';
import type { TraceEvent } from '../../app/runtime/traceSchema';

/** Removes the common indentation of a template literal's lines. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const cut = Math.min(...indents);
  return lines.map((line) => line.slice(cut)).join('\n');
}

/**
 * Loads the runtime before the file's tests and returns a getter for it:
 * started from a memory snapshot as every host starts it, or booted.
 */
export function useRuntime(start: 'snapshot' | 'boot' = 'snapshot'): () => NodeRuntime {
  let runtime: NodeRuntime | undefined;
  beforeAll(async () => {
    runtime = await loadNodeRuntime(start);
  });
  afterAll(async () => {
    await runtime?.close();
  });
  return () => {
    if (runtime === undefined) throw new Error('runtime not loaded yet');
    return runtime;
  };
}

/** Runs a program given as an indented template literal. */
export function runProgram(
  runtime: NodeRuntime,
  source: string,
  request: Partial<RunRequest> = {},
  options: NodeRunOptions = {},
): NodeRunResult {
  return runtime.run({ source: dedent(source), filename: 'main.py', ...request }, options);
}

/** The events of one kind, typed. */
export function eventsOf<K extends TraceEvent['type']>(
  events: readonly TraceEvent[],
  type: K,
): Extract<TraceEvent, { type: K }>[] {
  return events.filter((event): event is Extract<TraceEvent, { type: K }> => event.type === type);
}
