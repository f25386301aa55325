// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { mountTestRoot } from '../../../shared/testRoot.node';
import { buildTimeline } from '../model/timelineBuilder';
import { recordingContext } from './recordingContext.node';
import { TimelineView } from './TimelineView';

const testRoot = mountTestRoot();

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function show(name: string, previousName: string | null = null) {
  const model = buildTimeline(readGoldenTrace(name));
  const previous = previousName === null ? null : buildTimeline(readGoldenTrace(previousName));
  testRoot.render(
    <TimelineView
      model={model}
      version={model.version}
      theme="light"
      cursor={null}
      previous={previous}
      showInternal={false}
      onShowInternal={() => undefined}
      onOpenLine={() => undefined}
      onSeek={() => undefined}
    />,
  );
}

function control(name: string): HTMLInputElement {
  const label = [...testRoot.host().querySelectorAll('label')].find(
    (each) => each.textContent === name,
  );
  const input = label?.querySelector('input');
  if (!input) throw new Error(`no control ${name}`);
  return input;
}

describe('the timeline view', () => {
  it('says so, instead of failing, when the browser gives no canvas context', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    show('gather_sleeps');
    expect(testRoot.host().querySelector('[role="note"]')?.textContent).toMatch(
      /cannot draw the timeline/,
    );
    expect(testRoot.host().querySelector('canvas')).toBeNull();
  });

  it('draws without ResizeObserver, on a focusable canvas that names its keys', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(recordingContext().ctx);
    show('gather_sleeps');
    const canvas = testRoot.host().querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe('Timeline canvas');
    expect(canvas?.getAttribute('aria-description')).toMatch(/Plus and minus zoom/);
    expect(canvas?.tabIndex).toBe(0);
    act(() => {
      window.dispatchEvent(new Event('resize'));
    });
  });

  it('starts on the time axis when time passed, on the step axis when it did not', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(recordingContext().ctx);
    show('gather_sleeps');
    expect(control('Virtual time').checked).toBe(true);
    expect(control('Spread simultaneous steps').disabled).toBe(false);
    show('seed_greet');
    expect(control('Steps').checked).toBe(true);
    expect(control('Spread simultaneous steps').disabled).toBe(true);
    expect(control("Show asyncio's helper tasks").checked).toBe(false);
  });

  it('keeps the axis the learner chose', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(recordingContext().ctx);
    show('gather_sleeps');
    act(() => {
      control('Steps').click();
    });
    expect(control('Steps').checked).toBe(true);
    show('gather_sleeps');
    expect(control('Steps').checked).toBe(true);
  });

  it('offers to compare only when there is a previous run, and leaves it unticked', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(recordingContext().ctx);
    show('gather_sleeps');
    expect(control('Compare with previous run').disabled).toBe(true);
    show('gather_sleeps', 'seed_greet');
    expect(control('Compare with previous run').disabled).toBe(false);
    expect(control('Compare with previous run').checked).toBe(false);
  });

  it('opens the legend from its button, and closes it with Escape', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(recordingContext().ctx);
    show('gather_sleeps');
    const button = [...testRoot.host().querySelectorAll('button')].find(
      (each) => each.textContent === 'Legend',
    );
    const legend = () => testRoot.host().querySelector('[aria-label="Timeline legend"]');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(legend()).toBeNull();
    act(() => {
      button?.click();
    });
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    expect(legend()?.textContent).toMatch(/Virtual time is the event loop's own clock/);
    expect(legend()?.querySelectorAll('li').length).toBeGreaterThan(10);
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(legend()).toBeNull();
  });
});
