import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { taskColor } from '../../../shared/taskColors';
import { buildTimeline } from '../model/timelineBuilder';
import { buildScene, firstRowBelow, LAYOUT, rowAt } from './timelineScene';

const gather = buildTimeline(readGoldenTrace('gather_sleeps'));
const seed = buildTimeline(readGoldenTrace('seed_greet'));
const options = { mode: 'steps', spread: false, showInternal: false, theme: 'dark' } as const;

describe('the scene', () => {
  it('has a row per lane shown, top to bottom, in the task colours', () => {
    const scene = buildScene(gather, null, options);
    expect(scene.sections.map((section) => section.title)).toEqual([null]);
    expect(scene.rows.map((row) => [row.lane.key, row.top])).toEqual([
      ['task:1', 0],
      ['task:2', LAYOUT.rowHeight],
      ['task:3', 2 * LAYOUT.rowHeight],
      ['task:4', 3 * LAYOUT.rowHeight],
    ]);
    expect(scene.rows[1]?.colour).toBe(taskColor(2, 'dark'));
    expect(scene.height).toBe(4 * LAYOUT.rowHeight);
    expect(buildScene(gather, null, { ...options, showInternal: true }).rows).toHaveLength(6);
  });

  it('puts the previous run above the current one, each under its title', () => {
    const scene = buildScene(gather, seed, options);
    expect(scene.sections.map((section) => [section.run, section.title, section.titleTop])).toEqual(
      [
        ['previous', 'Previous run', 0],
        ['current', 'This run', LAYOUT.titleHeight + LAYOUT.rowHeight],
      ],
    );
    expect(scene.rows.map((row) => [row.section, row.lane.key])).toEqual([
      [0, 'task:1'],
      [1, 'task:1'],
      [1, 'task:2'],
      [1, 'task:3'],
      [1, 'task:4'],
    ]);
    expect(scene.width).toBe(Math.max(gather.iterations.length, seed.iterations.length));
  });

  it('finds the row at a height, and the first row in view', () => {
    const scene = buildScene(gather, seed, options);
    expect(rowAt(scene, 0)).toBeNull();
    expect(rowAt(scene, LAYOUT.titleHeight + 1)?.section).toBe(0);
    expect(rowAt(scene, scene.height + 1)).toBeNull();
    expect(firstRowBelow(scene, 0)).toBe(0);
    expect(firstRowBelow(scene, LAYOUT.titleHeight + LAYOUT.rowHeight)).toBe(1);
  });
});
