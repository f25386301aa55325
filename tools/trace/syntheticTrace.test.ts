import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../app/features/timeline/model/timelineBuilder';
import { syntheticTrace } from './syntheticTrace';

describe('generated traces', () => {
  it('have about the length asked for and tell a consistent story', () => {
    const events = syntheticTrace({ events: 5000, tasks: 20 });
    expect(events.length).toBeGreaterThanOrEqual(5000);
    expect(events.length).toBeLessThan(5500);
    const model = buildTimeline(events);
    expect(model.ended).toBe(true);
    expect(model.lanes).toHaveLength(21);
    for (const lane of model.lanes) {
      expect(lane.outcome?.kind).toBe('result');
      expect(lane.segments.every((segment) => segment.to !== null)).toBe(true);
    }
    const end = model.loopStateAt(events.length - 1);
    expect([end.ready.size, end.timers, end.waits]).toEqual([0, [], []]);
    expect(model.prints.length).toBeGreaterThan(100);
  });

  it('are the same for the same arguments', () => {
    expect(syntheticTrace({ events: 2000, tasks: 5 })).toEqual(
      syntheticTrace({ events: 2000, tasks: 5 }),
    );
  });
});
