// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import type { TraceEvent } from '../../../runtime/traceSchema';
import { buildTimeline, type TimelineModel } from '../model/timelineBuilder';
import { EventTable, MAX_SHOWN_ROWS } from './EventTable';
import { syntheticTrace } from '../../../../tools/trace/syntheticTrace';
import { mountTestRoot } from '../../../shared/testRoot.node';

const testRoot = mountTestRoot();
const host = testRoot.host;

function renderTable(model: TimelineModel, cursorMoment: number | null = null) {
  const onOpenLine = vi.fn<(line: number) => void>();
  const onSeek = vi.fn<(moment: number) => void>();
  testRoot.render(
    <EventTable
      model={model}
      version={model.version}
      cursorMoment={cursorMoment}
      onOpenLine={onOpenLine}
      onSeek={onSeek}
    />,
  );
  return { onOpenLine, onSeek };
}

function bodyRows(): HTMLTableRowElement[] {
  return [...host().querySelectorAll<HTMLTableRowElement>('tbody tr')];
}

function cellsOf(row: HTMLTableRowElement | undefined): string[] {
  return [...(row?.cells ?? [])].map((cell) => cell.textContent);
}

function select(label: string): HTMLSelectElement {
  const found = [...host().querySelectorAll('label')].find((each) =>
    each.textContent.startsWith(label),
  );
  const element = found?.querySelector('select');
  if (!element) throw new Error(`no select ${label}`);
  return element;
}

