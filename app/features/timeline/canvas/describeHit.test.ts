import { describe, expect, it } from 'vitest';
import { describeEdge, describeHit } from './describeHit';
import { markY } from './hitTest';
import { goldenScene, type TestScene } from './goldenScene.node';

function describeEndOf(t: TestScene, key: string) {
  const row = t.row(key);
  const hit = t.hit(t.px(row.lane.endedAt ?? -1), t.top(row) + markY(row.height).end);
  if (hit === null) throw new Error(`no end mark on ${key}`);
  return describeHit(hit);
}

describe('hover cards', () => {
  it('say what a suspended task waits on, where, and from when to when', () => {
    const t = goldenScene('gather_sleeps', 'steps');
    const row = t.row('task:2');
    const hit = t.hit((t.px(3) + t.px(9)) / 2, t.top(row) + 12);
    expect(hit).not.toBeNull();
    if (hit === null) return;
    const card = describeHit(hit);
    expect(card.title).toBe("Task-2 · fetch('a', 1)");
    expect(card.details).toEqual([
      ['State', 'Suspended at an await'],
      ['Waits on', 'sleep 1 s'],
      ['In', 'fetch (line 4)'],
      ['From', 'step 2 end (iteration 2), 0 s'],
      ['To', 'step 5 end (iteration 3), 1 s'],
      ['Line', '4'],
    ]);
  });

  it('say how a task ended: its result, its exception, or cancelled', () => {
    const gather = goldenScene('gather_sleeps', 'steps');
    expect(describeEndOf(gather, 'task:2').details[0]).toEqual(['Outcome', "returned 'a'"]);
    const failure = goldenScene('taskgroup_failure', 'steps');
    expect(describeEndOf(failure, 'task:4').details[0]).toEqual([
      'Outcome',
      'raised ValueError: sensor offline',
    ]);
    expect(describeEndOf(failure, 'task:2').details[0]).toEqual(['Outcome', 'cancelled']);
  });

  it('mark a timeout deadline', () => {
    const t = goldenScene('thread_and_timeout', 'time');
    const row = t.row('task:1');
    const wait = row.lane.segments.filter((segment) => segment.kind === 'suspended')[1];
    const x = (t.px(wait?.from ?? 0) + t.px(wait?.to ?? 0)) / 2;
    const hit = t.hit(x, t.top(row) + 12);
    expect(hit && describeHit(hit).details).toContainEqual(['Timeout at', '1.5 s']);
  });

  it('explain a blocking call', () => {
    const t = goldenScene('blocking_sleep', 'time');
    const overlay = t.model.overlays[0];
    const row = t.row(overlay?.lane ?? '');
    const hit = t.hit(t.px(overlay?.at ?? 0), t.top(row) + markY(row.height).overlay);
    expect(hit).not.toBeNull();
    if (hit === null) return;
    const card = describeHit(hit);
    expect(card.title).toBe('! Blocking code');
    expect(card.details[0]?.[1]).toMatch(/^Task-3 blocked the event loop at line 12/);
    // The card is plain text: the code in the explanation shows without its Markdown backticks.
    expect(card.details[0]?.[1]).toContain('in a coroutine, wait with await asyncio.sleep(…).');
    expect(card.details[0]?.[1]).not.toContain('`');
  });

  it('place an edge after the last step', () => {
    const t = goldenScene('seed_greet', 'steps');
    expect(describeEdge(t.model, 2 * t.model.steps.length)).toBe('after the last step');
  });
});
