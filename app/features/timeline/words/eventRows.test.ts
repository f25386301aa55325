import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { buildTimeline, createTimelineBuilder, type TimelineModel } from '../model/timelineBuilder';
import { eventRows, lastRowAtMoment, readEventRows, rowMoment, type EventRow } from './eventRows';
import { readFixtureTrace } from './fixtures/fixtureTrace.node';

/** A row as one line: who, kind, what, line. */
function said(row: EventRow): string {
  return `${row.who ?? '-'} ${row.kind}: ${row.text}${row.line === null ? '' : ` @${row.line}`}`;
}

function rowsOf(name: string): readonly EventRow[] {
  return eventRows(buildTimeline(readGoldenTrace(name)));
}

describe('the event rows of a gather of three sleeps', () => {
  const model = buildTimeline(readGoldenTrace('gather_sleeps'));
  const rows = eventRows(model);

  it('tells the story, without asyncio’s helper tasks', () => {
    expect(rows.map(said)).toEqual([
      'Task-1 created: Created main() with asyncio.run() @12',
      "Task-2 created: Created fetch('a', 1) with asyncio.gather(), from Task-1 @9",
      "Task-3 created: Created fetch('b', 2) with asyncio.gather(), from Task-1 @9",
      "Task-4 created: Created fetch('c', 3) with asyncio.gather(), from Task-1 @9",
      'Task-1 waits: Suspended: gather (3 left) @9',
      'Task-2 waits: Suspended: sleep 1 s @4',
      'Task-3 waits: Suspended: sleep 2 s @4',
      'Task-4 waits: Suspended: sleep 3 s @4',
      'Task-2 woken: Woken by its timer',
      'Task-2 output: Printed: a done',
      "Task-2 ended: Ended: returned 'a'",
      'Task-3 woken: Woken by its timer',
      'Task-3 output: Printed: b done',
      "Task-3 ended: Ended: returned 'b'",
      'Task-4 woken: Woken by its timer',
      'Task-4 output: Printed: c done',
      "Task-4 ended: Ended: returned 'c'",
      'Task-1 woken: Woken by Task-4',
      "Task-1 output: Printed: ['a', 'b', 'c']",
      'Task-1 ended: Ended: returned None',
    ]);
  });

  it('places each row at its virtual time, step and playback moment', () => {
    const momentOf = (row: EventRow) => rowMoment(model, row);
    expect(rows.slice(4, 10).map((row) => [row.t, row.step, momentOf(row)])).toEqual([
      [0, 0, 0],
      [0, 1, 1],
      [0, 2, 2],
      [0, 3, 3],
      [1, 4, 4],
      [1, 5, 5],
    ]);
    for (const row of rows) {
      const moment = model.moments[momentOf(row) ?? -1];
      expect(moment?.event).toBeGreaterThanOrEqual(row.event);
      expect(model.moments[(momentOf(row) ?? 0) - 1]?.event ?? -1).toBeLessThan(row.event);
      expect(moment?.step).toBe(row.step);
    }
  });

  it('names the lane of each row, to filter by', () => {
    expect(new Set(rows.map((row) => row.lane))).toEqual(
      new Set(['task:1', 'task:2', 'task:3', 'task:4']),
    );
    expect(rows.every((row) => row.task !== null && row.lane === `task:${row.task}`)).toBe(true);
  });
});

