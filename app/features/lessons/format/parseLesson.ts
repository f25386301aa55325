/**
 * Parses one lesson file (docs/authoring-lessons.md) into a `Lesson`, or the
 * list of every problem found, each with its line. Shared by the page and by
 * `npm run lessons:check`, so both read a lesson the same way.
 */
import type { Code, Nodes, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { gfmTable } from 'micromark-extension-gfm-table';
import type {
  ExampleBlock,
  ExampleOutput,
  ExerciseBlock,
  Lesson,
  LessonBlock,
  LessonProblem,
  PredictBlock,
  PredictQuestion,
  WrongAnswer,
} from './lessonTypes.ts';
import { parseFrontmatter, splitFrontmatter } from './parseFrontmatter.ts';

/** A fenced block's info string after the language: its role, then `key=value` attributes. */
interface BlockMeta {
  readonly role: string;
  /** Each attribute's value; "" for a bare `key`. */
  readonly attributes: ReadonlyMap<string, string>;
}

const META_TOKEN = /([\w-]+)(?:=(?:"([^"]*)"|(\S+)))?/g;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What an `order` question shuffles must fit on screen and be unambiguous. */
export const ORDER_LINES = { min: 2, max: 8 };
const EXERCISE_ROLES = ['starter', 'solution', 'check', 'hint', 'wrong', 'feedback'];
const PREDICT_ROLES = ['program', 'option', 'answer', 'explain'];
const CONTAINER_ROLES = new Set([...EXERCISE_ROLES, ...PREDICT_ROLES]);

export function parseBlockMeta(meta: string | null | undefined): BlockMeta {
  const attributes = new Map<string, string>();
  let role = '';
  for (const match of (meta ?? '').matchAll(META_TOKEN)) {
    const [, key = '', quoted, bare] = match;
    if (role === '' && quoted === undefined && bare === undefined) {
      role = key;
    } else {
      attributes.set(key, quoted ?? bare ?? '');
    }
  }
  return { role, attributes };
}

/** A program as the editor keeps it: ending in a line break, like a file. */
function programText(node: Code): string {
  return `${node.value}\n`;
}

function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1;
}

/**
 * Parses and checks the Markdown inside a fenced block (a hint, an
 * explanation), reporting problems at the file's lines, not the block's.
 */
function readNestedMarkdown(node: Code, report: Report): RootContent[] {
  const nodes = parseMarkdown(node.value);
  // The block's first line of content is the line after its opening fence.
  const reportInFile: Report = (line, message) => {
    report(lineOf(node) + line, message);
  };
  for (const child of nodes) checkProse(child, reportInFile);
  return nodes;
}

/** Parses the Markdown of a lesson's body (also used for hints, which are Markdown). */
export function parseMarkdown(text: string): RootContent[] {
  return fromMarkdown(text, {
    // Tables as GitHub writes them: lessons compare APIs side by side.
    extensions: [directive(), gfmTable()],
    mdastExtensions: [directiveFromMarkdown(), gfmTableFromMarkdown()],
  }).children;
}

/** Parses a lesson file: the lesson, or every problem found (never both). */
export function parseLesson(
  file: string,
  text: string,
): { readonly lesson: Lesson } | { readonly problems: readonly LessonProblem[] } {
  const problems: LessonProblem[] = [];
  const report = (line: number, message: string): void => {
    // `a <b>b</b> c` holds two HTML nodes on one line: say it once.
    if (problems.some((problem) => problem.line === line && problem.message === message)) return;
    problems.push({ file, line, message });
  };
  // A file saved with Windows line ends reads as any other; lines stay the file's.
  const split = splitFrontmatter(text.replace(/\r\n?/g, '\n'));
  if (split === null) {
    report(1, 'a lesson starts with frontmatter between two "---" lines');
    return { problems };
  }
  const front = parseFrontmatter(split.yaml);
  if ('problems' in front) {
    for (const problem of front.problems) report(problem.line, problem.message);
  }
  const blocks = readBlocks(parseMarkdown(split.body), report);
  if ('problems' in front || problems.length > 0) return { problems };
  return { lesson: { file, meta: front.meta, blocks } };
}

type Report = (line: number, message: string) => void;

