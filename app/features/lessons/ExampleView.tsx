import type { ExampleBlock, Lesson } from './format/lessonTypes';
import type { LessonActions } from './LessonActions';
import { PythonCode } from './render/markdownToReact';

/** A runnable example: its code, and a button that puts it in the editor. */
export function ExampleView({
  lesson,
  example,
  actions,
}: {
  readonly lesson: Lesson;
  readonly example: ExampleBlock;
  readonly actions: LessonActions;
}) {
  const number = example.id.replace('example-', '');
  return (
    <figure className="lesson-example" aria-label={`Example ${number}`}>
      <PythonCode code={example.code} />
      {example.output !== null && (
        <pre className="lesson-example-output" aria-label={`What example ${number} prints`}>
          {example.output.lines.join('\n')}
        </pre>
      )}
      <figcaption>
        <button
          type="button"
          onClick={() => {
            actions.openExample(lesson, example);
          }}
        >
          Open example {number} in editor
        </button>
        {example.expectError !== null && (
          <span className="lesson-example-note">
            {' '}
            This one ends with {example.expectError}, on purpose.
          </span>
        )}
      </figcaption>
    </figure>
  );
}
