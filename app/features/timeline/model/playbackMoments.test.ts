import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import type { TraceEvent } from '../../../runtime/traceSchema';
import { describeMoment } from './momentWords';
import { servingMoment, shownMoment, shownMomentCount, shownPosition } from './playbackMoments';
import { buildTimeline, type TimelineModel } from './timelineBuilder';

/** The moments playback shows, in words. */
function story(model: TimelineModel, showInternal: boolean): string[] {
  const words: string[] = [];
  for (let position = 0; position < shownMomentCount(model, showInternal); position += 1) {
    const moment = shownMoment(model, showInternal, position);
    if (moment !== undefined) words.push(describeMoment(model, moment));
  }
  return words;
}

describe("playback's moments", () => {
  it("are the seed program's own: two prints and main finishing, nothing of asyncio.run's", () => {
    const model = buildTimeline(readGoldenTrace('seed_greet'));
    expect(story(model, false)).toEqual([
      'Task-1 printed “Hello, Alice!”',
      'Task-1 printed “Hello, Bob!”',
      'Task-1 finished',
    ]);
    expect(story(model, true)).toEqual([
      'Task-1 printed “Hello, Alice!”',
      'Task-1 printed “Hello, Bob!”',
      'Task-1 finished',
      "asyncio's own callback ran: _run_until_complete_cb",
      "asyncio's helper Task-2 finished",
      "asyncio's own callback ran: _run_until_complete_cb",
      "asyncio's helper Task-3 finished",
      "asyncio's own callback ran: _run_until_complete_cb",
    ]);
  });

  it("fold a sleep's timer and gather's bookkeeping into the learner's moment they lead to, which says who woke the task", () => {
    const model = buildTimeline(readGoldenTrace('gather_sleeps'));
    expect(story(model, false)).toEqual([
      'Task-1 ran until line 9 and waits: gather (3 left)',
      'Task-2 ran until line 4 and waits: sleep until 1.0 s',
      'Task-3 ran until line 4 and waits: sleep until 2.0 s',
      'Task-4 ran until line 4 and waits: sleep until 3.0 s',
      "Task-2, woken by its sleep's timer, printed “a done”",
      "Task-2 finished and returned 'a'",
      "Task-3, woken by its sleep's timer, printed “b done”",
      "Task-3 finished and returned 'b'",
      "Task-4, woken by its sleep's timer, printed “c done”",
      "Task-4 finished and returned 'c'",
      "Task-1, woken by Task-4, printed “['a', 'b', 'c']”",
      'Task-1 finished',
    ]);
    // The first timer (moment 4) belongs to Task-2's print; the last gather callback to main's.
    expect(model.moments[4]?.internal).toBe(true);
    expect(servingMoment(model, false, 4)).toBe(5);
    expect(servingMoment(model, false, 15)).toBe(16);
    expect(shownPosition(model, false, 16)).toBe(10);
    // asyncio.run's closing moments come after the learner's last: that is where the run ends.
    expect(servingMoment(model, false, model.moments.length - 1)).toBe(17);
    expect(servingMoment(model, true, 4)).toBe(4);
  });

  it("fold TaskGroup's bookkeeping and a worker thread's end away too", () => {
    expect(story(buildTimeline(readGoldenTrace('taskgroup_failure')), false)).toEqual([
      'Task-1 ran until line 17 and waits: TaskGroup',
      'Task-2 ran until line 5 and waits: sleep until 2.0 s',
      'Task-3 ran until line 5 and waits: sleep until 3.0 s',
      'Task-4 ran until line 12 and waits: sleep until 0.5 s',
      "Task-4, woken by its sleep's timer, raised ValueError at line 13",
      'Task-2, woken by Task-4, printed “slow cancelled”',
      'Task-2 was cancelled',
      'Task-3, woken by Task-4, printed “slower cancelled”',
      'Task-3 was cancelled',
      'Task-1, woken by Task-4, ran until line 17 and waits: TaskGroup',
      'Task-1, woken by Task-3, printed “caught: sensor offline”',
      'Task-1 finished',
    ]);
    expect(story(buildTimeline(readGoldenTrace('thread_and_timeout')), false)).toEqual([
      'Task-1 ran until line 9 and waits: worker thread',
      'Task-1, woken by thread 1, printed “crunched 10”',
      'Task-1 ran until line 13 and waits: worker thread, timeout at 1.5 s',
      'Task-1, woken by its timeout, printed “gave up waiting”',
      'Task-1 finished',
    ]);
  });

  it("keep the learner's own callback a moment of its own", () => {
    const events = readGoldenTrace('seed_greet');
    const ends = events.findIndex((event) => event.type === 'task.end');
    const tick: TraceEvent[] = [
      { type: 'ready', h: 90, callback: 'tick', by: 1 },
      { type: 'iteration', n: 9, t: 0 },
      { type: 'step', h: 90, cpu: 0 },
    ];
    const model = buildTimeline([...events.slice(0, ends + 1), ...tick, ...events.slice(ends + 1)]);
    expect(story(model, false)).toEqual([
      'Task-1 printed “Hello, Alice!”',
      'Task-1 printed “Hello, Bob!”',
      'Task-1 finished',
      'The callback tick ran',
    ]);
  });
});
