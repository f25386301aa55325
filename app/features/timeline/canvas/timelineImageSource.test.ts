import { describe, expect, it } from 'vitest';
import { goldenScene, TEST_PALETTE } from './goldenScene.node';
import { minimapDensity } from './minimap';
import type { TimelineSnapshot } from './timelineImage';
import { createTimelineImageSource } from './timelineImageSource';

const t = goldenScene('seed_greet', 'steps');
const snapshot: TimelineSnapshot = {
  scene: t.scene,
  density: minimapDensity(t.scene),
  cursor: null,
  palette: TEST_PALETTE,
  view: t.view,
  frame: t.frame,
};

describe('the timeline image source', () => {
  it('has nothing to draw until a canvas connects, and again once it leaves', () => {
    const source = createTimelineImageSource();
    expect(source.snapshot()).toBeNull();
    const disconnect = source.connect(() => snapshot);
    expect(source.snapshot()).toBe(snapshot);
    disconnect();
    expect(source.snapshot()).toBeNull();
  });

  it('keeps the canvas that connected last when an earlier one leaves after it came', () => {
    const source = createTimelineImageSource();
    const leaveFirst = source.connect(() => null);
    source.connect(() => snapshot);
    leaveFirst();
    expect(source.snapshot()).toBe(snapshot);
  });
});
