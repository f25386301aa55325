// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stepStart } from '../model/types';
import { attachTimelineInput, type TimelineCallbacks } from './attachTimelineInput';
import { viewBounds } from './frameLayout';
import { goldenScene, type CanvasSize } from './goldenScene.node';

let controller = new AbortController();
afterEach(() => {
  controller.abort();
  controller = new AbortController();
});

function attach(size?: CanvasSize) {
  const t = goldenScene('gather_sleeps', 'steps', null, size);
  const canvas = document.createElement('canvas');
  // happy-dom has no pointer capture; the browser's is not what is tested here.
  canvas.setPointerCapture = () => undefined;
  const spies = {
    onHover: vi.fn<TimelineCallbacks['onHover']>(),
    onOpenLine: vi.fn<TimelineCallbacks['onOpenLine']>(),
    onSeek: vi.fn<TimelineCallbacks['onSeek']>(),
  };
  const callbacks: TimelineCallbacks = spies;
  const redraw = vi.fn();
  const bounds = viewBounds(t.scene, t.frame);
  attachTimelineInput(
    canvas,
    { view: t.view, layout: () => ({ scene: t.scene, frame: t.frame, bounds }), redraw },
    callbacks,
    controller.signal,
  );
  const pointer = (type: string, x: number, y: number) =>
    canvas.dispatchEvent(
      new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, button: 0 }),
    );
  return { t, canvas, spies, redraw, pointer };
}

describe('the timeline canvas input', () => {
  it('zooms with the plus and minus keys, and fits the run again with 0', () => {
    const { t, canvas, redraw } = attach();
    const fitted = t.view.scale;
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
    expect(t.view.scale).toBeCloseTo(fitted * 1.5);
    expect(redraw).toHaveBeenCalledWith(true);
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '0' }));
    expect(t.view.fitted).toBe(true);
  });

  it('opens the line of the bar clicked', () => {
    const { t, spies, pointer } = attach();
    const y = t.top(t.row('task:2')) + 12;
    const x = (t.px(3) + t.px(9)) / 2;
    pointer('pointerdown', x, y);
    pointer('pointerup', x, y);
    expect(spies.onOpenLine).toHaveBeenCalledWith(4);
    expect(spies.onSeek).not.toHaveBeenCalled();
  });

  it('seeks where nothing with a line is clicked, such as the axis', () => {
    const { t, spies, pointer } = attach();
    const x = t.px(stepStart(5)) + 1;
    pointer('pointerdown', x, t.frame.lanesTop / 2);
    pointer('pointerup', x, t.frame.lanesTop / 2);
    expect(spies.onSeek).toHaveBeenCalledWith(stepStart(5));
  });

  it('pans on a drag, which is no click', () => {
    const { t, spies, pointer, canvas } = attach();
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '+' }));
    const offset = t.view.offset;
    pointer('pointerdown', 500, 60);
    pointer('pointermove', 450, 60);
    pointer('pointerup', 450, 60);
    expect(t.view.offset).toBeGreaterThan(offset);
    expect(spies.onSeek).not.toHaveBeenCalled();
    expect(spies.onOpenLine).not.toHaveBeenCalled();
  });

  it('leaves the wheel to the page when every lane is in view; zooms with ctrl + wheel', () => {
    const { t, canvas, redraw } = attach();
    const fitted = t.view.scale;
    const wheel = (init: WheelEventInit) => {
      const event = new WheelEvent('wheel', { deltaY: 100, cancelable: true, ...init });
      // happy-dom's WheelEvent leaves out the modifier keys.
      Object.defineProperty(event, 'ctrlKey', { value: init.ctrlKey ?? false });
      Object.defineProperty(event, 'metaKey', { value: init.metaKey ?? false });
      canvas.dispatchEvent(event);
      return event;
    };
    expect(wheel({}).defaultPrevented).toBe(false);
    expect(t.view.scale).toBe(fitted);
    expect(redraw).not.toHaveBeenCalled();
    expect(wheel({ ctrlKey: true, deltaY: -100 }).defaultPrevented).toBe(true);
    expect(t.view.scale).toBeGreaterThan(fitted);
    expect(wheel({ metaKey: true, deltaY: 100 }).defaultPrevented).toBe(true);
    expect(t.view.scale).toBe(fitted);
  });

  it('scrolls lanes that do not fit with the wheel, then leaves it to the page', () => {
    const { t, canvas } = attach({ width: 800, height: 80 });
    const down = () => {
      const event = new WheelEvent('wheel', { deltaY: 40, cancelable: true });
      canvas.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(down()).toBe(true);
    expect(t.view.scrollY).toBe(40);
    while (down());
    expect(t.view.scrollY).toBe(t.scene.height - (t.frame.lanesBottom - t.frame.lanesTop));
  });

  it('reports what the pointer is over', () => {
    const { t, spies, pointer } = attach();
    pointer('pointermove', (t.px(3) + t.px(9)) / 2, t.top(t.row('task:2')) + 12);
    expect(spies.onHover.mock.lastCall?.[0]?.kind).toBe('segment');
  });
});
