/**
 * `npm run lessons:check [-- lesson.md … | folder]`
 *
 * Parses every lesson (lessons/ by default) against the format, then runs
 * everything it claims on the runtime in Node (tools/lessons/verifyLesson.ts).
 * Prints one line per lesson and a total; exits 1 when any problem is found,
 * each printed as `file:line: message`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseLesson } from '../../app/features/lessons/format/parseLesson';
import {
  formatProblem,
  type Lesson,
  type LessonProblem,
} from '../../app/features/lessons/format/lessonTypes';
import { validateCourse } from '../../app/features/lessons/format/validateCourse';
import { loadNodeSandbox } from '../../app/runtime/host/nodeSandbox';
import { verifyLesson, type LessonTally } from './verifyLesson';

function lessonFiles(args: readonly string[]): string[] {
  const targets = args.length > 0 ? args : ['lessons'];
  return targets.flatMap((target) =>
    statSync(target).isDirectory()
      ? readdirSync(target)
          .filter((name) => name.endsWith('.md') && name !== 'README.md')
          .sort()
          .map((name) => join(target, name))
      : [target],
  );
}

function describe(tally: LessonTally): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    count(tally.examples, 'example'),
    `${count(tally.exercises, 'exercise')} (${count(tally.wrongAnswers, 'wrong answer')})`,
    count(tally.predictions, 'prediction'),
  ].join(', ');
}

async function main(): Promise<number> {
  const files = lessonFiles(process.argv.slice(2));
  const lessons: Lesson[] = [];
  const problems: LessonProblem[] = [];
  for (const path of files) {
    const parsed = parseLesson(
      relative(process.cwd(), path) || basename(path),
      readFileSync(path, 'utf8'),
    );
    if ('lesson' in parsed) lessons.push(parsed.lesson);
    else {
      problems.push(...parsed.problems);
      console.log(`FAIL ${path}: ${parsed.problems.length} problem(s) in its format`);
    }
  }
  // Rules across lessons hold for the whole course, not for a few files checked alone.
  if (process.argv.length <= 2) problems.push(...validateCourse(lessons));
  const runtime = await loadNodeSandbox();
  try {
    for (const lesson of [...lessons].sort((a, b) => a.meta.order - b.meta.order)) {
      const { problems: found, tally } = verifyLesson(lesson, (request) => runtime.run(request));
      problems.push(...found);
      const verdict = found.length === 0 ? 'ok  ' : 'FAIL';
      console.log(
        `${verdict} ${lesson.file} (${lesson.meta.order}. ${lesson.meta.title}): ${describe(tally)}`,
      );
    }
  } finally {
    await runtime.close();
  }
  for (const problem of problems) console.error(formatProblem(problem));
  console.log(
    `lessons: ${files.length} checked, ${problems.length === 0 ? 'all passed' : `${problems.length} problem(s)`}`,
  );
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main();
