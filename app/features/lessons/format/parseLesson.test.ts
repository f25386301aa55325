import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  type ExampleBlock,
  type ExerciseBlock,
  type Lesson,
  type PredictBlock,
} from './lessonTypes';
import { parseBlockMeta, parseLesson } from './parseLesson';

const FILE = 'lessons/05-gather.md';
const FRONTMATTER = ['---', 'id: gather', 'title: Gather', 'order: 5', 'summary: S', '---'];

/** A lesson file: valid frontmatter, then these lines (the first is line 7). */
function lessonText(...body: readonly (string | readonly string[])[]): string {
  return [...FRONTMATTER, ...body.flat(), ''].join('\n');
}

/** A fenced block with this info string. */
function fence(info: string, ...lines: readonly string[]): string[] {
  return ['```' + info, ...lines, '```', ''];
}

/** The line of the file on which `marker` first appears. */
function lineOf(text: string, marker: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(marker));
  if (index === -1) throw new Error(`no line holds ${marker}`);
  return index + 1;
}

function parsed(text: string): Lesson {
  const result = parseLesson(FILE, text);
  if ('problems' in result) {
    throw new Error(`expected a lesson, got:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  return result.lesson;
}

/** The problems as the author reads them. */
function problems(text: string): string[] {
  const result = parseLesson(FILE, text);
  if ('lesson' in result) throw new Error('expected problems, got a lesson');
  return result.problems.map(formatProblem);
}

/** The text of each node, without its Markdown. */
function plain(nodes: readonly RootContent[]): string[] {
  const text = (node: RootContent): string =>
    'value' in node ? node.value : 'children' in node ? node.children.map(text).join('') : '';
  return nodes.map(text);
}

const STARTER = fence('python starter', 'import asyncio', 'print("start")');
const SOLUTION = fence('python solution', 'print("solved")');
const CHECK = fence('python check', 'expect(run.printed == ["solved"], "Print solved.")');
const HINT = fence('markdown hint', 'Use *print*.');
const WRONG = fence('python wrong', 'print("wrong")');
const FEEDBACK = fence('text feedback', '  Print solved.  ');

/** An exercise container around these lines. */
function exercise(braces: string, ...inner: readonly (string | readonly string[])[]): string[] {
  return [`:::exercise{${braces}}`, ...inner.flat(), ':::', ''];
}

const COMPLETE_EXERCISE = [
  'Print *solved*.',
  '',
  ...STARTER,
  ...SOLUTION,
  ...CHECK,
  ...HINT,
  ...WRONG,
  ...FEEDBACK,
];

/** A predict container around these lines. */
function predict(braces: string, ...inner: readonly (string | readonly string[])[]): string[] {
  return [`:::predict{${braces}}`, ...inner.flat(), ':::', ''];
}

const PROGRAM = fence('python program', 'print("a")', 'print("b")');

describe('parseBlockMeta', () => {
  it('reads the role, then attributes quoted, bare and without a value', () => {
    const meta = parseBlockMeta('example expect-error=ValueError title="Two words" flag');
    expect(meta.role).toBe('example');
    expect(Object.fromEntries(meta.attributes)).toEqual({
      'expect-error': 'ValueError',
      title: 'Two words',
      flag: '',
    });
    expect(parseBlockMeta(null)).toEqual({ role: '', attributes: new Map() });
  });
});

describe('a lesson’s prose and examples', () => {
  it('keeps prose between examples, and numbers the examples', () => {
    const text = lessonText(
      '# Gather',
      '',
      'Some *prose*.',
      '',
      fence('python example', 'import asyncio', 'print(1)'),
      'Between.',
      '',
      fence('python', 'print("shown, not runnable")'),
      fence('python example expect-error=ValueError', 'raise ValueError("no")'),
    );
    const lesson = parsed(text);
    expect(lesson.file).toBe(FILE);
    expect(lesson.meta.id).toBe('gather');
    expect(lesson.blocks.map((block) => block.kind)).toEqual([
      'prose',
      'example',
      'prose',
      'example',
    ]);
    const [intro, first, between, second] = lesson.blocks;
    expect(intro?.kind === 'prose' && plain(intro.nodes)).toEqual(['Gather', 'Some prose.']);
    expect(first).toEqual<ExampleBlock>({
      kind: 'example',
      id: 'example-1',
      code: 'import asyncio\nprint(1)\n',
      line: lineOf(text, '```python example'),
      expectError: null,
      output: null,
    });
    // A ```python block without a role is prose, shown but not runnable.
    expect(between?.kind === 'prose' && between.nodes.map((node) => node.type)).toEqual([
      'paragraph',
      'code',
    ]);
    expect(second).toMatchObject({
      kind: 'example',
      id: 'example-2',
      code: 'raise ValueError("no")\n',
      line: lineOf(text, 'expect-error=ValueError'),
      expectError: 'ValueError',
    });
  });

  it('asks for the exception’s name when expect-error has none', () => {
    const text = lessonText(fence('python example expect-error', 'raise ValueError'));
    expect(problems(text)).toEqual([
      `${FILE}:7: expect-error needs the exception's name, e.g. expect-error=ValueError`,
    ]);
  });

  it('rejects unknown example attributes and examples that are not Python', () => {
    const text = lessonText(
      fence('python example timeout=3', 'pass'),
      fence('javascript example', 'alert(1)'),
    );
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, 'timeout=3')}: unknown example attribute "timeout"`,
      `${FILE}:${lineOf(text, 'javascript')}: a "example" block must be \`\`\`python`,
    ]);
  });

  it('reads the output an example claims, from the text output block right after it', () => {
    const text = lessonText(
      fence('python example', 'print("hello")'),
      fence('text output', 'hello', 'world ... end'),
    );
    const [example] = parsed(text).blocks;
    expect(example?.kind === 'example' && example.output).toEqual({
      lines: ['hello', 'world ... end'],
      line: lineOf(text, 'text output'),
    });
  });

  it('rejects an output block that does not follow an example, or is not text', () => {
    const text = lessonText(
      'Some prose.',
      '',
      fence('text output', 'alone'),
      fence('python example', 'print(1)'),
      'Prose between.',
      '',
      fence('text output', 'too late'),
      fence('python example', 'print(2)'),
      fence('python output', '2'),
    );
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, 'alone') - 1}: an "output" block must come right after the example it shows`,
      `${FILE}:${lineOf(text, 'too late') - 1}: an "output" block must come right after the example it shows`,
      `${FILE}:${lineOf(text, 'python output')}: an "output" block must be \`\`\`text`,
    ]);
  });

  it('rejects container roles outside a container, and roles it does not know', () => {
    const text = lessonText(fence('python solution', 'pass'), fence('python exampel', 'pass'));
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, 'solution')}: a "solution" block belongs inside an :::exercise or :::predict container`,
      `${FILE}:${lineOf(text, 'exampel')}: unknown block role "exampel" (outside a container, a block's role is "example": \`\`\`python example)`,
    ]);
  });

  it('rejects raw HTML, stray directives and images from other sites, at their lines', () => {
    const text = lessonText(
      '<div>raw</div>',
      '',
      'It is 10:30 now.',
      '',
      '![loop](https://example.com/loop.png) and ![ok](images/loop.png)',
      '',
      '![far](//example.com/loop.png)',
      '',
      '- a list',
      '',
      '  ```python example',
      '  pass',
      '  ```',
    );
    expect(problems(text)).toEqual([
      `${FILE}:7: raw HTML is not allowed in a lesson (it is never shown); write Markdown`,
      `${FILE}:9: ":30" reads as a directive; write "\\:" to keep the colon as text`,
      `${FILE}:11: images must be files of the site (a relative address)`,
      `${FILE}:13: images must be files of the site (a relative address)`,
      `${FILE}:17: a "example" block cannot be nested here`,
    ]);
  });

  it('keeps the file’s line numbers in a file saved with Windows line ends', () => {
    const text = lessonText('Prose.', '', fence('python example', 'print(1)')).replace(
      /\n/g,
      '\r\n',
    );
    const example = parsed(text).blocks[1];
    expect(example).toMatchObject({ kind: 'example', line: 9, code: 'print(1)\n' });
  });

  it('reports problems of the frontmatter and of the body together', () => {
    const text = ['---', 'id: gather', 'title: Gather', 'summary: S', '---', '<b>raw</b>', ''].join(
      '\n',
    );
    expect(problems(text)).toEqual([
      `${FILE}:1: field "order" is missing`,
      `${FILE}:6: raw HTML is not allowed in a lesson (it is never shown); write Markdown`,
    ]);
  });
});

