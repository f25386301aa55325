import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import type { TraceEvent } from '../../../runtime/traceSchema';
import { syntheticTrace } from '../../../../tools/trace/syntheticTrace';
import { buildTimeline } from '../model/timelineBuilder';
import type { DrawContext } from './drawContext';
import { minimapDensity } from './minimap';
import { recordingContext } from './recordingContext.node';
import { renderTimeline } from './renderTimeline';
import { goldenScene, sceneOf, TEST_PALETTE, type TestScene } from './goldenScene.node';

function render(t: TestScene, cursor: number | null = null) {
  const recording = recordingContext();
  const draw: DrawContext = {
    ctx: recording.ctx,
    view: t.view,
    frame: t.frame,
    palette: TEST_PALETTE,
    textWidths: new Map(),
    stamps: null,
  };
  renderTimeline(draw, { scene: t.scene, density: minimapDensity(t.scene), cursor });
  return recording;
}

describe('drawing a frame', () => {
  it('labels the lanes, the waits and the loop iterations', () => {
    const { texts } = render(goldenScene('gather_sleeps', 'steps'));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Task-1 · main()',
        "Task-2 · fetch('a', 1)",
        'sleep 3 s',
        'loop iteration',
        '1',
      ]),
    );
  });

  it('writes seconds on the time axis', () => {
    const { texts } = render(goldenScene('gather_sleeps', 'time'));
    expect(texts).toEqual(expect.arrayContaining(['virtual time', '0 s', '1 s', '3 s']));
  });

  it('writes the line that blocked the loop on its band, and marks the mistake', () => {
    const { texts } = render(goldenScene('blocking_sleep', 'time'));
    expect(texts).toEqual(expect.arrayContaining(['blocked: line 12', '!']));
  });

  it('titles the previous run and this one when comparing', () => {
    const { texts } = render(goldenScene('gather_sleeps', 'time', 'seed_greet'));
    expect(texts).toEqual(expect.arrayContaining(['Previous run', 'This run']));
  });

  it('draws every golden trace on both axes, with a cursor, without throwing', () => {
    for (const name of ['queue_workers', 'taskgroup_failure', 'thread_and_timeout', 'seed_greet']) {
      for (const mode of ['steps', 'time'] as const) {
        const { calls } = render(goldenScene(name, mode), 3);
        expect(calls.get('fillRect') ?? 0).toBeGreaterThan(0);
      }
    }
  });
});

describe('drawing a long run', () => {
  const model = buildTimeline(syntheticTrace({ events: 200_000, tasks: 50 }));

  it('draws no more bars than the plot has pixels, however many segments there are', () => {
    for (const mode of ['steps', 'time'] as const) {
      const t = sceneOf(model, null, mode);
      const segments = t.scene.rows.reduce((sum, row) => sum + row.lane.segments.length, 0);
      const { calls } = render(t);
      const rowsInView = Math.ceil((t.frame.lanesBottom - t.frame.lanesTop) / 24) + 1;
      expect(segments).toBeGreaterThan(50_000);
      expect(calls.get('fillRect') ?? 0).toBeLessThan(rowsInView * t.frame.plotWidth * 1.5);
    }
  });
});

describe('drawing a gather of two thousand tasks', () => {
  const model = buildTimeline(syntheticTrace({ events: 20_000, tasks: 2000 }));

  it('draws the arrows into the rows in view, and one for all those below', () => {
    const t = sceneOf(model, null, 'steps');
    const creates = model.arrows.filter((arrow) => arrow.kind === 'create');
    expect(creates.length).toBeGreaterThanOrEqual(2000);
    const { calls } = render(t);
    expect(calls.get('stroke') ?? 0).toBeLessThan(400);
  });
});

describe('drawing a step still running that floods the output', () => {
  // The seed example up to its first print, then a hundred thousand more in the same step.
  const start = readGoldenTrace('seed_greet');
  const firstPrint = start.findIndex((event) => event.type === 'output');
  const print = start[firstPrint] as TraceEvent;
  const events = [...start.slice(0, firstPrint), ...Array.from({ length: 100_000 }, () => print)];
  const model = buildTimeline(events);

  it('draws the prints at the axis end once, not once each', () => {
    for (const mode of ['steps', 'time'] as const) {
      const { calls } = render(sceneOf(model, null, mode));
      expect(calls.get('fill') ?? 0).toBeLessThan(100);
    }
  });
});
