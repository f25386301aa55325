/**
 * The Chrome trace format's structural rules, as Google's Trace Event Format
 * document states them, checked on a parsed file: for the unit tests and the
 * e2e test of the page's download alike. Returns the rules broken, in words
 * (empty: the file is well formed).
 */

interface Slice {
  readonly ts: number;
  readonly end: number;
  readonly name: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function chromeTraceProblems(file: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(file) || !Array.isArray(file.traceEvents)) {
    return ['not the JSON Object Format: no traceEvents array'];
  }
  if (
    file.displayTimeUnit !== undefined &&
    file.displayTimeUnit !== 'ms' &&
    file.displayTimeUnit !== 'ns'
  ) {
    problems.push(`displayTimeUnit ${JSON.stringify(file.displayTimeUnit)} is neither ms nor ns`);
  }
  const slices = new Map<number, Slice[]>();
  const named = new Set<number>();
  const used = new Set<number>();
  const flows = new Map<string, { s: number; f: number }>();
  for (const [index, event] of (file.traceEvents as unknown[]).entries()) {
    if (
      !isRecord(event) ||
      typeof event.name !== 'string' ||
      typeof event.ph !== 'string' ||
      typeof event.ts !== 'number' ||
      typeof event.pid !== 'number' ||
      typeof event.tid !== 'number'
    ) {
      problems.push(`event ${String(index)} lacks name, ph, ts, pid or tid of the right type`);
      continue;
    }
    const { ph, tid, ts } = event;
    if (ph === 'M') {
      if (
        event.name === 'thread_name' &&
        isRecord(event.args) &&
        typeof event.args.name === 'string'
      ) {
        named.add(tid);
      }
      continue;
    }
    used.add(tid);
    if (ph === 'X') {
      if (typeof event.dur !== 'number' || event.dur < 0) {
        problems.push(`complete event ${String(index)} has no dur ≥ 0`);
        continue;
      }
      const track = slices.get(tid) ?? [];
      const last = track.at(-1);
      if (last !== undefined && ts < last.ts) {
        problems.push(`complete event ${String(index)} on tid ${String(tid)} goes back in time`);
      }
      track.push({ ts, end: ts + event.dur, name: event.name });
      slices.set(tid, track);
    } else if (ph === 'i') {
      if (event.s !== undefined && event.s !== 't' && event.s !== 'p' && event.s !== 'g') {
        problems.push(`instant event ${String(index)} has scope ${JSON.stringify(event.s)}`);
      }
    } else if (ph === 's' || ph === 'f') {
      if (event.id === undefined || typeof event.cat !== 'string') {
        problems.push(`flow event ${String(index)} lacks an id or a cat`);
        continue;
      }
      const key = `${event.cat}:${JSON.stringify(event.id)}`;
      const pair = flows.get(key) ?? { s: 0, f: 0 };
      pair[ph] += 1;
      flows.set(key, pair);
    } else {
      problems.push(`event ${String(index)} has a phase this export does not write: ${ph}`);
    }
  }
  for (const [key, pair] of flows) {
    if (pair.s !== 1 || pair.f !== 1) problems.push(`flow ${key} is not one 's' and one 'f'`);
  }
  for (const tid of used) {
    if (!named.has(tid)) problems.push(`tid ${String(tid)} has no thread_name`);
  }
  for (const [tid, track] of slices) {
    // Slices on one thread either follow one another or nest.
    const open: Slice[] = [];
    for (const slice of track) {
      while (open.length > 0 && (open.at(-1)?.end ?? 0) <= slice.ts) open.pop();
      const parent = open.at(-1);
      if (parent !== undefined && slice.end > parent.end) {
        problems.push(`on tid ${String(tid)}, "${slice.name}" overlaps "${parent.name}"`);
      }
      open.push(slice);
    }
  }
  return problems;
}