describe('exercises', () => {
  it('reads the task, code, check, hints and wrong answers', () => {
    const text = lessonText(
      exercise(
        '#print-solved title="Print solved"',
        COMPLETE_EXERCISE,
        fence('markdown hint', 'Call `print("solved")`.'),
        fence('python wrong', 'print("also wrong")'),
        fence('text feedback', 'Print solved.'),
      ),
    );
    const [block] = parsed(text).blocks;
    expect(block?.kind).toBe('exercise');
    const exerciseBlock = block as ExerciseBlock;
    expect(exerciseBlock).toMatchObject({
      id: 'print-solved',
      title: 'Print solved',
      line: 7,
      starter: 'import asyncio\nprint("start")\n',
      solution: 'print("solved")\n',
      check: 'expect(run.printed == ["solved"], "Print solved.")',
      allowError: false,
      wrong: [
        {
          code: 'print("wrong")\n',
          line: lineOf(text, 'print("wrong")') - 1,
          feedback: 'Print solved.',
        },
        {
          code: 'print("also wrong")\n',
          line: lineOf(text, 'print("also wrong")') - 1,
          feedback: 'Print solved.',
        },
      ],
    });
    expect(plain(exerciseBlock.prompt)).toEqual(['Print solved.']);
    // Hints are Markdown, parsed.
    expect(exerciseBlock.hints.map(plain)).toEqual([['Use print.'], ['Call print("solved").']]);
    expect(exerciseBlock.hints[0]?.[0]?.type).toBe('paragraph');
  });

  it('reads allow-error', () => {
    const text = lessonText(exercise('#e title="E" allow-error', COMPLETE_EXERCISE));
    expect(parsed(text).blocks[0]).toMatchObject({ kind: 'exercise', allowError: true });
  });

  it('keeps prose written after the blocks as part of the task', () => {
    const text = lessonText(
      exercise('#e title="E"', 'Before the code.', '', STARTER, 'After the starter.', '', [
        ...SOLUTION,
        ...CHECK,
        ...HINT,
        ...WRONG,
        ...FEEDBACK,
      ]),
    );
    const block = parsed(text).blocks[0] as ExerciseBlock;
    expect(plain(block.prompt)).toEqual(['Before the code.', 'After the starter.']);
  });

  it('needs exactly one starter, solution and check, reported at the container or the extra block', () => {
    const text = lessonText(
      exercise(
        '#e title="E"',
        'Task.',
        '',
        SOLUTION,
        fence('python solution', 'pass'),
        HINT,
        WRONG,
        FEEDBACK,
      ),
    );
    expect(problems(text)).toEqual([
      `${FILE}:7: :::exercise{#e} needs exactly one "starter" block (found 0)`,
      `${FILE}:${lineOf(text, 'pass') - 1}: :::exercise{#e} needs exactly one "solution" block (found 2)`,
      `${FILE}:7: :::exercise{#e} needs exactly one "check" block (found 0)`,
    ]);
  });

  it('needs a title, a task, a hint and a wrong answer', () => {
    const text = lessonText(exercise('#e', STARTER, SOLUTION, CHECK));
    expect(problems(text)).toEqual([
      `${FILE}:7: :::exercise{#e} needs a title="…"`,
      `${FILE}:7: :::exercise{#e} needs a task in prose`,
      `${FILE}:7: :::exercise{#e} needs at least one "hint" block`,
      `${FILE}:7: :::exercise{#e} needs at least one "wrong" answer with its "feedback"`,
    ]);
  });

  it('pairs each wrong answer with the feedback that follows it', () => {
    const text = lessonText(
      exercise(
        '#e title="E"',
        'Task.',
        '',
        STARTER,
        SOLUTION,
        CHECK,
        HINT,
        fence('python wrong', 'print("first")'),
        fence('text feedback', 'orphan'),
        fence('python wrong', 'print("empty feedback")'),
        fence('text feedback', '   '),
      ),
    );
    // The first wrong block is followed by a feedback block, which it then owns.
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, 'empty feedback') - 1}: a "wrong" block must be followed by a "feedback" block saying what the check answers`,
    ]);
    const reordered = lessonText(
      exercise(
        '#e title="E"',
        'Task.',
        '',
        STARTER,
        SOLUTION,
        CHECK,
        HINT,
        fence('text feedback', 'orphan'),
        fence('python wrong', 'print("last")'),
      ),
    );
    expect(problems(reordered)).toEqual([
      `${FILE}:${lineOf(reordered, 'orphan') - 1}: a "feedback" block must follow a "wrong" block`,
      `${FILE}:${lineOf(reordered, 'print("last")') - 1}: a "wrong" block must be followed by a "feedback" block saying what the check answers`,
    ]);
  });

  it('rejects unknown attributes, roles of other containers and code that is not Python', () => {
    const text = lessonText(
      exercise(
        '#e title="E" points=3',
        'Task.',
        '',
        fence('js starter', 'let x'),
        SOLUTION,
        CHECK,
        HINT,
        WRONG,
        FEEDBACK,
        fence('python program', 'pass'),
      ),
    );
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, 'python program')}: :::exercise takes "starter", "solution", "check", "hint", "wrong", "feedback" blocks, not "program"`,
      `${FILE}:${lineOf(text, 'js starter')}: a "starter" block must be \`\`\`python`,
      `${FILE}:7: unknown exercise attribute "points"`,
    ]);
  });

  it('checks a hint’s Markdown, reporting at the file’s line', () => {
    const text = lessonText(
      exercise(
        '#e title="E"',
        'Task.',
        '',
        STARTER,
        SOLUTION,
        CHECK,
        fence('markdown hint', 'First line.', '', '<script>alert(1)</script>'),
        WRONG,
        FEEDBACK,
      ),
    );
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, '<script>')}: raw HTML is not allowed in a lesson (it is never shown); write Markdown`,
    ]);
  });

  it('rejects containers nested in an exercise', () => {
    const text = lessonText(
      '::::exercise{#outer title="Outer"}',
      COMPLETE_EXERCISE,
      ':::predict{#inner kind=order}',
      'Inner.',
      ':::',
      '::::',
    );
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, ':::predict')}: :::predict cannot be nested here`,
    ]);
  });
});

