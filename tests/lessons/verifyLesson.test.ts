/**
 * `lessons:check` on the real runtime: the sample lesson that
 * docs/authoring-lessons.md teaches passes, and each kind of false claim a
 * lesson can make is reported at its line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseLesson } from '../../app/features/lessons/format/parseLesson';
import type { Lesson, LessonProblem } from '../../app/features/lessons/format/lessonTypes';
import { verifyLesson } from '../../tools/lessons/verifyLesson';
import { useRuntime } from '../runtime/runtimeFixture';

const runtime = useRuntime();

function parsed(file: string, text: string): Lesson {
  const result = parseLesson(file, text);
  if (!('lesson' in result)) {
    throw new Error(`${file} does not parse: ${JSON.stringify(result.problems)}`);
  }
  return result.lesson;
}

function verify(lesson: Lesson): { problems: LessonProblem[] } {
  return verifyLesson(lesson, (request) => runtime().run(request));
}

/** The lesson inside the guide's first ````markdown fence. */
function guideLesson(): string {
  const guide = readFileSync(new URL('../../docs/authoring-lessons.md', import.meta.url), 'utf8');
  const match = /^````markdown\n([\s\S]*?)^````$/m.exec(guide);
  if (match?.[1] === undefined) throw new Error('the guide has no complete lesson');
  return match[1];
}

const FRONTMATTER = `---
id: claims
title: Claims
order: 1
summary: Claims that lessons:check must catch.
assumes: []
---
`;

/** A lesson file built from blocks; returns it with the line each block starts on. */
function lessonOf(...blocks: string[]): { text: string; lines: number[] } {
  let text = `${FRONTMATTER}\n`;
  const lines: number[] = [];
  for (const block of blocks) {
    lines.push(text.split('\n').length);
    text += `${block}\n\n`;
  }
  return { text, lines };
}

const PRINT_AFTER_SLEEP = `import asyncio

async def main():
    await asyncio.sleep(2)
    print("done")

asyncio.run(main())`;

test('the complete small lesson in docs/authoring-lessons.md passes', () => {
  expect(verify(parsed('lessons/90-sleeping-together.md', guideLesson())).problems).toEqual([]);
});

describe('a false claim is reported at its line', () => {
  test('an example that fails without saying so, and one that fails differently', () => {
    const { text, lines } = lessonOf(
      '```python example\nraise ValueError("boom")\n```',
      '```python example expect-error=KeyError\nraise ValueError("boom")\n```',
      '```python example expect-error=ValueError\nraise ValueError("boom")\n```',
    );
    expect(
      verify(parsed('claims.md', text)).problems.map(
        (problem) => `${problem.file}:${problem.line}: ${problem.message}`,
      ),
    ).toEqual([
      `claims.md:${lines[0]}: the example ends with an error (ValueError: boom); add expect-error=… if that is the point`,
      `claims.md:${lines[1]}: the example should end with KeyError but ended with ValueError`,
    ]);
  });

  test('the output an example claims: lines in order, with `...` for any text', () => {
    const example =
      '```python example\nimport sys\nprint("one 1")\nprint("warn", file=sys.stderr)\nprint("two")\n```';
    const { text, lines } = lessonOf(
      `${example}\n\n\`\`\`text output\none ...\ntwo\n\`\`\``,
      `${example}\n\n\`\`\`text output\ntwo\nwarn\n\`\`\``,
    );
    expect(
      verify(parsed('claims.md', text)).problems.map(
        (problem) => `${problem.line}: ${problem.message}`,
      ),
    ).toEqual([
      `${(lines[1] ?? 0) + 7}: the example's output has no line "warn" where this block puts it; it prints:\none 1\nwarn\ntwo`,
    ]);
  });

  test('a check that cannot fail, a solution that fails, and wrong answers the check misjudges', () => {
    const exercise = [
      ':::exercise{#wait title="Wait two seconds"}',
      'Make the run last 2 s.',
      '',
      '```python starter',
      PRINT_AFTER_SLEEP,
      '```',
      '',
      '```python solution',
      PRINT_AFTER_SLEEP.replace('sleep(2)', 'sleep(3)'),
      '```',
      '',
      '```python check',
      'expect(about(run.duration, 2), f"The run took {run.duration:g} s, not 2 s.")',
      '```',
      '',
      '```markdown hint',
      'Sleep for 2 s.',
      '```',
      '',
      '```python wrong',
      PRINT_AFTER_SLEEP.replace('sleep(2)', 'sleep(1)'),
      '```',
      '',
      '```text feedback',
      'The run took 5 s',
      '```',
      '',
      ':::',
    ].join('\n');
    const { text, lines } = lessonOf(exercise);
    const wrongLine = (lines[0] ?? 0) + exercise.split('\n').indexOf('```python wrong');
    const messages = verify(parsed('claims.md', text)).problems.map(
      (problem) => `${problem.line}: ${problem.message}`,
    );
    expect(messages).toEqual([
      `${lines[0]}: exercise "wait": the solution fails its own check: The run took 3 s, not 2 s.`,
      `${lines[0]}: exercise "wait": the starter passes the check, so the check cannot tell a finished exercise from an unfinished one`,
      `${wrongLine}: exercise "wait": the check answers "The run took 1 s, not 2 s.", which does not contain the expected feedback "The run took 5 s"`,
    ]);
  });

  test('a check that crashes is reported as the check’s fault, not the learner’s', () => {
    const { text, lines } = lessonOf(
      [
        ':::exercise{#crash title="Crash"}',
        'Anything.',
        '',
        '```python starter',
        'print("starter")',
        '```',
        '',
        '```python solution',
        'print("solution")',
        '```',
        '',
        '```python check',
        'if run.printed[0] != "solution":',
        '    run.no_such_fact',
        '```',
        '',
        '```markdown hint',
        'Print "solution".',
        '```',
        '',
        '```python wrong',
        'print("wrong")',
        '```',
        '',
        '```text feedback',
        'solution',
        '```',
        '',
        ':::',
      ].join('\n'),
    );
    const [problem] = verify(parsed('claims.md', text)).problems;
    expect(problem?.line).toBe(lines[0]);
    expect(problem?.message).toMatch(/^exercise "crash": the check crashes on the starter: /);
  });

  test('predictions whose answers are not what the program does', () => {
    const program = ['```python program', PRINT_AFTER_SLEEP, '```'].join('\n');
    const { text, lines } = lessonOf(
      `:::predict{#how-long kind=duration options="1 2 3" answer=3}\nHow long?\n\n${program}\n\n:::`,
      `:::predict{#what kind=output answer=1}\nWhat prints?\n\n${program}\n\n\`\`\`text option\nnothing\n\`\`\`\n\n\`\`\`text option\ndone\n\`\`\`\n\n:::`,
      `:::predict{#order kind=order}\nIn which order?\n\n${program}\n\n\`\`\`text answer\nstart\ndone\n\`\`\`\n\n:::`,
    );
    expect(
      verify(parsed('claims.md', text)).problems.map(
        (problem) => `${problem.line}: ${problem.message}`,
      ),
    ).toEqual([
      `${lines[0]}: prediction "how-long": the run takes 2 s of virtual time, but answer=3`,
      `${lines[1]}: prediction "what": the program prints "done", which is option 2, but answer=1`,
      `${lines[2]}: prediction "order": the program prints ["done"], not the answer's lines ["start","done"]`,
    ]);
  });
});
