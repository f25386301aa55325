import { describe, expect, it } from 'vitest';
import { formatProblem } from './lessonTypes';
import { parseFrontmatter, splitFrontmatter } from './parseFrontmatter';
import { parseLesson } from './parseLesson';

const FILE = 'lessons/05-gather.md';
const VALID = ['id: gather', 'title: Gather', 'order: 5', 'summary: Run several at once.'];

/** A lesson whose frontmatter is these lines, and a line of prose. */
function lessonWith(frontmatter: readonly string[]): string {
  return ['---', ...frontmatter, '---', '', 'Prose.', ''].join('\n');
}

/** What the author reads for a lesson with this frontmatter: `file:line: message` lines. */
function problemsOf(frontmatter: readonly string[]): string[] {
  const parsed = parseLesson(FILE, lessonWith(frontmatter));
  return 'problems' in parsed ? parsed.problems.map(formatProblem) : [];
}

describe('splitFrontmatter', () => {
  it('splits the YAML from the body, blanking its lines so that body lines stay the file’s', () => {
    const split = splitFrontmatter('---\nid: a\ntitle: T\n---\n# Heading\n');
    expect(split).toEqual({ yaml: 'id: a\ntitle: T', body: '\n\n\n\n# Heading\n' });
    expect(split?.body.split('\n')[4]).toBe('# Heading');
  });

  it('accepts trailing spaces after the fences', () => {
    expect(splitFrontmatter('---  \nid: a\n--- \nbody')?.yaml).toBe('id: a');
  });

  it('finds none when the file does not open with "---" or never closes it', () => {
    expect(splitFrontmatter('# Heading\n---\nid: a\n---\n')).toBeNull();
    expect(splitFrontmatter('---\nid: a\n')).toBeNull();
    expect(splitFrontmatter('')).toBeNull();
  });
});

describe('parseFrontmatter', () => {
  it('reads every field, trimming text and defaulting the optional lists to empty', () => {
    const yaml = [
      'id: sleeping-together',
      'title: "  Sleeping together  "',
      'order: 90',
      'summary: Two sleeps started together end together.',
      'assumes:',
      '  - await and asyncio.run',
      '  - tasks',
      'explains: [blocking-call, never-awaited]',
    ].join('\n');
    expect(parseFrontmatter(yaml)).toEqual({
      meta: {
        id: 'sleeping-together',
        title: 'Sleeping together',
        order: 90,
        summary: 'Two sleeps started together end together.',
        assumes: ['await and asyncio.run', 'tasks'],
        explains: ['blocking-call', 'never-awaited'],
      },
    });
    expect(parseFrontmatter(VALID.join('\n'))).toEqual({
      meta: {
        id: 'gather',
        title: 'Gather',
        order: 5,
        summary: 'Run several at once.',
        assumes: [],
        explains: [],
      },
    });
  });

  it('counts lines from the file’s first line, the opening "---"', () => {
    expect(parseFrontmatter('id: a\ntitle: T\norder: x\nsummary: S')).toEqual({
      problems: [{ line: 4, message: 'field "order": must be a whole number from 1' }],
    });
  });
});