describe('the event rows of the other golden runs', () => {
  it('prints each line of the seed at its own moment inside the one step', () => {
    const model = buildTimeline(readGoldenTrace('seed_greet'));
    const rows = eventRows(model);
    expect(rows.map((row) => [said(row), rowMoment(model, row), row.step])).toEqual([
      ['Task-1 created: Created main() with asyncio.run() @10', 0, 0],
      ['Task-1 output: Printed: Hello, Alice!', 0, 0],
      ['Task-1 output: Printed: Hello, Bob!', 1, 0],
      ['Task-1 ended: Ended: returned None', 2, 0],
    ]);
  });

  it('shows the blocking call at the time it began, and what came after at its end', () => {
    const rows = rowsOf('blocking_sleep');
    const blocked = rows.findIndex((row) => row.kind === 'blocked');
    expect(rows.slice(blocked, blocked + 3).map((row) => [said(row), row.t])).toEqual([
      ['Task-3 blocked: Blocked the loop for 1 s: no other task could run @12', 0.2],
      ['Task-3 output: Printed: report done', 1.2],
      ['Task-3 ended: Ended: returned None', 1.2],
    ]);
  });

  it('shows the failing child, the cancellations it caused and the siblings ending cancelled', () => {
    const rows = rowsOf('taskgroup_failure').filter((row) => row.event >= 24 && row.event <= 41);
    expect(rows.map(said)).toEqual([
      'Task-4 ended: Ended: raised ValueError: sensor offline @13',
      'Task-2 cancel: Cancel requested by Task-4',
      'Task-2 woken: Woken by Task-4',
      'Task-3 cancel: Cancel requested by Task-4',
      'Task-3 woken: Woken by Task-4',
      'Task-1 cancel: Cancel requested by Task-4',
      'Task-1 woken: Woken by Task-4',
      'Task-2 output: Printed: slow cancelled',
      'Task-2 ended: Ended: cancelled',
      'Task-3 output: Printed: slower cancelled',
      'Task-3 ended: Ended: cancelled',
    ]);
    expect(rowsOf('taskgroup_failure')[1]?.text).toBe(
      "Created worker('slow', 2) with a TaskGroup, from Task-1",
    );
  });

  it('shows worker threads, and the timeout that cancelled the wait for one', () => {
    expect(rowsOf('thread_and_timeout').slice(1).map(said)).toEqual([
      'Task-1 thread: Started crunch on worker thread 1 @9',
      'thread 1 thread: crunch returns at 1 s',
      'Task-1 waits: Suspended: worker thread @9',
      'Task-1 woken: Woken by thread 1',
      'Task-1 output: Printed: crunched 10',
      'Task-1 thread: Started crunch on worker thread 2 @13',
      'thread 2 thread: crunch returns at 3 s',
      'Task-1 waits: Suspended: worker thread (timeout at 1.5 s) @13',
      'Task-1 cancel: Cancel requested by a timeout',
      'Task-1 woken: Woken by a timeout',
      'Task-1 output: Printed: gave up waiting',
      'Task-1 ended: Ended: returned None',
    ]);
  });

  it('shows the queue and lock waits of the workers', () => {
    const waits = rowsOf('queue_workers').filter((row) => row.kind === 'waits');
    expect(waits.slice(0, 4).map(said)).toEqual([
      'Task-1 waits: Suspended: queue.put() @5',
      'Task-2 waits: Suspended: sleep 0.1 s @13',
      'Task-3 waits: Suspended: lock.acquire() @12',
      'Task-1 waits: Suspended: queue.join() @7',
    ]);
  });
});

describe('the event rows of runs with mistakes', () => {
  it('shows the warning, stderr as the failed task is freed, and the shutdown cancellation', () => {
    const rows = eventRows(buildTimeline(readFixtureTrace('mistakes')));
    expect(rows.filter((row) => row.kind !== 'output').map(said)).toContain(
      "Task-1 warning: RuntimeWarning: coroutine 'greet' was never awaited @13",
    );
    const cancel = rows.findIndex((row) => row.kind === 'cancel');
    expect(rows.filter((row) => row.kind === 'cancel').map(said)).toEqual([
      'Task-3 cancel: Cancel requested by asyncio.run() shutting down',
    ]);
    // As on CPython, nothing holds the failed task once it ends: the report
    // comes then, long before the shutdown.
    const report = rows.findIndex((row) =>
      row.text.startsWith('Wrote to stderr: Task exception was never retrieved\n'),
    );
    expect(report).toBeGreaterThan(-1);
    expect(report).toBeLessThan(cancel);
    expect(rows[report]?.lane).toBeNull();
  });

  it('ties an error and a limit after the last step to the last moment', () => {
    const uncaught = buildTimeline(readFixtureTrace('uncaught'));
    const error = eventRows(uncaught).at(-1);
    expect(error && [said(error), rowMoment(uncaught, error)]).toEqual([
      '- error: Uncaught RuntimeError: out of coffee @5',
      uncaught.moments.length - 1,
    ]);
    const deadlock = buildTimeline(readFixtureTrace('deadlock'));
    expect(eventRows(deadlock).map((row) => [said(row), rowMoment(deadlock, row)])).toEqual([
      ['Task-1 created: Created main() with asyncio.run() @7', 0],
      ['Task-1 waits: Suspended: ready.wait() @5', 0],
      ['- error: Deadlock: no task can make progress: Task-1 waits on event.wait (ready)', 0],
      ['Task-1 cancel: Cancel requested by asyncio.run() shutting down', 0],
      ['Task-1 woken: Woken by the loop', 0],
    ]);
  });
});

