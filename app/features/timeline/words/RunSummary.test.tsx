// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { buildTimeline, type TimelineModel } from '../model/timelineBuilder';
import { readFixtureTrace } from './fixtures/fixtureTrace.node';
import { mountTestRoot } from '../../../shared/testRoot.node';
import { RunSummary } from './RunSummary';

const testRoot = mountTestRoot();
const host = testRoot.host;

function renderSummary(model: TimelineModel) {
  const onOpenLine = vi.fn<(line: number) => void>();
  testRoot.render(<RunSummary model={model} version={model.version} onOpenLine={onOpenLine} />);
  return onOpenLine;
}

describe('the run summary', () => {
  it('is a region named "Run summary" with the paragraph, and no list without mistakes', () => {
    renderSummary(buildTimeline(readGoldenTrace('gather_sleeps')));
    const region = host().querySelector('section[aria-label="Run summary"]');
    expect(region?.querySelector('p')?.textContent).toBe(
      '3 tasks ran concurrently; the run took 3.0 s of virtual time instead of 6.0 s sequentially.',
    );
    expect(region?.querySelector('ul')).toBeNull();
  });

  it('lists each mistake with its explanation and a button to its line, and no lesson link yet', () => {
    const onOpenLine = renderSummary(buildTimeline(readFixtureTrace('mistakes')));
    const items = [...host().querySelectorAll('li')];
    expect(items.map((item) => item.querySelector('span')?.textContent)).toEqual([
      "⚠ coroutine 'greet' was never awaited (line 13): calling a coroutine function only creates the coroutine. Nothing runs until it is awaited or wrapped in a task.",
      '⚠ Task-2 raised KeyError and nothing awaited it, so the error surfaced only when the task was thrown away. Await the task (or gather it) to handle its exception.',
      '⚠ Task-3 was still waiting when asyncio.run() ended, so it was cancelled: nothing awaited it. Await the task (or gather it) before main returns.',
    ]);
    expect(items.map((item) => item.querySelector('button')?.textContent)).toEqual([
      'Line 13',
      'Line 7',
      'Line 15',
    ]);
    expect(host().querySelector('a')).toBeNull();
    act(() => {
      items[2]?.querySelector('button')?.click();
    });
    expect(onOpenLine).toHaveBeenCalledWith(15);
  });

  it('names the blocking call among the mistakes, its code set as code, not in backticks', () => {
    renderSummary(buildTimeline(readGoldenTrace('blocking_sleep')));
    const explanation = host().querySelector('li span');
    expect(explanation?.textContent).toMatch(
      /^⚠ Task-3 blocked the event loop at line 12 for 1 s: no other task could run/,
    );
    expect(explanation?.textContent).not.toContain('`');
    expect(
      [...(explanation?.querySelectorAll('code') ?? [])].map((code) => code.textContent),
    ).toEqual(['time.sleep', 'await asyncio.sleep(…)']);
  });
});
