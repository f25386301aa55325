// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createTextStorage } from '../../platform/browserStorage';
import { memoryStorage } from '../../platform/memoryStorage';
import { scriptedSandbox } from '../../runtime/scriptedSandbox';
import { mountTestRoot } from '../../shared/testRoot.node';
import { InputBox } from './InputBox';
import { createRunnerSlice } from './runnerSlice';

const testRoot = mountTestRoot();

/** The Input box over a runner that keeps its input in `storage`. */
function renderInputBox(storage: Storage | null): void {
  const runner = createStore(
    createRunnerSlice(scriptedSandbox().sandbox, undefined, {
      storage: createTextStorage(storage),
    }),
  );
  testRoot.render(<InputBox runner={runner} />);
}

/** The texts that describe the Input box's text area, in order. */
function descriptions(): string[] {
  const ids = testRoot.host().querySelector('textarea')?.getAttribute('aria-describedby') ?? '';
  return ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? `no #${id}`);
}

describe('the Input box', () => {
  it('says nothing of saving while the input is kept', () => {
    renderInputBox(memoryStorage());
    expect(testRoot.host().querySelector('[role="note"]')).toBeNull();
    expect(descriptions()).toEqual(['What input() and sys.stdin read, one line per call.']);
  });

  it('says, under the box and to whoever is typing in it, when the input cannot be kept', () => {
    renderInputBox(null);
    const note = testRoot.host().querySelector('[role="note"]');
    expect(note?.getAttribute('aria-label')).toBe('Keeping the input');
    expect(note?.textContent).toBe(
      'This browser does not let the page save anything, so your input will not be kept after you leave.',
    );
    expect(descriptions()).toEqual([
      'What input() and sys.stdin read, one line per call.',
      note?.textContent,
    ]);
  });
});