function readBlocks(nodes: readonly RootContent[], report: Report): LessonBlock[] {
  const blocks: LessonBlock[] = [];
  let prose: RootContent[] = [];
  let examples = 0;
  const ids = new Set<string>();
  const endProse = (): void => {
    if (prose.length > 0) blocks.push({ kind: 'prose', nodes: prose });
    prose = [];
  };
  const claimId = (id: string, line: number): void => {
    if (ids.has(id)) report(line, `the id "${id}" is used twice in this lesson`);
    ids.add(id);
  };
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'code' && node.meta) {
      const meta = parseBlockMeta(node.meta);
      if (meta.role === 'output') {
        const example = blocks.at(-1);
        if (
          example?.kind === 'example' &&
          nodes[index - 1]?.type === 'code' &&
          prose.length === 0
        ) {
          blocks[blocks.length - 1] = { ...example, output: readOutput(node, meta, report) };
        } else {
          report(lineOf(node), 'an "output" block must come right after the example it shows');
        }
        continue;
      }
      if (meta.role !== 'example') {
        report(
          lineOf(node),
          CONTAINER_ROLES.has(meta.role)
            ? `a "${meta.role}" block belongs inside an :::exercise or :::predict container`
            : `unknown block role "${meta.role}" (outside a container, a block's role is "example": \`\`\`python example)`,
        );
        continue;
      }
      endProse();
      examples += 1;
      blocks.push(readExample(node, meta, examples, report));
    } else if (node.type === 'containerDirective') {
      endProse();
      const id = node.attributes?.id ?? '';
      if (id === '') {
        report(lineOf(node), `:::${node.name} needs an id, e.g. :::${node.name}{#my-id}`);
      } else if (!ID.test(id)) {
        report(
          lineOf(node),
          `:::${node.name} id "${id}" must be lowercase words joined by hyphens`,
        );
      } else {
        claimId(id, lineOf(node));
      }
      if (node.name === 'exercise') {
        const exercise = readExercise(node, id, report);
        if (exercise !== null) blocks.push(exercise);
      } else if (node.name === 'predict') {
        const predict = readPredict(node, id, report);
        if (predict !== null) blocks.push(predict);
      } else {
        report(lineOf(node), `unknown container :::${node.name} (use :::exercise or :::predict)`);
      }
    } else {
      checkProse(node, report);
      prose.push(node);
    }
  }
  endProse();
  return blocks;
}

/** Prose may not hold raw HTML, directives or images from other sites. */
function checkProse(node: Nodes, report: Report): void {
  switch (node.type) {
    case 'html':
      report(
        lineOf(node),
        'raw HTML is not allowed in a lesson (it is never shown); write Markdown',
      );
      return;
    case 'textDirective':
    case 'leafDirective':
      report(
        lineOf(node),
        `":${node.name}" reads as a directive; write "\\:" to keep the colon as text`,
      );
      return;
    case 'containerDirective':
      report(lineOf(node), `:::${node.name} cannot be nested here`);
      return;
    case 'image':
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(node.url)) {
        report(lineOf(node), 'images must be files of the site (a relative address)');
      }
      return;
    case 'code':
      if (node.meta) {
        report(lineOf(node), `a "${parseBlockMeta(node.meta).role}" block cannot be nested here`);
      }
      return;
    default:
      if ('children' in node) for (const child of node.children) checkProse(child, report);
  }
}

function readOutput(node: Code, meta: BlockMeta, report: Report): ExampleOutput {
  if (node.lang !== 'text') report(lineOf(node), 'an "output" block must be ```text');
  for (const key of meta.attributes.keys()) {
    report(lineOf(node), `unknown output attribute "${key}"`);
  }
  const lines = node.value === '' ? [] : node.value.split('\n');
  if (lines.length === 0) report(lineOf(node), 'an "output" block needs at least one line');
  return { lines, line: lineOf(node) };
}

function readExample(node: Code, meta: BlockMeta, count: number, report: Report): ExampleBlock {
  expectPython(node, report);
  for (const key of meta.attributes.keys()) {
    if (key !== 'expect-error') report(lineOf(node), `unknown example attribute "${key}"`);
  }
  const expectError = meta.attributes.get('expect-error') ?? null;
  if (expectError === '') {
    report(lineOf(node), "expect-error needs the exception's name, e.g. expect-error=ValueError");
  }
  return {
    kind: 'example',
    id: `example-${count}`,
    code: programText(node),
    line: lineOf(node),
    expectError,
    output: null,
  };
}

