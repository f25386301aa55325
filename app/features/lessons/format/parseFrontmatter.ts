/**
 * A lesson's frontmatter: the YAML between the two `---` lines that open the
 * file, checked field by field so that each problem names its line and field.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { OVERLAY_KINDS, type LessonMeta, type OverlayKind } from './lessonTypes.ts';

/** A problem found in the frontmatter, at a line of the whole file. */
export interface MetaProblem {
  readonly line: number;
  readonly message: string;
}

/** The frontmatter's text and where the Markdown body starts. */
export interface SplitLesson {
  readonly yaml: string;
  /** The body, with the frontmatter's lines blanked so that line numbers stay the file's. */
  readonly body: string;
}

const FENCE = /^---[ \t]*$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELDS = ['id', 'title', 'order', 'summary', 'assumes', 'explains'] as const;
const SUMMARY_MAX = 200;

/** Splits a lesson file into frontmatter and body; null when it has no frontmatter. */
export function splitFrontmatter(text: string): SplitLesson | null {
  const lines = text.split('\n');
  if (lines[0] === undefined || !FENCE.test(lines[0])) return null;
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end === -1) return null;
  return {
    yaml: lines.slice(1, end).join('\n'),
    body: [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n'),
  };
}

/** Parses and validates the frontmatter; either the fields or every problem found. */
export function parseFrontmatter(
  yaml: string,
): { readonly meta: LessonMeta } | { readonly problems: readonly MetaProblem[] } {
  const counter = new LineCounter();
  // Not yaml's pretty errors: they say "at line N" counting from the
  // frontmatter's first line, one less than the file's line reported here.
  // Repeated keys are reported below, by field name.
  const document = parseDocument(yaml, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: false,
  });
  // Line 1 of the file is the opening `---`.
  const lineAt = (offset: number): number => counter.linePos(offset).line + 1;
  const lineOf = (node: Node | null | undefined): number =>
    node?.range === undefined || node.range === null ? 1 : lineAt(node.range[0]);
  const problems: MetaProblem[] = document.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: `frontmatter is not valid YAML (column ${counter.linePos(error.pos[0]).col}): ${error.message.split('\n')[0] ?? ''}`,
  }));
  if (problems.length > 0) return { problems };
  const root = document.contents;
  if (!isMap(root))
    return { problems: [{ line: 1, message: 'frontmatter must be a YAML mapping' }] };

  const fields = new Map<string, Node | null>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(FIELDS as readonly string[]).includes(key)) {
      problems.push({
        line: lineOf(pair.key),
        message: `unknown field "${key}" (the fields are ${FIELDS.join(', ')})`,
      });
      continue;
    }
    if (fields.has(key)) {
      problems.push({ line: lineOf(pair.key), message: `field "${key}" is given twice` });
      continue;
    }
    fields.set(key, pair.value);
  }
  const problem = (field: string, message: string): void => {
    problems.push({ line: lineOf(fields.get(field)), message: `field "${field}": ${message}` });
  };
  const text = (field: string): string | null => {
    if (!fields.has(field)) {
      problems.push({ line: 1, message: `field "${field}" is missing` });
      return null;
    }
    const node = fields.get(field);
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      problem(field, 'must be a non-empty string');
      return null;
    }
    return node.value.trim();
  };
  /** A list of strings, each with the line it is written on. */
  const list = (field: string): { value: string; line: number }[] | null => {
    if (!fields.has(field)) return [];
    const node = fields.get(field);
    if (
      !isSeq(node) ||
      !node.items.every((item) => isScalar(item) && typeof item.value === 'string')
    ) {
      problem(field, 'must be a list of strings');
      return null;
    }
    return node.items.map((item) => ({
      value: (item as { value: string }).value,
      line: lineOf(item as Node),
    }));
  };

  const id = text('id');
  if (id !== null && !ID.test(id))
    problem('id', `"${id}" must be lowercase words joined by hyphens`);
  const title = text('title');
  const summary = text('summary');
  if (summary !== null && (summary.includes('\n') || summary.length > SUMMARY_MAX)) {
    problem('summary', `must be one line of at most ${SUMMARY_MAX} characters`);
  }
  let order: number | null = null;
  const orderNode = fields.get('order');
  if (!fields.has('order')) {
    problems.push({ line: 1, message: 'field "order" is missing' });
  } else if (
    !isScalar(orderNode) ||
    typeof orderNode.value !== 'number' ||
    !Number.isInteger(orderNode.value) ||
    orderNode.value < 1
  ) {
    problem('order', 'must be a whole number from 1');
  } else {
    order = orderNode.value;
  }
  const assumes = list('assumes');
  const explains = list('explains');
  for (const { value: kind, line } of explains ?? []) {
    if (!(OVERLAY_KINDS as readonly string[]).includes(kind)) {
      problems.push({
        line,
        message: `field "explains": "${kind}" is not one of ${OVERLAY_KINDS.join(', ')}`,
      });
    }
  }
  if (
    problems.length > 0 ||
    id === null ||
    title === null ||
    summary === null ||
    order === null ||
    assumes === null ||
    explains === null
  ) {
    return { problems };
  }
  return {
    meta: {
      id,
      title,
      order,
      summary,
      assumes: assumes.map((entry) => entry.value),
      explains: explains.map((entry) => entry.value as OverlayKind),
    },
  };
}