describe('frontmatter problems, as the author reads them', () => {
  it('reports none for a valid lesson', () => {
    expect(problemsOf(VALID)).toEqual([]);
  });

  it('names each missing field, at the opening line', () => {
    expect(problemsOf(['title: Gather'])).toEqual([
      `${FILE}:1: field "id" is missing`,
      `${FILE}:1: field "summary" is missing`,
      `${FILE}:1: field "order" is missing`,
    ]);
  });

  it('rejects an order that is not a whole number from 1, at its line', () => {
    for (const order of ['"5"', '0', '-1', '1.5', 'five', '[5]']) {
      expect(problemsOf(['id: gather', 'title: Gather', `order: ${order}`, 'summary: S'])).toEqual([
        `${FILE}:4: field "order": must be a whole number from 1`,
      ]);
    }
  });

  it('rejects text fields that are empty or not text', () => {
    expect(problemsOf(['id:', 'title: 42', 'order: 5', 'summary: "  "'])).toEqual([
      `${FILE}:2: field "id": must be a non-empty string`,
      `${FILE}:3: field "title": must be a non-empty string`,
      `${FILE}:5: field "summary": must be a non-empty string`,
    ]);
  });

  it('rejects an id that is not lowercase words joined by hyphens', () => {
    for (const id of ['Gather', 'gather_all', 'gather--all', '-gather', 'gather all']) {
      expect(problemsOf([`id: ${id}`, 'title: T', 'order: 5', 'summary: S'])).toEqual([
        `${FILE}:2: field "id": "${id}" must be lowercase words joined by hyphens`,
      ]);
    }
  });

  it('rejects a summary of more than one line or more than 200 characters', () => {
    const base = ['id: gather', 'title: Gather', 'order: 5'];
    expect(problemsOf([...base, 'summary: |', '  one', '  two'])).toEqual([
      `${FILE}:5: field "summary": must be one line of at most 200 characters`,
    ]);
    expect(problemsOf([...base, `summary: ${'x'.repeat(201)}`])).toEqual([
      `${FILE}:5: field "summary": must be one line of at most 200 characters`,
    ]);
    expect(problemsOf([...base, `summary: ${'x'.repeat(200)}`])).toEqual([]);
  });

  it('rejects an unknown field, naming it and the fields there are', () => {
    expect(problemsOf([...VALID, 'colour: red'])).toEqual([
      `${FILE}:6: unknown field "colour" (the fields are id, title, order, summary, assumes, explains)`,
    ]);
  });

  it('names a field given twice, at its second line', () => {
    expect(problemsOf([...VALID, 'order: 6'])).toEqual([`${FILE}:6: field "order" is given twice`]);
  });

  it('rejects lists that are not lists of strings, and overlays it does not know', () => {
    expect(
      problemsOf([...VALID, 'assumes: await', 'explains:', '  - blocking-call', '  - slow-code']),
    ).toEqual([
      `${FILE}:6: field "assumes": must be a list of strings`,
      `${FILE}:9: field "explains": "slow-code" is not one of blocking-call, never-awaited, exception-never-retrieved, cancelled-at-shutdown`,
    ]);
    expect(problemsOf([...VALID, 'assumes: [1, 2]'])).toEqual([
      `${FILE}:6: field "assumes": must be a list of strings`,
    ]);
  });

  it('reports YAML that does not parse at the file’s line and column, not the frontmatter’s', () => {
    // yaml's own messages say "at line 2" here, counting from the frontmatter's first line.
    expect(problemsOf(['id: gather', 'title: Gather', '  order: 5', 'summary: S'])).toEqual([
      `${FILE}:3: frontmatter is not valid YAML (column 8): Nested mappings are not allowed in compact mappings`,
      `${FILE}:3: frontmatter is not valid YAML (column 8): Implicit keys need to be on a single line`,
    ]);
    const [unclosed, ...more] = problemsOf([
      'id: gather',
      'title: "Gather',
      'order: 5',
      'summary: S',
    ]);
    expect(more).toEqual([]);
    expect(unclosed).toMatch(
      /^lessons\/05-gather\.md:[2-5]: frontmatter is not valid YAML \(column \d+\): Missing closing "quote$/,
    );
  });

  it('rejects frontmatter that is empty or not a mapping', () => {
    expect(problemsOf([])).toEqual([`${FILE}:1: frontmatter must be a YAML mapping`]);
    expect(problemsOf(['- id: gather'])).toEqual([`${FILE}:1: frontmatter must be a YAML mapping`]);
  });

  it('asks for frontmatter when the file has none', () => {
    const parsed = parseLesson(FILE, '# Gather\n\nProse.\n');
    expect('problems' in parsed && parsed.problems.map(formatProblem)).toEqual([
      `${FILE}:1: a lesson starts with frontmatter between two "---" lines`,
    ]);
  });

  it('reads a file saved with Windows line ends like any other', () => {
    const parsed = parseLesson(FILE, lessonWith(VALID).replace(/\n/g, '\r\n'));
    expect('lesson' in parsed && parsed.lesson.meta.title).toBe('Gather');
    const broken = parseLesson(
      FILE,
      lessonWith(['id: gather', 'title: T', 'order: 0', 'summary: S']).replace(/\n/g, '\r\n'),
    );
    expect('problems' in broken && broken.problems.map(formatProblem)).toEqual([
      `${FILE}:4: field "order": must be a whole number from 1`,
    ]);
  });
});