function expectPython(node: Code, report: Report): void {
  if (node.lang !== 'python') {
    report(lineOf(node), `a "${parseBlockMeta(node.meta).role}" block must be \`\`\`python`);
  }
}

/** The children of a container, split into its prose and its role blocks. */
function splitContainer(
  container: ContainerDirective,
  roles: readonly string[],
  report: Report,
): { prose: RootContent[]; after: RootContent[]; roled: { node: Code; role: string }[] } {
  const prose: RootContent[] = [];
  const after: RootContent[] = [];
  const roled: { node: Code; role: string }[] = [];
  for (const child of container.children) {
    if (child.type === 'code' && child.meta) {
      const { role } = parseBlockMeta(child.meta);
      if (!roles.includes(role)) {
        report(
          lineOf(child),
          `:::${container.name} takes ${roles.map((name) => `"${name}"`).join(', ')} blocks, not "${role}"`,
        );
        continue;
      }
      roled.push({ node: child, role });
    } else if (
      child.type === 'code' ||
      child.type === 'paragraph' ||
      child.type === 'list' ||
      child.type === 'blockquote' ||
      child.type === 'heading' ||
      child.type === 'table' ||
      child.type === 'thematicBreak'
    ) {
      checkProse(child, report);
      (roled.length === 0 ? prose : after).push(child);
    } else {
      checkProse(child, report);
    }
  }
  return { prose, after, roled };
}

function single(
  roled: readonly { node: Code; role: string }[],
  role: string,
  container: ContainerDirective,
  report: Report,
): Code | null {
  const found = roled.filter((entry) => entry.role === role);
  if (found.length !== 1) {
    report(
      lineOf(found[1]?.node ?? container),
      `:::${container.name}{#${container.attributes?.id ?? ''}} needs exactly one "${role}" block (found ${found.length})`,
    );
    return null;
  }
  return found[0]?.node ?? null;
}

function readExercise(
  container: ContainerDirective,
  id: string,
  report: Report,
): ExerciseBlock | null {
  const title = container.attributes?.title ?? '';
  if (title.trim() === '') report(lineOf(container), `:::exercise{#${id}} needs a title="…"`);
  const split = splitContainer(container, EXERCISE_ROLES, report);
  const { roled } = split;
  // The task may be written around the blocks ("in any order"): it is all prose.
  const prose = [...split.prose, ...split.after];
  if (prose.length === 0) report(lineOf(container), `:::exercise{#${id}} needs a task in prose`);
  const starter = single(roled, 'starter', container, report);
  const solution = single(roled, 'solution', container, report);
  const check = single(roled, 'check', container, report);
  for (const code of [starter, solution, check]) if (code !== null) expectPython(code, report);
  const hints = roled
    .filter((entry) => entry.role === 'hint')
    .map((entry) => readNestedMarkdown(entry.node, report));
  if (hints.length === 0)
    report(lineOf(container), `:::exercise{#${id}} needs at least one "hint" block`);
  const wrong: WrongAnswer[] = [];
  roled.forEach((entry, index) => {
    if (entry.role === 'feedback' && roled[index - 1]?.role !== 'wrong') {
      report(lineOf(entry.node), 'a "feedback" block must follow a "wrong" block');
    }
    if (entry.role !== 'wrong') return;
    expectPython(entry.node, report);
    const next = roled[index + 1];
    if (next?.role !== 'feedback' || next.node.value.trim() === '') {
      report(
        lineOf(entry.node),
        'a "wrong" block must be followed by a "feedback" block saying what the check answers',
      );
      return;
    }
    wrong.push({
      code: programText(entry.node),
      line: lineOf(entry.node),
      feedback: next.node.value.trim(),
    });
  });
  if (roled.every((entry) => entry.role !== 'wrong')) {
    report(
      lineOf(container),
      `:::exercise{#${id}} needs at least one "wrong" answer with its "feedback"`,
    );
  }
  for (const key of Object.keys(container.attributes ?? {})) {
    if (!['id', 'title', 'allow-error'].includes(key)) {
      report(lineOf(container), `unknown exercise attribute "${key}"`);
    }
  }
  if (starter === null || solution === null || check === null) return null;
  return {
    kind: 'exercise',
    id,
    title: title.trim(),
    line: lineOf(container),
    prompt: prose,
    starter: programText(starter),
    solution: programText(solution),
    check: check.value,
    hints,
    wrong,
    allowError: container.attributes?.['allow-error'] !== undefined,
  };
}