describe('the event row of a long print', () => {
  function printed(text: string, stream: 'stdout' | 'stderr' = 'stdout'): string | undefined {
    const model = buildTimeline([
      { type: 'output', stream, text, task: null, thread: null, chain: [], t: 0 },
    ]);
    return eventRows(model)[0]?.text;
  }

  it('shows a traceback whole', () => {
    const traceback = [
      'Traceback (most recent call last):',
      ...Array.from({ length: 20 }, () => '  File …'),
      'E: x',
    ];
    expect(printed(`${traceback.join('\n')}\n`, 'stderr')).toBe(
      `Wrote to stderr: ${traceback.join('\n')}`,
    );
  });

  it('shows the first lines and the last of a flood’s joined prints', () => {
    const lines = Array.from({ length: 2048 }, (_, index) => `line ${index}`);
    expect(printed(`${lines.join('\n')}\n`)).toBe(
      `Printed: ${lines.slice(0, 20).join('\n')}\n… 2,027 more lines …\nline 2047`,
    );
  });
});

describe('event rows while the run streams in', () => {
  function streamed(
    name: string,
    batch: number,
  ): { model: TimelineModel; seen: (readonly EventRow[])[] } {
    const events = readGoldenTrace(name);
    const builder = createTimelineBuilder();
    const seen: (readonly EventRow[])[] = [];
    for (let at = 0; at < events.length; at += batch) {
      builder.append(events.slice(at, at + batch));
      seen.push(eventRows(builder.model));
    }
    return { model: builder.model, seen };
  }

  it('ends with the same rows as the whole trace read at once', () => {
    for (const name of [
      'gather_sleeps',
      'blocking_sleep',
      'taskgroup_failure',
      'thread_and_timeout',
    ]) {
      for (const batch of [1, 7]) {
        expect(streamed(name, batch).seen.at(-1)).toEqual(rowsOf(name));
      }
    }
  });

  it('hands out one array per model, which grows as rows are added', () => {
    const events = readGoldenTrace('gather_sleeps');
    const builder = createTimelineBuilder();
    builder.append(events.slice(0, 12));
    const first = eventRows(builder.model);
    const count = first.length;
    builder.append(events.slice(12, 15));
    expect(eventRows(builder.model)).toBe(first);
    expect(first.length).toBeGreaterThan(count);
  });

  it('leaves a row without a moment until its step ends', () => {
    const events = readGoldenTrace('gather_sleeps');
    const mainSuspends = events.findIndex((event) => event.type === 'task.suspend');
    const builder = createTimelineBuilder();
    builder.append(events.slice(0, mainSuspends));
    const momentOf = (row: EventRow) => rowMoment(builder.model, row);
    expect(eventRows(builder.model).map((row) => [row.kind, momentOf(row)])).toEqual([
      ['created', null],
      ['created', null],
      ['created', null],
      ['created', null],
    ]);
    builder.append(events.slice(mainSuspends, mainSuspends + 1));
    expect(eventRows(builder.model).map(momentOf)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('a row’s playback moment while the run streams in', () => {
  /** The rule rows followed when they held their moment: placed once, when a moment at or after them exists. */
  function placedMoment(model: TimelineModel, row: EventRow): number | null {
    const first = model.moments.findIndex((moment) => moment.event >= row.event);
    if (first >= 0) return first;
    return model.ended && model.moments.length > 0 ? model.moments.length - 1 : null;
  }

  /** Golden runs, and runs that end after their last step (an uncaught error, a deadlock). */
  const traces = [
    ...['gather_sleeps', 'seed_greet', 'taskgroup_failure', 'thread_and_timeout'].map(
      readGoldenTrace,
    ),
    readFixtureTrace('uncaught'),
    readFixtureTrace('deadlock'),
  ];

  it('is the moment the row was first placed on, and stays it', () => {
    for (const events of traces) {
      const builder = createTimelineBuilder();
      const placed = new Map<number, number>();
      for (let at = 0; at < events.length; at += 5) {
        builder.append(events.slice(at, at + 5));
        readEventRows(builder.model);
        for (const row of eventRows(builder.model)) {
          const moment = rowMoment(builder.model, row);
          expect(moment).toBe(placedMoment(builder.model, row));
          if (moment !== null) {
            expect(placed.get(row.event) ?? moment).toBe(moment);
            placed.set(row.event, moment);
          }
        }
      }
      expect(placed.size).toBe(eventRows(builder.model).length);
    }
  });

  it('finds the last row that has happened by each moment', () => {
    for (const events of traces) {
      const builder = createTimelineBuilder();
      for (let at = 0; at < events.length; at += 3) {
        builder.append(events.slice(at, at + 3));
        const rows = eventRows(builder.model);
        const happened = rows.map((row) => placedMoment(builder.model, row));
        for (let moment = 0; moment < builder.model.moments.length; moment += 1) {
          const last = happened.findLastIndex((each) => each !== null && each <= moment);
          expect(lastRowAtMoment(builder.model, rows, moment)).toBe(last);
        }
      }
    }
  });
});