describe('predict questions', () => {
  it('reads an output question: its options and the right one', () => {
    const text = lessonText(
      predict(
        '#what-prints kind=output answer=2',
        'What does it print?',
        '',
        PROGRAM,
        fence('text option', 'b', 'a'),
        fence('text option', 'a', 'b'),
        fence('markdown explain', 'Lines print **in order**.'),
      ),
    );
    const block = parsed(text).blocks[0] as PredictBlock;
    expect(block).toMatchObject({
      kind: 'predict',
      id: 'what-prints',
      line: 7,
      program: 'print("a")\nprint("b")\n',
      question: { kind: 'output', options: ['b\na', 'a\nb'], answer: 2 },
    });
    expect(plain(block.prompt)).toEqual(['What does it print?']);
    expect(plain(block.explanation)).toEqual(['Lines print in order.']);
  });

  it('reads an order question: the lines in the order printed, and prose after the blocks as explanation', () => {
    const text = lessonText(
      predict(
        '#in-order kind=order',
        'Put them in order.',
        '',
        PROGRAM,
        fence('text answer', 'a', 'b'),
        'Said after the blocks.',
        '',
        fence('markdown explain', 'Why.'),
      ),
    );
    const block = parsed(text).blocks[0] as PredictBlock;
    expect(block.question).toEqual({ kind: 'order', lines: ['a', 'b'] });
    expect(plain(block.explanation)).toEqual(['Said after the blocks.', 'Why.']);
  });

  it('reads a duration question: the options in seconds and the answer', () => {
    const text = lessonText(
      predict('#how-long kind=duration options="0.5, 1 2" answer=1', 'How long?', '', PROGRAM),
    );
    expect((parsed(text).blocks[0] as PredictBlock).question).toEqual({
      kind: 'duration',
      options: [0.5, 1, 2],
      answer: 1,
    });
  });

  it('rejects an answer that is not among the options', () => {
    const twoOptions = [...fence('text option', 'x'), ...fence('text option', 'y')];
    for (const answer of ['answer=3', 'answer=0', 'answer=first', '']) {
      const text = lessonText(predict(`#q kind=output ${answer}`, 'Q?', '', PROGRAM, twoOptions));
      expect(problems(text)).toEqual([
        `${FILE}:7: :::predict{#q} needs answer=N, the number of the right option (1 to 2)`,
      ]);
    }
    for (const answer of ['answer=5', '']) {
      const text = lessonText(
        predict(`#q kind=duration options="1 2 3" ${answer}`, 'Q?', '', PROGRAM),
      );
      expect(problems(text)).toEqual([
        `${FILE}:7: :::predict{#q} needs answer=…, one of its options`,
      ]);
    }
  });

  it('needs two or more options for an output question', () => {
    const text = lessonText(
      predict('#q kind=output answer=1', 'Q?', '', PROGRAM, fence('text option', 'a')),
    );
    expect(problems(text)).toEqual([
      `${FILE}:7: :::predict{#q kind=output} needs two or more "option" blocks`,
    ]);
  });

  it('needs durations that are numbers of seconds', () => {
    for (const options of ['options="1"', 'options="1 two"', 'options="-1 1"', '']) {
      const text = lessonText(predict(`#q kind=duration ${options} answer=1`, 'Q?', '', PROGRAM));
      expect(problems(text)).toEqual([
        `${FILE}:7: :::predict{#q kind=duration} needs options="1 2 3", durations in seconds`,
      ]);
    }
  });

  it('needs 2 to 8 different lines for an order question', () => {
    const answer = (...lines: string[]) =>
      lessonText(predict('#q kind=order', 'Q?', '', PROGRAM, fence('text answer', ...lines)));
    const message = `${FILE}:7: :::predict{#q kind=order} needs a "text answer" block: the 2 to 8 printed lines, each different, in the order printed`;
    expect(problems(answer('only one'))).toEqual([message]);
    expect(problems(answer('same', 'same'))).toEqual([message]);
    const numbered = (count: number) =>
      Array.from({ length: count }, (_, index) => `line ${index + 1}`);
    expect(problems(answer(...numbered(9)))).toEqual([message]);
    expect(parsed(answer(...numbered(8))).blocks[0]).toMatchObject({
      question: { kind: 'order', lines: numbered(8) },
    });
    expect(problems(lessonText(predict('#q kind=order', 'Q?', '', PROGRAM)))).toEqual([
      `${FILE}:7: :::predict{#q} needs exactly one "answer" block (found 0)`,
    ]);
  });

  it('rejects attributes and blocks its kind does not take', () => {
    const text = lessonText(
      predict(
        '#q kind=duration options="1 2" answer=1 anwser=2',
        'Q?',
        '',
        PROGRAM,
        fence('text option', '1'),
      ),
      predict(
        '#r kind=order answer=1',
        'Q?',
        '',
        PROGRAM,
        fence('text option', 'a'),
        fence('text answer', 'a', 'b'),
      ),
      predict(
        '#s kind=output answer=1 options="1 2"',
        'Q?',
        '',
        PROGRAM,
        fence('text option', 'a'),
        fence('text option', 'b'),
        fence('text answer', 'a'),
      ),
    );
    const textLines = text.split('\n');
    const lineOfNth = (marker: string, nth: number): number =>
      textLines.flatMap((line, index) => (line.includes(marker) ? [index + 1] : []))[nth] ?? 0;
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, '#q')}: :::predict{#q kind=duration} takes no "anwser" attribute`,
      `${FILE}:${lineOfNth('text option', 0)}: :::predict{#q kind=duration} takes no "option" blocks`,
      `${FILE}:${lineOf(text, '#r')}: :::predict{#r kind=order} takes no "answer" attribute`,
      `${FILE}:${lineOfNth('text option', 1)}: :::predict{#r kind=order} takes no "option" blocks`,
      `${FILE}:${lineOf(text, '#s')}: :::predict{#s kind=output} takes no "options" attribute`,
      `${FILE}:${lineOfNth('text answer', 1)}: :::predict{#s kind=output} takes no "answer" blocks`,
    ]);
  });

  it('needs a kind, a question in prose and one Python program', () => {
    const text = lessonText(
      predict('#q', 'Q?', '', PROGRAM),
      predict('#r kind=guess', 'Q?', '', PROGRAM),
      predict('#s kind=order', fence('text answer', 'a', 'b')),
      predict(
        '#t kind=order',
        'Q?',
        '',
        fence('text program', 'a'),
        fence('text answer', 'a', 'b'),
      ),
    );
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, '#q')}: :::predict{#q} needs kind=output, kind=order or kind=duration`,
      `${FILE}:${lineOf(text, '#r')}: :::predict{#r} needs kind=output, kind=order or kind=duration`,
      `${FILE}:${lineOf(text, '#s')}: :::predict{#s} needs a question in prose`,
      `${FILE}:${lineOf(text, '#s')}: :::predict{#s} needs exactly one "program" block (found 0)`,
      `${FILE}:${lineOf(text, 'text program')}: a "program" block must be \`\`\`python`,
    ]);
  });

  it('checks an explanation’s Markdown, reporting at the file’s line, once', () => {
    const text = lessonText(
      predict(
        '#q kind=order',
        'Q?',
        '',
        PROGRAM,
        fence('text answer', 'a', 'b'),
        '<i>after</i>',
        '',
        fence('markdown explain', 'Because.', '', ':::note{#n}', 'x', ':::'),
      ),
    );
    expect(problems(text)).toEqual([
      `${FILE}:${lineOf(text, '<i>after')}: raw HTML is not allowed in a lesson (it is never shown); write Markdown`,
      `${FILE}:${lineOf(text, ':::note')}: :::note cannot be nested here`,
    ]);
  });
});

