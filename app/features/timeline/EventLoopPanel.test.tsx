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

describe('the Event loop panel', () => {
  it('names the task running a print, and the step that just ended', () => {
    const model = buildTimeline(readGoldenTrace('seed_greet'));
    testRoot.render(<EventLoopPanel model={model} moment={0} />);
    expect(running()).toBe('Task-1 is running');
    testRoot.render(<EventLoopPanel model={model} moment={2} />);
    expect(running()).toBe('Task-1 just ran');
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
    testRoot.render(<EventLoopPanel model={model} moment={0} />);
    expect(running()).toBe('Nothing');
  });

  it('lists a long ready queue in part, and says how many more there are', () => {
    const model = buildTimeline(syntheticTrace({ events: 3000, tasks: 120 }));
    const mainSuspends = model.moments.findIndex((moment) => moment.kind === 'step-end');
    testRoot.render(<EventLoopPanel model={model} moment={mainSuspends} />);
    const queue = testRoot.host().querySelectorAll('ol[aria-labelledby="event-loop-ready"] li');
    expect(queue).toHaveLength(MAX_LISTED);
    expect(testRoot.host().querySelector('.event-loop-more')?.textContent).toBe(
      `and ${120 - MAX_LISTED} more`,
    );
  });
});
