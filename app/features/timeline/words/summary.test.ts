import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { buildTimeline, createTimelineBuilder } from '../model/timelineBuilder';
import { readFixtureTrace } from './fixtures/fixtureTrace.node';
import { mostTasksAtOnce, sequentialSeconds, userTasks } from './runMeasures';
import { formatRunSeconds, summarizeRun } from './summary';

describe('the summary of each golden run', () => {
  it.each([
    [
      'seed_greet',
      'One task ran: main() printed 2 lines in one step, without waiting, so nothing ran concurrently; the run took no virtual time.',
    ],
    [
      'gather_sleeps',
      '3 tasks ran concurrently; the run took 3.0 s of virtual time instead of 6.0 s sequentially.',
    ],
    [
      'blocking_sleep',
      '2 tasks ran concurrently; the run took 2.7 s of virtual time instead of 3.2 s sequentially. ' +
        'Task-3 blocked the loop for 1.0 s at line 12.',
    ],
    // The lock lets one worker sleep at a time: nothing is saved, so no "instead of".
    ['queue_workers', '3 tasks ran concurrently; the run took 1.0 s of virtual time.'],
    // The siblings' sleeps were cut short: one after another, they would have slept 2 s and 3 s.
    [
      'taskgroup_failure',
      '3 tasks ran concurrently; the run took 0.5 s of virtual time. ' +
        'Task-4 raised ValueError ("sensor offline") at line 13, so its TaskGroup cancelled its siblings Task-2 and Task-3.',
    ],
    [
      'thread_and_timeout',
      'One task ran: main() printed 2 lines in 3 steps and waited twice, with no other task to run meanwhile; ' +
        'the run took 1.5 s of virtual time. 2 worker threads ran crunch beside the event loop. ' +
        'A timeout cancelled Task-1 while it waited at line 13.',
    ],
  ])('%s', (name, expected) => {
    expect(summarizeRun(buildTimeline(readGoldenTrace(name)))).toBe(expected);
  });
});

describe('the summary of runs with mistakes', () => {
  it('tells each mistake in a sentence', () => {
    expect(summarizeRun(buildTimeline(readFixtureTrace('mistakes')))).toBe(
      // fail() ran to its end in one step while main() slept, before forever() began: 2, not 3.
      // forever()'s sleep was cut short at shutdown: no sequential time.
      '2 tasks ran concurrently; the run took 0.1 s of virtual time. ' +
        'Task-2 raised KeyError ("\'missing\'") at line 7. ' +
        'The coroutine greet() was never awaited (line 13), so it never ran. ' +
        'Nothing awaited Task-2, so its exception was never retrieved. ' +
        'Task-3 was still waiting when asyncio.run() ended, so it was cancelled.',
    );
  });

  it('says an uncaught exception stopped the program, naming the task it came from', () => {
    expect(summarizeRun(buildTimeline(readFixtureTrace('uncaught')))).toBe(
      'One task ran: main() ran in 2 steps and waited once, with no other task to run meanwhile; ' +
        'the run took 0.3 s of virtual time. Task-1 raised RuntimeError ("out of coffee") at line 5. ' +
        'Nothing caught the RuntimeError of Task-1, so the program stopped.',
    );
  });

  it('names a deadlock a deadlock, with what each task waits on', () => {
    expect(summarizeRun(buildTimeline(readFixtureTrace('deadlock')))).toBe(
      'One task ran: main() ran in one step and waited once, with no other task to run meanwhile; ' +
        'the run took no virtual time. ' +
        'The run ended in a deadlock: no task can make progress: Task-1 waits on event.wait (ready).',
    );
  });

  it('says a run stopped in the middle of a step was stopped, not that a limit stopped it', () => {
    const summary = summarizeRun(buildTimeline(readFixtureTrace('stopped')));
    expect(summary).toMatch(/ The run was stopped before it finished\.$/);
    expect(summary).not.toContain('limit');
  });
});

describe('the summary says "concurrently" only when tasks overlapped', () => {
  it('of gathered tasks that each block the loop and never await: one at a time', () => {
    expect(summarizeRun(buildTimeline(readFixtureTrace('blocking_gather')))).toBe(
      '3 tasks ran, one at a time, so nothing ran concurrently; the run took 2.0 s of virtual time. ' +
        'Task-2 blocked the loop for 1.0 s at line 6. Task-3 blocked the loop for 1.0 s at line 6.',
    );
  });
});

describe('the summary gives a sequential time only where it means something', () => {
  it('gives none for a producer and a consumer, which could not run one after the other', () => {
    expect(summarizeRun(buildTimeline(readFixtureTrace('producer_consumer')))).toBe(
      '2 tasks ran concurrently; the run took 7.0 s of virtual time.',
    );
  });
});

describe('a summary while the run streams in', () => {
  it('says what a model built at once says, batch after batch (counts kept between redraws)', () => {
    for (const name of ['seed_greet', 'taskgroup_failure', 'thread_and_timeout']) {
      const events = readGoldenTrace(name);
      const builder = createTimelineBuilder();
      for (let end = 1; end <= events.length; end += 3) {
        builder.append(events.slice(builder.model.events.length, end));
        expect(summarizeRun(builder.model)).toBe(summarizeRun(buildTimeline(events.slice(0, end))));
      }
    }
  });

  it('speaks of the time so far', () => {
    const events = readGoldenTrace('gather_sleeps');
    const cut = events.findIndex((event) => event.type === 'iteration' && event.n === 4);
    expect(summarizeRun(buildTimeline(events.slice(0, cut)))).toBe(
      '3 tasks ran concurrently; so far the run has taken 1.0 s of virtual time instead of 3.0 s sequentially.',
    );
  });
});

describe('the measures behind the words', () => {
  it('does not count a parent while it waits for its children', () => {
    const model = buildTimeline(readGoldenTrace('gather_sleeps'));
    const tasks = userTasks(model);
    expect(tasks.map((lane) => lane.name)).toEqual(['Task-1', 'Task-2', 'Task-3', 'Task-4']);
    expect(mostTasksAtOnce(tasks)).toBe(3);
    expect(mostTasksAtOnce(tasks.slice(0, 1))).toBe(1);
    expect(mostTasksAtOnce([])).toBe(0);
  });

  it('counts a sleep the blocked loop made overrun only for what it asked', () => {
    const model = buildTimeline(readGoldenTrace('blocking_sleep'));
    // heartbeat: 4 sleeps of 0.5 s (the first woke at 1.2 s); slow_report: 0.2 s; blocked: 1 s.
    expect(sequentialSeconds(model, userTasks(model))).toBeCloseTo(3.2);
  });

  it('writes virtual times with one decimal', () => {
    expect(formatRunSeconds(3)).toBe('3.0 s');
    expect(formatRunSeconds(0.04)).toBe('less than 0.1 s');
    expect(formatRunSeconds(0)).toBe('0.0 s');
  });
});
