import { describe, expect, it } from 'vitest';
import { idleCoresBetween, pagesFor } from './e2ePages';

function times(idle: number, user: number) {
  return { idle, user, nice: 0, sys: 0, irq: 0 };
}

describe('idleCoresBetween', () => {
  it("counts each core's idle share of the time between the readings", () => {
    const before = [times(1000, 500), times(2000, 500)];
    expect(idleCoresBetween(before, [times(1100, 500), times(2100, 500)])).toBeCloseTo(2);
    expect(idleCoresBetween(before, [times(1000, 600), times(2050, 550)])).toBeCloseTo(0.5);
    expect(idleCoresBetween(before, [times(1000, 600), times(2000, 600)])).toBe(0);
  });

  it('finds nothing idle when no time passed', () => {
    const same = [times(1000, 500)];
    expect(idleCoresBetween(same, same)).toBe(0);
  });
});

describe('pagesFor', () => {
  it('runs a second page only with about two cores to spare', () => {
    expect(pagesFor(2)).toBe(2);
    expect(pagesFor(1.6)).toBe(2);
    expect(pagesFor(1)).toBe(1);
    expect(pagesFor(0)).toBe(1);
  });
});
