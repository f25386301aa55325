import { describe, expect, it } from 'vitest';
import { stepEnd, stepStart } from '../model/types';
import { lineOfHit, markY, sameHit, seekEdge } from './hitTest';
import { goldenScene } from './goldenScene.node';

describe('hit testing the gather of three sleeps on the step axis', () => {
  const t = goldenScene('gather_sleeps', 'steps');
  const fetchA = t.row('task:2');

  const at = t.hit;

  it('finds the suspended segment under the pointer, with its line', () => {
    const hit = at((t.px(3) + t.px(9)) / 2, t.top(fetchA) + 12);
    expect(hit?.kind).toBe('segment');
    if (hit?.kind !== 'segment') return;
    expect(hit.row.lane.key).toBe('task:2');
    expect([hit.segment.kind, hit.segment.label]).toEqual(['suspended', 'sleep 1 s']);
    expect(lineOfHit(hit)).toBe(4);
  });

  it('finds the mark of how the task ended', () => {
    const end = fetchA.lane.endedAt ?? -1;
    const hit = at(t.px(end), t.top(fetchA) + markY(fetchA.height).end);
    expect(hit?.kind).toBe('end');
  });

  it('finds a print mark at the foot of the lane that printed, which opens the print', () => {
    const mark = t.model.prints.find((print) => print.lane === 'task:2');
    const hit = at(t.px(mark?.at ?? -1) + 2, t.top(fetchA) + markY(fetchA.height).print);
    expect(hit?.kind === 'print' && hit.mark).toBe(mark);
    expect(hit && lineOfHit(hit)).toBe(5);
  });

  it("finds a lane's label, which opens the line that created the task", () => {
    const hit = at(t.frame.plotLeft - 1, t.top(fetchA) + 12);
    expect(hit?.kind === 'label' && hit.row).toBe(fetchA);
    expect(hit && lineOfHit(hit)).toBe(9);
  });

  it('finds nothing above the lanes, or below the last', () => {
    expect(at(400, t.frame.lanesTop - 1)).toBeNull();
    expect(at(400, t.top(t.row('task:4')) + 40)).toBeNull();
  });

  it('finds nothing on a lane before its task was created', () => {
    expect(at(t.frame.plotLeft + 1, t.top(fetchA) + 12)).toBeNull();
  });

  it('seeks to the nearest edge', () => {
    expect(seekEdge(t.section, t.view, t.frame, t.px(stepStart(5)) + 1)).toBe(stepStart(5));
  });

  it('tells one thing from another', () => {
    const a = at(t.px(4) + 1, t.top(fetchA) + 12);
    const b = at(t.px(6), t.top(fetchA) + 12);
    expect(sameHit(a, b)).toBe(true);
    expect(sameHit(a, at(t.px(10) + 2, t.top(fetchA) + 12))).toBe(false);
    expect(sameHit(null, null)).toBe(true);
    expect(sameHit(a, null)).toBe(false);
  });
});

describe('hit testing a blocking call', () => {
  const t = goldenScene('blocking_sleep', 'time');

  it('finds the blocked band, which opens the line that blocked', () => {
    const band = t.model.blocked[0];
    const x = (t.px(stepStart(band?.step ?? 0)) + t.px(stepEnd(band?.step ?? 0))) / 2;
    const hit = t.hit(x, t.top(t.row('task:2')) + 12);
    expect(hit?.kind).toBe('blocked');
    expect(hit && lineOfHit(hit)).toBe(12);
  });

  it('finds the teaching overlay badge', () => {
    const overlay = t.model.overlays[0];
    const row = t.row(overlay?.lane ?? '');
    const hit = t.hit(t.px(overlay?.at ?? 0), t.top(row) + markY(row.height).overlay);
    expect(hit?.kind === 'overlay' && hit.overlay).toBe(overlay);
  });
});