function choose(label: string, value: string): void {
  const element = select(label);
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function button(name: string): HTMLButtonElement {
  const found = [...host().querySelectorAll('button')].find(
    (each) => (each.getAttribute('aria-label') ?? each.textContent) === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

describe('the event table of a gather of three sleeps', () => {
  const model = buildTimeline(readGoldenTrace('gather_sleeps'));

  it('is a table captioned Events, with its columns and a row per event', () => {
    renderTable(model);
    expect(host().querySelector('table caption')?.textContent).toBe('Events');
    expect([...host().querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Time',
      'Step',
      'Task',
      'What',
      'Line',
    ]);
    expect(bodyRows()).toHaveLength(20);
    expect(cellsOf(bodyRows()[5])).toEqual([
      '0.000',
      '2',
      'Task-2',
      'Suspended: sleep 1 s',
      'Line 4',
    ]);
  });

  it('offers every task and every kind as filters, and filters by them', () => {
    renderTable(model);
    expect([...select('Task').options].map((option) => option.text)).toEqual([
      'All tasks',
      'Task-1 · main()',
      "Task-2 · fetch('a', 1)",
      "Task-3 · fetch('b', 2)",
      "Task-4 · fetch('c', 3)",
    ]);
    expect(select('Kind').options[0]?.text).toBe('All kinds');

    choose('Task', 'task:3');
    expect(bodyRows().map((row) => cellsOf(row)[3])).toEqual([
      "Created fetch('b', 2) with asyncio.gather(), from Task-1",
      'Suspended: sleep 2 s',
      'Woken by its timer',
      'Printed: b done',
      "Ended: returned 'b'",
    ]);
    choose('Kind', 'output');
    expect(bodyRows().map((row) => cellsOf(row)[3])).toEqual(['Printed: b done']);
    choose('Task', 'all');
    expect(bodyRows()).toHaveLength(4);
    choose('Kind', 'blocked');
    expect(bodyRows()).toHaveLength(0);
    expect(host().textContent).toContain('No events match these filters.');
  });

  it('moves the editor to a row’s line, and the playback cursor to its moment', () => {
    const { onOpenLine, onSeek } = renderTable(model);
    act(() => {
      button('Line 4').click();
    });
    expect(onOpenLine).toHaveBeenCalledWith(4);
    act(() => {
      button('Go to 1.000 s, step 6').click();
    });
    expect(onSeek).toHaveBeenCalledWith(5);
  });

  it('is one stop for Tab, with the arrow keys moving between rows and buttons', () => {
    renderTable(model, 5);
    const tabbable = () => [...host().querySelectorAll('tbody button[tabindex="0"]')];
    const press = (key: string) => {
      act(() => {
        document.activeElement?.dispatchEvent(
          new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
        );
      });
    };
    // The cursor's row is where Tab lands.
    expect(tabbable()).toHaveLength(1);
    expect(tabbable()[0]?.closest('tr')?.getAttribute('aria-current')).toBe('true');
    act(() => {
      (tabbable()[0] as HTMLButtonElement).focus();
    });
    press('ArrowDown');
    const focusedRow = () => cellsOf(document.activeElement?.closest('tr') ?? undefined);
    expect(focusedRow()[3]).toBe("Ended: returned 'a'");
    press('ArrowUp');
    press('ArrowUp');
    expect(focusedRow()[3]).toBe('Woken by its timer');
    press('Home');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Go to 0.000 s, step 1');
    press('End');
    press('ArrowRight');
    press('ArrowLeft');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Go to 3\.000 s/);
    // The focused button is now the one stop.
    expect(tabbable()).toEqual([document.activeElement]);
  });

  it('marks the row at the playback cursor as current', () => {
    renderTable(model, 5);
    const current = host().querySelectorAll('tr[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(cellsOf(current[0] as HTMLTableRowElement)[3]).toBe('Printed: a done');
    renderTable(model, 7);
    expect(
      cellsOf(host().querySelector<HTMLTableRowElement>('tr[aria-current="true"]') ?? undefined)[3],
    ).toBe("Ended: returned 'a'");
  });
});

/** A run whose one task prints `lines` lines in its only step. */
function chattyRun(lines: number): TraceEvent[] {
  const prints: TraceEvent[] = Array.from({ length: lines }, (_, index) => ({
    type: 'output',
    stream: 'stdout',
    text: `line ${index}\n`,
    task: 1,
    chain: [],
    thread: null,
    t: 0,
  }));
  return [
    { type: 'run.start', version: 1, file: 'chatty.py', python: '3.14.2', traced: true },
    { type: 'loop.create', loop: 1, t: 0 },
    {
      type: 'task.create',
      task: 1,
      name: 'Task-1',
      coro: 'main()',
      parent: null,
      line: 5,
      api: 'run',
      by: null,
      internal: false,
    },
    { type: 'ready', h: 1, task: 1, by: null },
    { type: 'iteration', n: 1, t: 0 },
    ...prints,
    { type: 'task.end', h: 1, task: 1, cpu: 0, outcome: 'result', repr: 'None' },
    { type: 'run.end', outcome: 'ok', exitCode: 0, virtualTime: 0, wallMs: 0, events: 0 },
  ];
}

describe('the event table of a long run', () => {
  const model = buildTimeline(chattyRun(MAX_SHOWN_ROWS + 500));
  const total = MAX_SHOWN_ROWS + 502;

  it('shows a window of rows and says so, with buttons to the others', () => {
    renderTable(model);
    expect(bodyRows()).toHaveLength(MAX_SHOWN_ROWS);
    expect(host().querySelector('.event-table-note')?.textContent).toContain(
      `Showing events 1–${MAX_SHOWN_ROWS} of ${total.toLocaleString('en')}; filter by task or kind to see others.`,
    );
    expect(button('Earlier events').disabled).toBe(true);
    while (!button('Later events').disabled) {
      act(() => {
        button('Later events').click();
      });
    }
    // The last window ends on the last row (the run's first row is the task's creation).
    expect(bodyRows()).toHaveLength(MAX_SHOWN_ROWS);
    expect(cellsOf(bodyRows()[0])[3]).toBe(`Printed: line ${total - MAX_SHOWN_ROWS - 1}`);
    expect(button('Later events').disabled).toBe(true);
    expect(cellsOf(bodyRows().at(-1))[3]).toBe('Ended: returned None');
  });

  it('centres the window on the playback cursor', () => {
    renderTable(model, 300);
    expect(
      cellsOf(host().querySelector<HTMLTableRowElement>('tr[aria-current="true"]') ?? undefined)[3],
    ).toBe('Printed: line 300');
    // Line 300 is event 302, the window's middle.
    const first = 302 - MAX_SHOWN_ROWS / 2;
    expect(host().querySelector('.event-table-note')?.textContent).toContain(
      `Showing events ${first}–${first + MAX_SHOWN_ROWS - 1}`,
    );
  });
});

describe('the task filter of a run with many tasks', () => {
  const model = buildTimeline(syntheticTrace({ events: 3000, tasks: 120 }));

  it('holds only the first tasks and the chosen one until it is opened', () => {
    renderTable(model);
    const tasks = select('Task');
    // "All tasks" and the first 49 lanes.
    expect(tasks.options).toHaveLength(50);
    act(() => {
      tasks.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
    expect(tasks.options).toHaveLength(122);
    choose('Task', 'task:100');
    act(() => {
      tasks.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect([...tasks.options].map((option) => option.value).slice(-2)).toEqual([
      'task:49',
      'task:100',
    ]);
    expect(tasks.value).toBe('task:100');
  });
});
