import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../tests/golden/goldenTrace';
import { buildTimeline } from '../features/timeline/model/timelineBuilder';
import { mistakeMarkers, runMistakes } from './runMistakes';

const blocking = buildTimeline(readGoldenTrace('blocking_sleep'));

describe("the run's mistakes outside the timeline", () => {
  it('name the blocking call and its line for the status line', () => {
    expect(runMistakes(blocking.overlays)).toEqual([
      { what: 'blocking code froze the event loop', line: 12 },
    ]);
  });

  it("put a warning squiggle on the mistake's line, once, unless the run marked it already", () => {
    const [marker] = mistakeMarkers([...blocking.overlays, ...blocking.overlays], []);
    expect(mistakeMarkers([...blocking.overlays, ...blocking.overlays], [])).toHaveLength(1);
    expect(marker).toMatchObject({ line: 12, severity: 'warning' });
    expect(marker?.message).toMatch(/blocking call/);
    const already = { line: 12, severity: 'warning', message: 'RuntimeWarning' } as const;
    expect(mistakeMarkers(blocking.overlays, [already])).toEqual([]);
  });
});
