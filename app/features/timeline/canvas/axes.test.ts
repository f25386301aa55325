import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { buildTimeline } from '../model/timelineBuilder';
import { stepEnd, stepStart } from '../model/types';
import { axisTicks, createAxis, edgeBefore, nearestEdge, niceStep, spreadFor } from './axes';

const gather = buildTimeline(readGoldenTrace('gather_sleeps'));
const seed = buildTimeline(readGoldenTrace('seed_greet'));
const blocking = buildTimeline(readGoldenTrace('blocking_sleep'));

describe('the step axis', () => {
  const axis = createAxis(gather, { mode: 'steps', spread: 0 });

  it('gives each loop iteration one column', () => {
    expect(axis.width).toBe(gather.iterations.length);
    expect(axis.x(stepStart(0))).toBe(0);
    expect(axis.x(stepEnd(0))).toBe(1);
  });

  it('shares an iteration among its steps, in the order they ran', () => {
    // Iteration 2 (index 1) runs the three children, steps 1 to 3.
    expect([1, 2, 3].map((step) => axis.x(stepStart(step)))).toEqual([1, 1 + 1 / 3, 1 + 2 / 3]);
    expect(axis.x(stepEnd(3))).toBe(2);
  });

  it('maps edges after the last step to the end', () => {
    expect(axis.endEdge).toBe(2 * gather.steps.length);
    expect(axis.x(axis.endEdge)).toBe(axis.width);
    expect(axis.x(axis.endEdge + 7)).toBe(axis.width);
  });

  it('places a virtual time where its first step starts', () => {
    // The first timer fires at 1 s: step 4, the first of iteration 3 (index 2).
    expect(axis.timeX(1)).toBe(2);
    expect(axis.timeX(0)).toBe(0);
  });

  it('labels columns with the loop iteration numbers, spaced as asked', () => {
    expect(axisTicks(axis, gather, 0, 4.5, 1).map((tick) => [tick.x, tick.label])).toEqual([
      [0, '1'],
      [1, '2'],
      [2, '3'],
      [3, '4'],
      [4, '5'],
    ]);
    expect(axisTicks(axis, gather, 0, 15, 3).map((tick) => tick.label)).toEqual([
      '1',
      '6',
      '11',
      '16',
    ]);
  });
});

describe('the time axis', () => {
  const axis = createAxis(gather, { mode: 'time', spread: 0 });

  it('places steps at their virtual time, simultaneous ones on one line', () => {
    expect(axis.width).toBe(3);
    expect([1, 2, 3].map((step) => axis.x(stepStart(step)))).toEqual([0, 0, 0]);
    const firstTimer = gather.steps.findIndex((step) => step.t0 === 1);
    expect(axis.x(stepStart(firstTimer))).toBe(1);
    expect(axis.timeX(2.5)).toBe(2.5);
  });

  it('gives a step that blocked the loop its duration', () => {
    const time = createAxis(blocking, { mode: 'time', spread: 0 });
    const band = blocking.blocked[0];
    expect(band).toBeDefined();
    const step = band?.step ?? 0;
    expect(time.x(stepEnd(step)) - time.x(stepStart(step))).toBeCloseTo(1);
  });

  it('is one second wide when no time passed', () => {
    expect(createAxis(seed, { mode: 'time', spread: 0 }).width).toBe(1);
  });

  it('labels seconds', () => {
    expect(axisTicks(axis, gather, 0, 3, 1).map((tick) => [tick.x, tick.label])).toEqual([
      [0, '0 s'],
      [1, '1 s'],
      [2, '2 s'],
      [3, '3 s'],
    ]);
    expect(axisTicks(axis, gather, 0.9, 1.6, 0.2).map((tick) => tick.label)).toEqual([
      '1 s',
      '1.2 s',
      '1.4 s',
      '1.6 s',
    ]);
  });

  it("labels the whole axis, past the run's end when a longer run is drawn beside it", () => {
    expect(axisTicks(axis, gather, 0, 5.2, 1).map((tick) => [tick.x, tick.label])).toEqual([
      [0, '0 s'],
      [1, '1 s'],
      [2, '2 s'],
      [3, '3 s'],
      [4, '4 s'],
      [5, '5 s'],
    ]);
    expect(axisTicks(axis, gather, 4.5, 6, 1).map((tick) => tick.label)).toEqual(['5 s', '6 s']);
    const noTime = createAxis(seed, { mode: 'time', spread: 0 });
    expect(axisTicks(noTime, seed, 0, noTime.width, 0.5).map((tick) => tick.label)).toEqual([
      '0 s',
      '0.5 s',
      '1 s',
    ]);
  });

  it("counts loop iterations on past the run's last one", () => {
    const steps = createAxis(gather, { mode: 'steps', spread: 0 });
    const count = gather.iterations.length;
    const last = gather.iterations[count - 1]?.n ?? 0;
    expect(axisTicks(steps, gather, count - 1, count + 1, 1).map((tick) => tick.label)).toEqual([
      String(last),
      String(last + 1),
      String(last + 2),
    ]);
  });
});

describe('spreading simultaneous steps', () => {
  const spread = spreadFor(gather);
  const axis = createAxis(gather, { mode: 'time', spread });

  it('gives every step a width, half the axis to time and half to steps', () => {
    expect(spread).toBe(3 / gather.steps.length);
    expect(axis.width).toBeCloseTo(6);
    for (let step = 0; step < gather.steps.length; step += 1) {
      expect(axis.x(stepEnd(step)) - axis.x(stepStart(step))).toBeCloseTo(spread);
    }
  });

  it('never moves an edge left of the one before', () => {
    for (let edge = 1; edge <= axis.endEdge; edge += 1) {
      expect(axis.x(edge)).toBeGreaterThanOrEqual(axis.x(edge - 1));
    }
  });

  it('puts a virtual time at the start of its first step', () => {
    const firstTimer = gather.steps.findIndex((step) => step.t0 === 1);
    expect(axis.timeX(1)).toBeCloseTo(axis.x(stepStart(firstTimer)));
  });

  it('spreads a run with no time over one second', () => {
    expect(createAxis(seed, { mode: 'time', spread: spreadFor(seed) }).width).toBeCloseTo(1);
  });
});

describe('from x back to an edge', () => {
  const axis = createAxis(gather, { mode: 'steps', spread: 0 });

  it('finds the last edge at or before x', () => {
    expect(edgeBefore(axis, -1)).toBe(0);
    // Step 1 ends where step 2 starts: the later edge wins.
    expect(edgeBefore(axis, 1.5)).toBe(stepStart(2));
    expect(edgeBefore(axis, 1.2)).toBe(stepStart(1));
    expect(edgeBefore(axis, axis.width + 1)).toBe(axis.endEdge);
  });

  it('finds the nearest edge for seeking', () => {
    expect(nearestEdge(axis, 1.3)).toBe(stepEnd(1));
    expect(nearestEdge(axis, 1.05)).toBe(stepStart(1));
    expect(nearestEdge(axis, 99)).toBe(axis.endEdge);
  });

  it('round-trips every edge with a width of its own', () => {
    for (let edge = 0; edge <= axis.endEdge; edge += 1) {
      expect(axis.x(edgeBefore(axis, axis.x(edge)))).toBe(axis.x(edge));
    }
  });
});

describe('tick spacing', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect([0.3, 1, 1.5, 4, 7, 0.07].map(niceStep)).toEqual([0.5, 1, 2, 5, 10, 0.1]);
  });
});
