import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { KeepingNotice, type NotKeptMessages } from '../../shared/KeepingNotice';
import type { RunnerStore } from './runnerSlice';
import './runner.css';

const NOT_KEPT: NotKeptMessages = {
  unavailable:
    'This browser does not let the page save anything, so your input will not be kept after you leave.',
  full: 'Browser storage is full, so your latest input is not saved. Copy it somewhere to keep it.',
};

interface InputBoxProps {
  readonly runner: RunnerStore;
}

/**
 * The program's stdin: a disclosure, closed until the learner opens it or a
 * run ends because `input()` found nothing more to read, which opens it and
 * says why; open from the start when it holds text kept from a visit before.
 * When what the learner types cannot be kept, it says so under the box.
 */
export function InputBox({ runner }: InputBoxProps) {
  const stdin = useStore(runner, (state) => state.stdin);
  const keeping = useStore(runner, (state) => state.stdinKeeping);
  const result = useStore(runner, (state) => state.result);
  const ranOut = result?.summary?.inputRanOut === true;
  // Text kept from an earlier visit is what the next run reads: show it.
  const [open, setOpen] = useState(stdin !== '');
  // Opened once per run that ran out: the learner may close it again.
  const [seenResult, setSeenResult] = useState(result);
  if (result !== seenResult) {
    setSeenResult(result);
    if (ranOut) setOpen(true);
  }
  const hintId = useId();
  const notKeptId = useId();
  return (
    <details
      className="input-box"
      open={open}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary>Input</summary>
      <p id={hintId} className="input-box-hint">
        {ranOut
          ? 'The program called input() and there was nothing left to read: type its input here, one line per call, and run it again.'
          : 'What input() and sys.stdin read, one line per call.'}
      </p>
      <textarea
        aria-label="Input"
        aria-describedby={keeping === 'kept' ? hintId : `${hintId} ${notKeptId}`}
        value={stdin}
        onChange={(event) => {
          runner.getState().setStdin(event.target.value);
        }}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        rows={3}
      />
      <KeepingNotice
        id={notKeptId}
        keeping={keeping}
        label="Keeping the input"
        messages={NOT_KEPT}
      />
    </details>
  );
}
