import { describe, expect, it } from 'vitest';
import { ASYNCIO_API, asyncioEntry, declarationOf } from './asyncioApi';
import { completionsAfter, hoverFor } from './asyncioCompletions';

describe('completionsAfter', () => {
  it('offers the whole API after `asyncio.`, replacing what was typed of the name', () => {
    expect(completionsAfter('asyncio.')).toEqual({ prefix: '', entries: ASYNCIO_API });
    expect(completionsAfter('    await asyncio.ga')).toEqual({
      prefix: 'ga',
      entries: ASYNCIO_API,
    });
    expect(completionsAfter('x = [asyncio.create_task(f()) for f in fs]; asyncio.sl')?.prefix).toBe(
      'sl',
    );
    expect(completionsAfter('async with asyncio . Task')?.prefix).toBe('Task');
  });

  it('offers the names in `from asyncio import …`', () => {
    expect(completionsAfter('from asyncio import ')?.prefix).toBe('');
    expect(completionsAfter('from asyncio import sleep, gat')?.prefix).toBe('gat');
    expect(completionsAfter('from asyncio import (Queue as Q, Ev')?.prefix).toBe('Ev');
  });

  it('offers nothing after other names, in comments or in strings', () => {
    expect(completionsAfter('myasyncio.')).toBeNull();
    expect(completionsAfter('self.asyncio.')).toBeNull();
    expect(completionsAfter('asyncio')).toBeNull();
    expect(completionsAfter('asyncio.sleep(1).')).toBeNull();
    expect(completionsAfter('# see asyncio.')).toBeNull();
    expect(completionsAfter('print("asyncio.')).toBeNull();
    expect(completionsAfter("x = '''asyncio.")).toBeNull();
    expect(completionsAfter('import asyncio')).toBeNull();
  });

  it('knows where a string ends', () => {
    expect(completionsAfter('print("done", asyncio.')?.prefix).toBe('');
    expect(completionsAfter(String.raw`print("a \" quote", asyncio.sl`)?.prefix).toBe('sl');
    expect(completionsAfter('x = "#"; asyncio.')?.prefix).toBe('');
  });
});

describe('hoverFor', () => {
  const line = '    await asyncio.sleep(1)';
  // s of sleep is at 0-based index 18: column 19.

  it('finds the asyncio name under the cursor, with its columns', () => {
    const sleep = asyncioEntry('sleep');
    expect(hoverFor(line, 19)).toEqual({ entry: sleep, startColumn: 19, endColumn: 24 });
    expect(hoverFor(line, 23)).toEqual({ entry: sleep, startColumn: 19, endColumn: 24 });
    // Just after the name still counts, as in Monaco's own word lookup.
    expect(hoverFor(line, 24)?.entry).toBe(sleep);
  });

  it('ignores the module name, other objects, unknown names and comments', () => {
    expect(hoverFor(line, 12)).toBeNull(); // on `asyncio`
    expect(hoverFor(line, 5)).toBeNull(); // on the indentation
    expect(hoverFor('    loop.sleep(1)', 11)).toBeNull();
    expect(hoverFor('asyncio.nothing_like_this()', 10)).toBeNull();
    expect(hoverFor('# asyncio.sleep', 12)).toBeNull();
  });
});

describe('the asyncio API data', () => {
  it('has each name once, every one with a signature and a line of doc', () => {
    const names = ASYNCIO_API.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of ASYNCIO_API) {
      expect(entry.signature, entry.name).toMatch(/^(\(.*\)|'\w+')$/);
      expect(entry.doc, entry.name).not.toBe('');
      expect(entry.doc, entry.name).not.toContain('\n');
    }
  });

  it('covers what a learner meets', () => {
    for (const name of [
      'run',
      'sleep',
      'create_task',
      'gather',
      'wait',
      'wait_for',
      'as_completed',
      'timeout',
      'timeout_at',
      'shield',
      'TaskGroup',
      'Queue',
      'PriorityQueue',
      'LifoQueue',
      'Lock',
      'Event',
      'Condition',
      'Semaphore',
      'BoundedSemaphore',
      'Barrier',
      'to_thread',
      'get_running_loop',
      'current_task',
      'all_tasks',
      'Runner',
      'start_server',
      'open_connection',
      'StreamReader',
      'StreamWriter',
      'CancelledError',
      'TimeoutError',
      'QueueEmpty',
      'QueueFull',
      'Future',
      'Task',
      'iscoroutine',
      'ensure_future',
      'run_coroutine_threadsafe',
      'Timeout',
      'new_event_loop',
      'get_event_loop',
    ]) {
      expect(asyncioEntry(name), name).toBeDefined();
    }
  });

  it('declares each kind of name as Python would', () => {
    const declare = (name: string) => {
      const entry = asyncioEntry(name);
      if (!entry) throw new Error(`no ${name}`);
      return declarationOf(entry);
    };
    expect(declare('sleep')).toBe('async def sleep(delay, result=None)');
    expect(declare('gather')).toBe('def gather(*coros_or_futures, return_exceptions=False)');
    expect(declare('Queue')).toBe('class Queue(maxsize=0)');
    expect(declare('CancelledError')).toBe('class CancelledError(BaseException)');
    expect(declare('FIRST_COMPLETED')).toBe("FIRST_COMPLETED = 'FIRST_COMPLETED'");
  });
});
