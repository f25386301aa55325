/**
 * A lesson as its Markdown file describes it (docs/authoring-lessons.md):
 * frontmatter, then prose interleaved with runnable blocks. Pure data: the
 * page renders it, `npm run lessons:check` runs it.
 */
import type { RootContent } from 'mdast';

/** The frontmatter every lesson starts with. */
export interface LessonMeta {
  /** Lowercase words joined by hyphens; the lesson's address is `#/lessons/<id>`. */
  readonly id: string;
  /** The title shown in the navigation and above the lesson. */
  readonly title: string;
  /** Position in the course, from 1; unique. */
  readonly order: number;
  /** One line saying what the lesson teaches. */
  readonly summary: string;
  /** What the learner should already know (plain phrases). */
  readonly assumes: readonly string[];
  /** The timeline's mistake overlays this lesson explains (see OVERLAY_KINDS). */
  readonly explains: readonly OverlayKind[];
}

/** The mistakes the timeline marks on a run, each explained by one lesson. */
export const OVERLAY_KINDS = [
  'blocking-call',
  'never-awaited',
  'exception-never-retrieved',
  'cancelled-at-shutdown',
] as const;
export type OverlayKind = (typeof OVERLAY_KINDS)[number];

/** Markdown prose between the runnable blocks, kept as its syntax tree. */
export interface ProseBlock {
  readonly kind: 'prose';
  readonly nodes: readonly RootContent[];
}

/** A program the learner opens in the editor and runs. */
export interface ExampleBlock {
  readonly kind: 'example';
  /** `example-N`, N counting the lesson's examples from 1. */
  readonly id: string;
  readonly code: string;
  /** The line of the opening fence in the lesson file. */
  readonly line: number;
  /** An uncaught exception this example is meant to end with (its type name). */
  readonly expectError: string | null;
  /** What the lesson says the example prints, from a ```text output block right after it. */
  readonly output: ExampleOutput | null;
}

/**
 * Lines the example prints, stdout and stderr as the output panel shows them,
 * in order; other lines may come between them. `...` in a line stands for any
 * text (an address, a file's path).
 */
export interface ExampleOutput {
  readonly lines: readonly string[];
  /** The line of the opening fence in the lesson file. */
  readonly line: number;
}

/** A wrong answer written next to an exercise, and what its check must say about it. */
export interface WrongAnswer {
  readonly code: string;
  readonly line: number;
  /** Text the check's message must contain for this wrong answer. */
  readonly feedback: string;
}

/** A task with starter code, a solution, hints and a check written in Python. */
export interface ExerciseBlock {
  readonly kind: 'exercise';
  readonly id: string;
  readonly title: string;
  readonly line: number;
  /** The task, as Markdown prose. */
  readonly prompt: readonly RootContent[];
  readonly starter: string;
  readonly solution: string;
  readonly check: string;
  /** Hints, each Markdown, revealed one at a time. */
  readonly hints: readonly (readonly RootContent[])[];
  readonly wrong: readonly WrongAnswer[];
  /** Whether the program may end with an uncaught exception and still pass. */
  readonly allowError: boolean;
}

/** What a predict question asks the learner to say before running. */
export type PredictQuestion =
  /** Choose which of the options the program prints. */
  | { readonly kind: 'output'; readonly options: readonly string[]; readonly answer: number }
  /** Put the program's output lines in the order they are printed (`lines`, in that order). */
  | { readonly kind: 'order'; readonly lines: readonly string[] }
  /** Choose how many seconds of virtual time the run takes. */
  | { readonly kind: 'duration'; readonly options: readonly number[]; readonly answer: number };

/** "Predict, then run": the learner answers, then the run shows who was right. */
export interface PredictBlock {
  readonly kind: 'predict';
  readonly id: string;
  readonly line: number;
  /** The question, as Markdown prose. */
  readonly prompt: readonly RootContent[];
  readonly program: string;
  readonly question: PredictQuestion;
  /** Shown once the learner has answered: why the run goes as it does. */
  readonly explanation: readonly RootContent[];
}

export type LessonBlock = ProseBlock | ExampleBlock | ExerciseBlock | PredictBlock;

/** A parsed lesson file. */
export interface Lesson {
  /** The file's name, e.g. `05-gather.md`. */
  readonly file: string;
  readonly meta: LessonMeta;
  readonly blocks: readonly LessonBlock[];
}

/** Something wrong with a lesson file, at a line of it. */
export interface LessonProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Reads as `file:line: message`, the form editors and terminals link. */
export function formatProblem(problem: LessonProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
