import { describe, expect, it } from 'vitest';
import { goldenNames, readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { syntheticTrace } from '../../../../tools/trace/syntheticTrace';
import type { TraceEvent } from '../../../runtime/traceSchema';
import { createTimelineBuilder, type TimelineModel } from '../model/timelineBuilder';
import { stepOfEdge, type Lane } from '../model/types';
import { readFixtureTrace, type FixtureName } from './fixtures/fixtureTrace.node';
import { mostTasksAtOnce, sequentialSeconds, stepsOf, userTasks, waitsOf } from './runMeasures';
import { summarizeRun } from './summary';

/**
 * The measures as runMeasures.ts defines them, computed the plain way: every
 * lane and segment walked on every call. The folded measures must agree
 * with them whatever batches the model was built in.
 */
const plain = {
  tasks: (model: TimelineModel): Lane[] =>
    model.lanes.filter((lane) => lane.kind === 'task' && !lane.internal),

  mostAtOnce(tasks: readonly Lane[]): number {
    const stretches: [number, number][] = [];
    const busy = (from: number, to: number): void => {
      if (to > from) stretches.push([from, to]);
    };
    for (const lane of tasks) {
      const begun = lane.segments.find((segment) => segment.kind !== 'ready');
      if (begun === undefined) continue;
      let from = begun.from;
      for (const segment of lane.segments) {
        const waitsForTasks =
          segment.kind === 'suspended' &&
          ['task', 'gather', 'taskgroup'].includes(segment.reason?.kind ?? '');
        if (waitsForTasks) {
          busy(from, segment.from);
          from = segment.to ?? Number.POSITIVE_INFINITY;
        }
      }
      busy(from, lane.endedAt ?? Number.POSITIVE_INFINITY);
    }
    // The most stretches that hold a point: the start of one of them.
    return Math.max(
      0,
      ...stretches.map(([at]) => stretches.filter(([from, to]) => from <= at && at < to).length),
    );
  },

  sequential(model: TimelineModel, tasks: readonly Lane[]): number | null {
    const handedOver = [
      'queue.get',
      'queue.put',
      'queue.join',
      'event',
      'condition',
      'barrier',
      'stream.read',
      'accept',
      'future',
    ];
    const timeAt = (edge: number): number => {
      const step = model.steps[stepOfEdge(edge)];
      if (step === undefined) return model.virtualTime;
      return edge % 2 === 0 ? step.t0 : step.t1;
    };
    let total = model.blocked.reduce((sum, band) => sum + band.duration, 0);
    for (const lane of tasks) {
      for (const segment of lane.segments) {
        if (segment.kind !== 'suspended') continue;
        const kind = segment.reason?.kind;
        if (kind !== undefined && handedOver.includes(kind)) return null;
        if (kind !== 'sleep' && kind !== 'executor') continue;
        const start = timeAt(segment.from);
        const lasted = (segment.to === null ? model.virtualTime : timeAt(segment.to)) - start;
        const until = segment.reason?.until;
        if (kind === 'sleep' && until !== undefined) {
          if (segment.to !== null && lasted < until - start - 1e-9) return null;
          total += Math.min(lasted, until - start);
        } else {
          total += lasted;
        }
      }
    }
    return total;
  },
};

const FIXTURES: FixtureName[] = [
  'mistakes',
  'uncaught',
  'deadlock',
  'blocking_gather',
  'producer_consumer',
  'wait_for_timeout',
  'stopped',
];

/** Every recorded trace, and made-up ones of a few thousand events. */
function traces(): [string, TraceEvent[]][] {
  return [
    ...goldenNames().map((name): [string, TraceEvent[]] => [name, readGoldenTrace(name)]),
    ...FIXTURES.map((name): [string, TraceEvent[]] => [name, readFixtureTrace(name)]),
    ['synthetic, 3 tasks', syntheticTrace({ events: 3_000, tasks: 3 })],
    ['synthetic, 40 tasks', syntheticTrace({ events: 6_000, tasks: 40 })],
  ];
}

/** Builds the model from `events` in batches of `size`, calling `check` after each. */
function streamIn(
  events: readonly TraceEvent[],
  size: number,
  check: (model: TimelineModel) => void,
) {
  const builder = createTimelineBuilder();
  for (let start = 0; start < events.length; start += size) {
    builder.append(events.slice(start, start + size));
    check(builder.model);
  }
}

describe('the measures, folded as a run streams in', () => {
  it.each(traces())('agree with the plain walk after every batch: %s', (_name, events) => {
    for (const size of [1, 7, 512]) {
      // Every batch for the small traces; the made-up ones are checked less often.
      let batch = 0;
      streamIn(events, size, (model) => {
        batch += 1;
        if (events.length > 1_000 && size < 512 && batch % 97 !== 0) return;
        const tasks = userTasks(model);
        expect(tasks).toEqual(plain.tasks(model));
        expect(mostTasksAtOnce(tasks)).toBe(plain.mostAtOnce(tasks));
        const sequential = sequentialSeconds(model, tasks);
        const expected = plain.sequential(model, tasks);
        if (expected === null) expect(sequential).toBeNull();
        else expect(sequential).toBeCloseTo(expected, 9);
        for (const lane of tasks) {
          expect(waitsOf(lane)).toBe(
            lane.segments.filter((segment) => segment.kind === 'suspended').length,
          );
          expect(stepsOf(model, lane.id)).toBe(
            model.steps.filter((step) => step.task === lane.id).length,
          );
        }
      });
    }
  });
});

describe('the summary, folded as a run streams in', () => {
  it.each(traces())('says what the model built at once says: %s', (_name, events) => {
    const batches = events.length > 1_000 ? 512 : 5;
    streamIn(events, batches, (model) => {
      const atOnce = createTimelineBuilder();
      atOnce.append(model.events);
      expect(summarizeRun(model)).toBe(summarizeRun(atOnce.model));
    });
  });
});
