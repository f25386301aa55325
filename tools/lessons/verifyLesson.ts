/**
 * Runs everything a lesson claims on the real runtime: every example, every
 * exercise's solution (its check passes), starter (its check fails) and wrong
 * answers (the check fails with the feedback the file expects), and every
 * predict question (its answer is what the program really does).
 */
import type { NodeRunResult } from '../../app/runtime/host/nodeRuntime';
import type { ExerciseCheck, RunRequest } from '../../app/runtime/host/runtimeTypes';
import type {
  ExampleBlock,
  ExerciseBlock,
  Lesson,
  LessonProblem,
  PredictBlock,
} from '../../app/features/lessons/format/lessonTypes';

/** Runs one program to its end. */
export type RunProgram = (request: RunRequest) => NodeRunResult;

/** What was verified in one lesson, for the one-line report. */
export interface LessonTally {
  examples: number;
  exercises: number;
  wrongAnswers: number;
  predictions: number;
}

const PROGRAM_FILE = 'main.py';
/** Virtual seconds within which a run's duration counts as a predicted one. */
const DURATION_TOLERANCE = 0.001;

export function verifyLesson(
  lesson: Lesson,
  run: RunProgram,
): { readonly problems: LessonProblem[]; readonly tally: LessonTally } {
  const problems: LessonProblem[] = [];
  const tally: LessonTally = { examples: 0, exercises: 0, wrongAnswers: 0, predictions: 0 };
  const report = (line: number, message: string): void => {
    problems.push({ file: lesson.file, line, message });
  };
  for (const block of lesson.blocks) {
    switch (block.kind) {
      case 'prose':
        break;
      case 'example':
        verifyExample(block, run, report);
        tally.examples += 1;
        break;
      case 'exercise':
        verifyExercise(lesson, block, run, report);
        tally.exercises += 1;
        tally.wrongAnswers += block.wrong.length;
        break;
      case 'predict':
        verifyPredict(block, run, report);
        tally.predictions += 1;
        break;
    }
  }
  return { problems, tally };
}

type Report = (line: number, message: string) => void;

/** The last line of a run's stderr that is not blank: usually the exception. */
function lastError(result: NodeRunResult): string {
  const lines = result.stderr.trimEnd().split('\n');
  return lines[lines.length - 1] ?? '';
}

/** The lines the output panel shows: stdout and stderr interleaved as written. */
function shownLines(result: NodeRunResult): string[] {
  const text = result.output;
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** A claimed line as a pattern: `...` stands for any text. */
function linePattern(claimed: string): RegExp {
  const parts = claimed.split('...').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

/** The first claimed line not found in order among the shown lines, or null when all are. */
function missingLine(claimed: readonly string[], shown: readonly string[]): string | null {
  let at = 0;
  for (const line of claimed) {
    const pattern = linePattern(line);
    while (at < shown.length && !pattern.test(shown[at] ?? '')) at += 1;
    if (at === shown.length) return line;
    at += 1;
  }
  return null;
}

function verifyExample(block: ExampleBlock, run: RunProgram, report: Report): void {
  const result = run({ source: block.code, filename: PROGRAM_FILE });
  if (result.stopMessage !== null) {
    report(block.line, `the example was stopped: ${result.stopMessage}`);
    return;
  }
  if (block.output !== null) {
    const shown = shownLines(result);
    const missing = missingLine(block.output.lines, shown);
    if (missing !== null) {
      report(
        block.output.line,
        `the example's output has no line ${JSON.stringify(missing)} where this block puts it; it prints:\n${shown.join('\n')}`,
      );
    }
  }
  const error = result.events.find((event) => event.type === 'error');
  if (block.expectError === null) {
    if (result.summary.outcome !== 'ok') {
      report(
        block.line,
        `the example ends with an error (${lastError(result)}); add expect-error=… if that is the point`,
      );
    }
  } else if (error?.error !== block.expectError) {
    report(
      block.line,
      `the example should end with ${block.expectError} but ${error === undefined ? 'ended without an uncaught exception' : `ended with ${error.error}`}`,
    );
  }
}

function verifyExercise(
  lesson: Lesson,
  block: ExerciseBlock,
  run: RunProgram,
  report: Report,
): void {
  const check: ExerciseCheck = {
    source: block.check,
    filename: `${lesson.file}:${block.id}:check`,
    allowError: block.allowError,
  };
  const judge = (source: string) => run({ source, filename: PROGRAM_FILE, check }).summary.check;
  const solution = judge(block.solution);
  if (solution === undefined || !solution.passed) {
    report(
      block.line,
      `exercise "${block.id}": the solution fails its own check: ${solution?.message ?? 'no verdict'}`,
    );
  }
  const starter = judge(block.starter);
  if (starter === undefined || starter.passed) {
    report(
      block.line,
      `exercise "${block.id}": the starter passes the check, so the check cannot tell a finished exercise from an unfinished one`,
    );
  } else if (starter.checkError === true) {
    report(
      block.line,
      `exercise "${block.id}": the check crashes on the starter: ${starter.message}`,
    );
  }
  for (const wrong of block.wrong) {
    const verdict = judge(wrong.code);
    if (verdict === undefined || verdict.passed) {
      report(wrong.line, `exercise "${block.id}": this wrong answer passes the check`);
    } else if (verdict.checkError === true) {
      report(
        wrong.line,
        `exercise "${block.id}": the check crashes on this wrong answer: ${verdict.message}`,
      );
    } else if (!verdict.message.includes(wrong.feedback)) {
      report(
        wrong.line,
        `exercise "${block.id}": the check answers ${JSON.stringify(verdict.message)}, which does not contain the expected feedback ${JSON.stringify(wrong.feedback)}`,
      );
    }
  }
}

function verifyPredict(block: PredictBlock, run: RunProgram, report: Report): void {
  const result = run({ source: block.program, filename: PROGRAM_FILE });
  const where = `prediction "${block.id}"`;
  if (result.summary.outcome !== 'ok') {
    report(
      block.line,
      `${where}: the program does not finish cleanly (${result.stopMessage ?? lastError(result)})`,
    );
    return;
  }
  const question = block.question;
  switch (question.kind) {
    case 'output': {
      const printed = result.stdout.trimEnd();
      const matching = question.options
        .map((option, index) => (option.trimEnd() === printed ? index + 1 : 0))
        .filter((index) => index > 0);
      if (matching.length !== 1 || matching[0] !== question.answer) {
        report(
          block.line,
          `${where}: the program prints ${JSON.stringify(printed)}, which is option ${matching.join(' and ') || 'none'}, but answer=${question.answer}`,
        );
      }
      break;
    }
    case 'order': {
      const printed = result.stdout.trimEnd().split('\n');
      if (printed.join('\n') !== question.lines.join('\n')) {
        report(
          block.line,
          `${where}: the program prints ${JSON.stringify(printed)}, not the answer's lines ${JSON.stringify(question.lines)}`,
        );
      }
      break;
    }
    case 'duration': {
      const close = question.options.filter(
        (seconds) => Math.abs(seconds - result.summary.virtualTime) <= DURATION_TOLERANCE,
      );
      if (close.length !== 1 || close[0] !== question.answer) {
        report(
          block.line,
          `${where}: the run takes ${result.summary.virtualTime} s of virtual time, but answer=${question.answer}`,
        );
      }
      break;
    }
  }
}