function readPredict(
  container: ContainerDirective,
  id: string,
  report: Report,
): PredictBlock | null {
  const { prose, after, roled } = splitContainer(container, PREDICT_ROLES, report);
  if (prose.length === 0) report(lineOf(container), `:::predict{#${id}} needs a question in prose`);
  const program = single(roled, 'program', container, report);
  if (program !== null) expectPython(program, report);
  const explanation = [
    ...after,
    ...roled
      .filter((entry) => entry.role === 'explain')
      .flatMap((entry) => readNestedMarkdown(entry.node, report)),
  ];
  const question = readQuestion(container, id, roled, report);
  if (program === null || question === null) return null;
  return {
    kind: 'predict',
    id,
    line: lineOf(container),
    prompt: prose,
    program: programText(program),
    question,
    explanation,
  };
}

/** What each kind of question takes, besides its program and explanation. */
const QUESTION_TAKES: Readonly<
  Record<PredictQuestion['kind'], { attributes: readonly string[]; roles: readonly string[] }>
> = {
  output: { attributes: ['answer'], roles: ['option'] },
  order: { attributes: [], roles: ['answer'] },
  duration: { attributes: ['options', 'answer'], roles: [] },
};

function isQuestionKind(kind: string | null | undefined): kind is PredictQuestion['kind'] {
  return kind === 'output' || kind === 'order' || kind === 'duration';
}

function readQuestion(
  container: ContainerDirective,
  id: string,
  roled: readonly { node: Code; role: string }[],
  report: Report,
): PredictQuestion | null {
  const attributes = container.attributes ?? {};
  const line = lineOf(container);
  const { kind } = attributes;
  if (isQuestionKind(kind)) {
    const takes = QUESTION_TAKES[kind];
    for (const key of Object.keys(attributes)) {
      if (key !== 'id' && key !== 'kind' && !takes.attributes.includes(key)) {
        report(line, `:::predict{#${id} kind=${kind}} takes no "${key}" attribute`);
      }
    }
    for (const entry of roled) {
      if (!['program', 'explain', ...takes.roles].includes(entry.role)) {
        report(
          lineOf(entry.node),
          `:::predict{#${id} kind=${kind}} takes no "${entry.role}" blocks`,
        );
      }
    }
  }
  const options = roled.filter((entry) => entry.role === 'option');
  const answer = Number(attributes.answer);
  switch (kind) {
    case 'output': {
      if (options.length < 2)
        report(line, `:::predict{#${id} kind=output} needs two or more "option" blocks`);
      if (!Number.isInteger(answer) || answer < 1 || answer > options.length) {
        report(
          line,
          `:::predict{#${id}} needs answer=N, the number of the right option (1 to ${options.length})`,
        );
        return null;
      }
      return { kind: 'output', options: options.map((entry) => entry.node.value), answer };
    }
    case 'order': {
      const answerBlock = single(roled, 'answer', container, report);
      if (answerBlock === null) return null;
      const lines = answerBlock.value.split('\n');
      if (
        lines.length < ORDER_LINES.min ||
        lines.length > ORDER_LINES.max ||
        new Set(lines).size !== lines.length
      ) {
        report(
          line,
          `:::predict{#${id} kind=order} needs a "text answer" block: the ${ORDER_LINES.min} to ${ORDER_LINES.max} printed lines, each different, in the order printed`,
        );
        return null;
      }
      return { kind: 'order', lines };
    }
    case 'duration': {
      const seconds = (attributes.options ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      if (seconds.length < 2 || seconds.some((value) => !(value >= 0))) {
        report(
          line,
          `:::predict{#${id} kind=duration} needs options="1 2 3", durations in seconds`,
        );
        return null;
      }
      if (!seconds.includes(answer)) {
        report(line, `:::predict{#${id}} needs answer=…, one of its options`);
        return null;
      }
      return { kind: 'duration', options: seconds, answer };
    }
    default:
      report(line, `:::predict{#${id}} needs kind=output, kind=order or kind=duration`);
      return null;
  }
}
