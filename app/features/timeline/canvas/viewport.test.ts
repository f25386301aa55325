import { describe, expect, it } from 'vitest';
import {
  centreOn,
  clampViewport,
  createViewport,
  isZoomedIn,
  panBy,
  visibleUnits,
  zoomAt,
  type ViewBounds,
} from './viewport';

const bounds: ViewBounds = {
  contentWidth: 10,
  plotWidth: 500,
  contentHeight: 1000,
  viewHeight: 300,
  maxZoom: 100,
};

function fitted() {
  const view = createViewport();
  clampViewport(view, bounds);
  return view;
}

describe('the viewport', () => {
  it('starts showing the whole content', () => {
    const view = fitted();
    expect(view.scale).toBe(50);
    expect(visibleUnits(view, bounds)).toEqual({ from: 0, to: 10 });
    expect(isZoomedIn(view, bounds)).toBe(false);
  });

  it('keeps the unit under the pointer in place when zooming', () => {
    const view = fitted();
    zoomAt(view, 4, 250, bounds);
    expect(view.offset + 250 / view.scale).toBeCloseTo(5);
    expect(visibleUnits(view, bounds).to - visibleUnits(view, bounds).from).toBeCloseTo(2.5);
    expect(isZoomedIn(view, bounds)).toBe(true);
  });

  it('never zooms out past the whole content, and fits again there', () => {
    const view = fitted();
    zoomAt(view, 4, 0, bounds);
    zoomAt(view, 0.01, 0, bounds);
    expect(view.scale).toBe(50);
    expect(view.fitted).toBe(true);
  });

  it('zooms in no further than the bounds allow', () => {
    const view = fitted();
    zoomAt(view, 1e9, 0, bounds);
    expect(view.scale).toBe(50 * 100);
  });

  it('pans within the content', () => {
    const view = fitted();
    zoomAt(view, 2, 0, bounds);
    panBy(view, -100, 0, bounds);
    expect(view.offset).toBeCloseTo(1);
    panBy(view, 10_000, 0, bounds);
    expect(view.offset).toBe(0);
    panBy(view, -10_000, 0, bounds);
    expect(view.offset).toBeCloseTo(5);
  });

  it('scrolls the lanes no further than their height', () => {
    const view = fitted();
    panBy(view, 0, -5000, bounds);
    expect(view.scrollY).toBe(700);
    panBy(view, 0, 5000, bounds);
    expect(view.scrollY).toBe(0);
  });

  it('centres on a unit (the minimap)', () => {
    const view = fitted();
    zoomAt(view, 5, 0, bounds);
    centreOn(view, 6, bounds);
    expect(visibleUnits(view, bounds).from).toBeCloseTo(5);
  });

  it('follows a growing run while it shows all of it', () => {
    const view = fitted();
    clampViewport(view, { ...bounds, contentWidth: 20 });
    expect(view.scale).toBe(25);
  });
});
