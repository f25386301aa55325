import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../tests/golden/goldenTrace';
import { describeReason, summarizeTrace } from './summarizeTrace';

describe('summarizeTrace', () => {
  it('tells the gather of three sleeps as a timeline', () => {
    const text = summarizeTrace(readGoldenTrace('gather_sleeps'));
    expect(text.split('\n').slice(0, 8)).toEqual([
      '    0.000  Task-1     created by run at line 12: main()',
      "    0.000  Task-2     created by gather at line 9: fetch('a', 1)",
      "    0.000  Task-3     created by gather at line 9: fetch('b', 2)",
      "    0.000  Task-4     created by gather at line 9: fetch('c', 3)",
      '    0.000  Task-1     gather (3 left) (line 9)',
      '    0.000  Task-2     sleep until 1.000 (line 4)',
      '    0.000  Task-3     sleep until 2.000 (line 4)',
      '    0.000  Task-4     sleep until 3.000 (line 4)',
    ]);
    expect(text).toContain('    1.000  Task-2     > a done\n');
    expect(text).toContain('Run ended: ok (exit 0), 3.000 s of virtual time');
    expect(text).not.toContain('shutdown_asyncgens');
  });

  it('marks the loop blocked by a blocking call', () => {
    expect(summarizeTrace(readGoldenTrace('blocking_sleep'))).toContain(
      'Task-3     BLOCKED the loop for 1.000 s at line 12',
    );
  });

  it('describes waits with deadlines and names', () => {
    const name = (id: number): string => `Task-${id}`;
    expect(describeReason({ kind: 'queue.get', name: 'jobs', deadline: 2 }, name)).toBe(
      'queue.get jobs, deadline 2.000',
    );
    expect(describeReason({ kind: 'task', task: 3 }, name)).toBe('waits for Task-3');
  });
});
