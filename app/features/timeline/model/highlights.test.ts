import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { highlightsAt } from './highlights';
import { buildTimeline } from './timelineBuilder';

describe('the lines playback marks in the editor', () => {
  const model = buildTimeline(readGoldenTrace('gather_sleeps'));

  it('marks the line a task ran to, and where every other task waits and why', () => {
    const lastChild = model.moments.findIndex(
      (moment) => moment.kind === 'step-end' && model.steps[moment.step]?.task === 4,
    );
    expect(highlightsAt(model, lastChild)).toEqual([
      {
        line: 4,
        task: 4,
        kind: 'running',
        text: '▶ Task-4 ran to here and waits: sleep until 3.0 s',
      },
      { line: 9, task: 1, kind: 'paused', text: '⏸ Task-1 waits: gather (3 left)' },
      { line: 4, task: 2, kind: 'paused', text: '⏸ Task-2 waits: sleep until 1.0 s' },
      { line: 4, task: 3, kind: 'paused', text: '⏸ Task-3 waits: sleep until 2.0 s' },
    ]);
  });

  it('follows a step print by print: the seed runs greet from main twice', () => {
    const seed = buildTimeline(readGoldenTrace('seed_greet'));
    expect([0, 1, 2].map((moment) => highlightsAt(seed, moment))).toEqual([
      [
        { line: 4, task: 1, kind: 'running', text: '▶ Task-1 prints here' },
        { line: 7, task: 1, kind: 'caller', text: '▷ Task-1 is in greet() called here' },
      ],
      [
        { line: 4, task: 1, kind: 'running', text: '▶ Task-1 prints here' },
        { line: 8, task: 1, kind: 'caller', text: '▷ Task-1 is in greet() called here' },
      ],
      [],
    ]);
    expect(seed.moments.slice(0, 2).map((moment) => seed.events[moment.event])).toMatchObject([
      {
        chain: [
          { fn: 'main', line: 7 },
          { fn: 'greet', line: 4 },
        ],
      },
      {
        chain: [
          { fn: 'main', line: 8 },
          { fn: 'greet', line: 4 },
        ],
      },
    ]);
  });

  it('marks nothing for a moment that does not exist', () => {
    expect(highlightsAt(model, model.moments.length)).toEqual([]);
  });

  it('writes a timeout deadline after the wait', () => {
    const timed = buildTimeline(readGoldenTrace('thread_and_timeout'));
    const suspended = timed.moments.findLastIndex(
      (moment) =>
        moment.kind === 'step-end' &&
        timed.steps[moment.step]?.task === 1 &&
        timed.steps[moment.step]?.line === 13,
    );
    expect(highlightsAt(timed, suspended).map((highlight) => highlight.text)).toEqual([
      '▶ Task-1 ran to here and waits: worker thread, timeout at 1.5 s',
    ]);
  });
});
