// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../tests/golden/goldenTrace';
import type { TraceEvent } from '../../runtime/traceSchema';
import { mountTestRoot } from '../../shared/testRoot.node';
import { EventLoopPanel, MAX_LISTED } from './EventLoopPanel';
import { buildTimeline } from './model/timelineBuilder';
import { syntheticTrace } from '../../../tools/trace/syntheticTrace';

const testRoot = mountTestRoot();

function running(): string | null | undefined {
  return testRoot.host().querySelector('[aria-label="Running"]')?.textContent;
}

function listed(list: string): (string | null)[] {
  return [...testRoot.host().querySelectorAll(`[aria-labelledby="${list}"] li`)].map(
    (item) => item.textContent,
  );
}

describe('the Event loop panel', () => {
  it('names the task running a print, and the step that just ended', () => {
    const model = buildTimeline(readGoldenTrace('seed_greet'));
    testRoot.render(<EventLoopPanel model={model} moment={0} showInternal={false} />);
    expect(running()).toBe('Task-1 is running');
    testRoot.render(<EventLoopPanel model={model} moment={2} showInternal={false} />);
    expect(running()).toBe('Task-1 just ran');
  });

  it("lists only the learner's handles and timers unless asyncio's own are asked for", () => {
    const model = buildTimeline(readGoldenTrace('gather_sleeps'));
    // Task-2 has just finished: gather's callback that notes it waits in the ready queue.
    testRoot.render(<EventLoopPanel model={model} moment={6} showInternal={false} />);
    expect(running()).toBe('Task-2 just ran');
    expect(listed('event-loop-ready')).toEqual([]);
    expect(listed('event-loop-timers')).toEqual([
      '2.000 s: sleep (Task-3)',
      '3.000 s: sleep (Task-4)',
    ]);
    testRoot.render(<EventLoopPanel model={model} moment={6} showInternal={true} />);
    expect(listed('event-loop-ready')).toEqual(['gather.<locals>._done_callback']);
  });

  it('says nothing runs at a print from outside the loop', () => {
    const [start, ...rest] = readGoldenTrace('seed_greet');
    const before: TraceEvent = {
      type: 'output',
      stream: 'stdout',
      text: 'before the loop\n',
      task: null,
      thread: null,
      t: 0,
      chain: [{ fn: '<module>', line: 1 }],
    };
    const model = buildTimeline(start ? [start, before, ...rest] : []);
    testRoot.render(<EventLoopPanel model={model} moment={0} showInternal={false} />);
    expect(running()).toBe('Nothing');
  });

  it('lists a long ready queue in part, and says how many more there are', () => {
    const model = buildTimeline(syntheticTrace({ events: 3000, tasks: 120 }));
    const mainSuspends = model.moments.findIndex((moment) => moment.kind === 'step-end');
    testRoot.render(<EventLoopPanel model={model} moment={mainSuspends} showInternal={false} />);
    const queue = testRoot.host().querySelectorAll('ol[aria-labelledby="event-loop-ready"] li');
    expect(queue).toHaveLength(MAX_LISTED);
    expect(testRoot.host().querySelector('.event-loop-more')?.textContent).toBe(
      `and ${120 - MAX_LISTED} more`,
    );
  });
});
