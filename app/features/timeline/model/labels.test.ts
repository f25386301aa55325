import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { readFixtureTrace } from '../words/fixtures/fixtureTrace.node';
import { waitLabel } from '../../../shared/waitLabels';
import { buildTimeline } from './timelineBuilder';
import { stepOfEdge } from './types';

const taskName = (task: number) => `Task-${task}`;

describe('wait labels', () => {
  it('write a wait on a queue or a primitive as the call on the learner’s variable', () => {
    expect(waitLabel({ kind: 'queue.get', name: 'queue' }, 0, taskName)).toBe('queue.get()');
    expect(waitLabel({ kind: 'queue.put', name: 'jobs' }, 0, taskName)).toBe('jobs.put()');
    expect(waitLabel({ kind: 'event', name: 'event' }, 0, taskName)).toBe('event.wait()');
    expect(waitLabel({ kind: 'lock' }, 0, taskName)).toBe('lock.acquire()');
    expect(waitLabel({ kind: 'accept', name: 'server' }, 0, taskName)).toBe('accept server');
  });

  it('never repeat the kind of a wait as its object, in a recorded run', () => {
    const model = buildTimeline(readGoldenTrace('queue_workers'));
    const labels = model.lanes.flatMap((lane) => lane.segments.map((segment) => segment.label));
    expect(labels).toContain('queue.join()');
    expect(labels).toContain('lock.acquire()');
    expect(labels.filter((label) => /^(\S+) \1$|^queue\.\w+ queue$/.test(label))).toEqual([]);
  });
});

describe('a wait_for that times out', () => {
  const model = buildTimeline(readFixtureTrace('wait_for_timeout'));
  const [wait] = model.lanes[0]?.segments.filter((segment) => segment.kind === 'suspended') ?? [];

  it('says on its bar that the timeout cut it short', () => {
    expect(wait?.label).toBe('sleep 5 s — timed out after 2 s');
  });

  it('ends its bar at the timeout, not at the end of the sleep', () => {
    const end = wait?.to ?? null;
    expect(end === null ? null : model.steps[stepOfEdge(end)]?.t0).toBe(2);
  });
});
