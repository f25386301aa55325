import { useState } from 'react';
import { useStore } from 'zustand';
import type { Lesson, PredictBlock } from './format/lessonTypes';
import type { LessonActions } from './LessonActions';
import { exerciseKey } from './lessonProgress';
import type { LessonsStore } from './lessonsSlice';
import { PythonCode, renderMarkdown } from './render/markdownToReact';
import { shuffleLines } from './shuffleLines';

interface PredictQuestionViewProps {
  readonly lesson: Lesson;
  readonly predict: PredictBlock;
  readonly actions: LessonActions;
  readonly progressOf: LessonsStore;
  readonly running: boolean;
}

/** "Predict, then run": the learner answers, runs the program, and sees who was right. */
export function PredictQuestionView({
  lesson,
  predict,
  actions,
  progressOf,
  running,
}: PredictQuestionViewProps) {
  const key = exerciseKey(lesson.meta.id, predict.id);
  const question = predict.question;
  const [choice, setChoice] = useState<number | null>(null);
  const [order, setOrder] = useState(() =>
    question.kind === 'order' ? shuffleLines(question.lines, key) : [],
  );
  const [revealed, setRevealed] = useState<boolean | null>(null);
  const earlier = useStore(progressOf, (state) => state.progress.predictions[key]);
  const answered = question.kind === 'order' || choice !== null;

  const isRight = (): boolean => {
    switch (question.kind) {
      case 'output':
        return choice === question.answer;
      case 'duration':
        return choice === question.answer;
      case 'order':
        return order.every((line, index) => line === question.lines[index]);
    }
  };
  const legend = `Predict, then run: ${predict.id}`;
  return (
    <fieldset className="lesson-predict" aria-label={legend}>
      <legend>Predict, then run</legend>
      <div className="lesson-prose">{renderMarkdown(predict.prompt, actions)}</div>
      <PythonCode code={predict.program} />
      {question.kind === 'output' && (
        <div role="radiogroup" aria-label="What it prints">
          {question.options.map((option, index) => (
            <label key={index} className="lesson-predict-option">
              <input
                type="radio"
                name={key}
                disabled={revealed !== null}
                checked={choice === index + 1}
                onChange={() => {
                  setChoice(index + 1);
                }}
              />
              <span className="visually-hidden">Option {index + 1}</span>
              <pre>{option}</pre>
            </label>
          ))}
        </div>
      )}
      {question.kind === 'duration' && (
        <div role="radiogroup" aria-label="How long the run takes">
          {question.options.map((seconds) => (
            <label key={seconds} className="lesson-predict-option">
              <input
                type="radio"
                name={key}
                disabled={revealed !== null}
                checked={choice === seconds}
                onChange={() => {
                  setChoice(seconds);
                }}
              />
              {seconds} s
            </label>
          ))}
        </div>
      )}
      {question.kind === 'order' && (
        <ol className="lesson-predict-order" aria-label="Lines in the order you predict">
          {order.map((line, index) => (
            <li key={line}>
              <code>{line}</code>
              <button
                type="button"
                disabled={index === 0 || revealed !== null}
                aria-label={`Move "${line}" up`}
                onClick={() => {
                  setOrder(swap(order, index, index - 1));
                }}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={index === order.length - 1 || revealed !== null}
                aria-label={`Move "${line}" down`}
                onClick={() => {
                  setOrder(swap(order, index, index + 1));
                }}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        disabled={!answered || running || revealed !== null}
        onClick={() => {
          const right = isRight();
          void actions.runPrediction(lesson, predict).then(() => {
            setRevealed(right);
            progressOf.getState().recordPrediction(key, right);
          });
        }}
      >
        Run to see
      </button>
      {revealed === null && earlier !== undefined && (
        <p className="lesson-predict-earlier">
          You answered this before ({earlier ? 'right' : 'not quite'}).
        </p>
      )}
      {revealed !== null && (
        <div role="status" aria-label="Result" className="lesson-predict-result">
          <p className={revealed ? 'lesson-verdict-passed' : 'lesson-verdict-failed'}>
            {revealed ? 'You were right.' : `Not quite: ${rightAnswer(predict)}`}
          </p>
          {renderMarkdown(predict.explanation, actions)}
          <p>
            The run is in the{' '}
            <a
              href="#timeline"
              onClick={(event) => {
                event.preventDefault();
                actions.openPart('timeline');
              }}
            >
              timeline
            </a>
            : step through it to see why.
          </p>
        </div>
      )}
    </fieldset>
  );
}

function swap(lines: readonly string[], a: number, b: number): string[] {
  const next = [...lines];
  [next[a], next[b]] = [next[b] as string, next[a] as string];
  return next;
}

function rightAnswer(predict: PredictBlock): string {
  const question = predict.question;
  switch (question.kind) {
    case 'output':
      return `the program prints option ${question.answer}.`;
    case 'duration':
      return `the run takes ${question.answer} s of virtual time.`;
    case 'order':
      return `the lines come in the order ${question.lines.join(', ')}.`;
  }
}
