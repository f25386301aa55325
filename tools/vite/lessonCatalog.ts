/**
 * Turns lessons/*.md into modules the page imports: `virtual:lesson-catalog`
 * holds every lesson's frontmatter (for the navigation) and a loader per
 * lesson, whose parsed body is a chunk of its own. Lessons are parsed here,
 * at build time (and on each change in dev), with the same parser as
 * `npm run lessons:check`: a lesson with problems fails the build with
 * `file:line: message`, and the page ships no Markdown or YAML parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, type Lesson } from '../../app/features/lessons/format/lessonTypes.ts';
import { parseLesson } from '../../app/features/lessons/format/parseLesson.ts';

const CATALOG_ID = 'virtual:lesson-catalog';
const LESSON_PREFIX = 'virtual:lesson/';
const RESOLVED = '\0';

/**
 * Reads and parses every lesson; throws with every problem found in a file.
 * The rules across lessons (unique ids and orders, one lesson per overlay)
 * are `npm run lessons:check`'s, so a course being written still builds.
 */
export function readCourse(folder: string): Lesson[] {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .sort()) {
    const parsed = parseLesson(`lessons/${name}`, readFileSync(join(folder, name), 'utf8'));
    if ('lesson' in parsed) lessons.push(parsed.lesson);
    else problems.push(...parsed.problems.map(formatProblem));
  }
  if (problems.length > 0) {
    throw new Error(
      `Lessons have problems (npm run lessons:check says more):\n${problems.join('\n')}`,
    );
  }
  return lessons.sort((a, b) => a.meta.order - b.meta.order);
}

function exerciseIds(lesson: Lesson): string[] {
  return lesson.blocks.flatMap((block) => (block.kind === 'exercise' ? [block.id] : []));
}

/** Syntax-tree positions are for error messages; the page does not need them. */
function withoutPositions(key: string, value: unknown): unknown {
  return key === 'position' ? undefined : value;
}

export function lessonCatalog(folder: string): Plugin {
  let course: Lesson[] | null = null;
  const load = (): Lesson[] => (course ??= readCourse(folder));
  return {
    name: 'loopscope-lesson-catalog',
    resolveId(id) {
      return id === CATALOG_ID || id.startsWith(LESSON_PREFIX) ? RESOLVED + id : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const name = id.slice(RESOLVED.length);
      const lessons = load();
      for (const lesson of lessons)
        this.addWatchFile(join(folder, lesson.file.replace(/^lessons\//, '')));
      if (name === CATALOG_ID) {
        const entries = lessons.map(
          (lesson) =>
            `{ meta: ${JSON.stringify(lesson.meta)}, exerciseIds: ${JSON.stringify(exerciseIds(lesson))}, load: () => import(${JSON.stringify(LESSON_PREFIX + lesson.meta.id)}).then((module) => module.default) }`,
        );
        return `export const LESSONS = [\n${entries.join(',\n')}\n];\n`;
      }
      const lesson = lessons.find((candidate) => LESSON_PREFIX + candidate.meta.id === name);
      if (lesson === undefined) return null;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(lesson, withoutPositions))});\n`;
    },
    watchChange(file) {
      if (file.startsWith(folder) && file.endsWith('.md')) course = null;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(folder) || !file.endsWith('.md')) return;
      course = null;
      for (const id of [CATALOG_ID, ...load().map((lesson) => LESSON_PREFIX + lesson.meta.id)]) {
        const module = server.moduleGraph.getModuleById(RESOLVED + id);
        if (module !== undefined) server.moduleGraph.invalidateModule(module);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
