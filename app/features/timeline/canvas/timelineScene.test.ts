import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { taskColor } from '../../../shared/taskColors';
import { buildTimeline } from '../model/timelineBuilder';
import { buildScene, firstRowBelow, LAYOUT, rowAt, rowHeightFor } from './timelineScene';

const gather = buildTimeline(readGoldenTrace('gather_sleeps'));
const seed = buildTimeline(readGoldenTrace('seed_greet'));
const options = { mode: 'steps', spread: false, showInternal: false, theme: 'dark' } as const;

describe('the scene', () => {
  it('has a row per lane shown, top to bottom, in the task colours', () => {
    const scene = buildScene(gather, null, options);
    const height = LAYOUT.fewRowsHeight;
    expect(scene.sections.map((section) => section.title)).toEqual([null]);
    expect(scene.rows.map((row) => [row.lane.key, row.top, row.height])).toEqual([
      ['task:1', 0, height],
      ['task:2', height, height],
      ['task:3', 2 * height, height],
      ['task:4', 3 * height, height],
    ]);
    expect(scene.rows[1]?.colour).toBe(taskColor(2, 'dark'));
    expect(scene.height).toBe(4 * height);
    expect(buildScene(gather, null, { ...options, showInternal: true }).rows).toHaveLength(6);
  });

  it("keeps room under the lanes of a run that blocked the loop, for the bands' labels", () => {
    const blocking = buildTimeline(readGoldenTrace('blocking_sleep'));
    const scene = buildScene(blocking, null, options);
    const lastRow = scene.rows[scene.rows.length - 1];
    expect(scene.height).toBe((lastRow?.top ?? 0) + LAYOUT.fewRowsHeight + LAYOUT.bandLabelHeight);
  });

  it('shows the current run alone unless asked to compare', () => {
    expect(buildScene(gather, null, options).sections.map((section) => section.run)).toEqual([
      'current',
    ]);
  });

  it('puts the previous run above the current one, each under its title', () => {
    const scene = buildScene(gather, seed, options);
    const height = LAYOUT.fewRowsHeight;
    expect(scene.sections.map((section) => [section.run, section.title, section.titleTop])).toEqual(
      [
        ['previous', 'Previous run', 0],
        ['current', 'This run', LAYOUT.titleHeight + height],
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
    expect(firstRowBelow(scene, LAYOUT.titleHeight + LAYOUT.fewRowsHeight)).toBe(1);
  });
});

describe('the sizes that fit the program', () => {
  it('gives few lanes taller rows, and many the usual height', () => {
    expect([1, 6, 7, 12, 13, 500].map(rowHeightFor)).toEqual([
      LAYOUT.fewRowsHeight,
      LAYOUT.fewRowsHeight,
      LAYOUT.someRowsHeight,
      LAYOUT.someRowsHeight,
      LAYOUT.rowHeight,
      LAYOUT.rowHeight,
    ]);
  });

  it('makes the label column wide enough for the longest label, within bounds', () => {
    const scene = buildScene(gather, null, options);
    // "Task-2 · fetch('a', 1)", indented one level, at about 7 px a character.
    const longest = Math.max(...scene.rows.map((row) => row.lane.label.length));
    expect(longest).toBe("Task-2 · fetch('a', 1)".length);
    expect(scene.labelWidth).toBeGreaterThanOrEqual(6 + LAYOUT.indent + 18 + longest * 7);
    expect(scene.labelWidth).toBeLessThan(LAYOUT.maxLabelWidth);
    expect(buildScene(seed, null, options).labelWidth).toBeLessThan(scene.labelWidth);
  });
});