describe('containers', () => {
  it('needs an id, lowercase words joined by hyphens, used once in the lesson', () => {
    const order = (braces: string) =>
      predict(`${braces} kind=order`, 'Q?', '', PROGRAM, fence('text answer', 'a', 'b'));
    const text = lessonText(
      exercise('#twice title="E"', COMPLETE_EXERCISE),
      order('#twice'),
      order(''),
      order(''),
      order('#Not_An_Id'),
    );
    const containers = text
      .split('\n')
      .flatMap((line, index) => (line.startsWith(':::predict') ? [index + 1] : []));
    expect(problems(text)).toEqual([
      `${FILE}:${containers[0]}: the id "twice" is used twice in this lesson`,
      `${FILE}:${containers[1]}: :::predict needs an id, e.g. :::predict{#my-id}`,
      `${FILE}:${containers[2]}: :::predict needs an id, e.g. :::predict{#my-id}`,
      `${FILE}:${containers[3]}: :::predict id "Not_An_Id" must be lowercase words joined by hyphens`,
    ]);
  });

  it('knows only :::exercise and :::predict', () => {
    const text = lessonText(':::quiz{#q}', 'Q?', ':::');
    expect(problems(text)).toEqual([
      `${FILE}:7: unknown container :::quiz (use :::exercise or :::predict)`,
    ]);
  });

  it('keeps the lesson’s order of prose, examples, exercises and questions', () => {
    const text = lessonText(
      'Intro.',
      '',
      predict('#q kind=order', 'Q?', '', PROGRAM, fence('text answer', 'a', 'b')),
      fence('python example', 'pass'),
      exercise('#e title="E"', COMPLETE_EXERCISE),
      'Outro.',
    );
    expect(
      parsed(text).blocks.map((block) => `${block.kind}${'id' in block ? ` ${block.id}` : ''}`),
    ).toEqual(['prose', 'predict q', 'example example-1', 'exercise e', 'prose']);
  });
});
