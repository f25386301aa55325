/**
 * The lessons' slice of the page's store: what the learner has achieved
 * (exercises passed, questions answered), kept in the browser across
 * reloads, and what each exercise shows now (its last verdict, the hints
 * revealed). Knows nothing of Python: the shell runs checks and reports
 * their verdicts here.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { TextStorage } from '../../platform/browserStorage';
import type { CheckVerdict } from '../../runtime/host/runtimeTypes';
import type { SliceCreator } from '../../shared/storeSlice';

/** Where an exercise stands for the learner. */
export type ExerciseStatus = 'attempted' | 'passed';

/** What is kept between visits. */
export interface LessonProgress {
  /** `lessonId/exerciseId` → status. */
  readonly exercises: Readonly<Record<string, ExerciseStatus>>;
  /** `lessonId/questionId` → whether the learner's prediction was right. */
  readonly predictions: Readonly<Record<string, boolean>>;
  /** `lessonId/exerciseId` → how many hints are shown. */
  readonly hints: Readonly<Record<string, number>>;
}

/** An exercise's verdict while its check runs, then the check's own. */
export type ExerciseVerdict =
  { readonly checking: true } | (CheckVerdict & { readonly checking: false });

export interface LessonsSlice {
  readonly progress: LessonProgress;
  /** False when this browser keeps nothing: progress lasts until the page closes. */
  readonly progressKept: boolean;
  /** `lessonId/exerciseId` → the last verdict of this visit. */
  readonly verdicts: Readonly<Record<string, ExerciseVerdict>>;
  /** A check started for the exercise. */
  checkStarted(key: string): void;
  /** A check ended; a null verdict means the run ended without one (stopped, crashed). */
  checkFinished(key: string, verdict: CheckVerdict | null, failure: string): void;
  /** Reveals the exercise's next hint. */
  showHint(key: string): void;
  /** Records the learner's answer to a predict question. */
  recordPrediction(key: string, correct: boolean): void;
}

export type LessonsStore = StoreApi<LessonsSlice>;

/** The key under which progress is kept. */
export const PROGRESS_KEY = 'loopscope:lessons:progress';

const EMPTY: LessonProgress = { exercises: {}, predictions: {}, hints: {} };

/** Reads kept progress, ignoring anything that is not what this version writes. */
export function readProgress(text: string | null): LessonProgress {
  if (text === null) return EMPTY;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return EMPTY;
    const record = value as Partial<Record<keyof LessonProgress, unknown>>;
    const pick = <T>(field: unknown, valid: (entry: unknown) => entry is T): Record<string, T> =>
      typeof field === 'object' && field !== null
        ? Object.fromEntries(
            Object.entries(field).filter((entry): entry is [string, T] => valid(entry[1])),
          )
        : {};
    return {
      exercises: pick(
        record.exercises,
        (entry): entry is ExerciseStatus => entry === 'attempted' || entry === 'passed',
      ),
      predictions: pick(
        record.predictions,
        (entry): entry is boolean => typeof entry === 'boolean',
      ),
      hints: pick(
        record.hints,
        (entry): entry is number => typeof entry === 'number' && entry >= 0,
      ),
    };
  } catch {
    return EMPTY;
  }
}

export function createLessonsSlice(storage: TextStorage): SliceCreator<LessonsSlice> {
  return (set, get) => {
    const keep = (progress: LessonProgress): void => {
      const outcome = storage.save(PROGRESS_KEY, JSON.stringify(progress));
      set({ progress, progressKept: outcome === 'saved' });
    };
    return {
      progress: readProgress(storage.load(PROGRESS_KEY)),
      progressKept: storage.available,
      verdicts: {},
      checkStarted(key) {
        set({ verdicts: { ...get().verdicts, [key]: { checking: true } } });
      },
      checkFinished(key, verdict, failure) {
        const shown: ExerciseVerdict =
          verdict === null
            ? { checking: false, passed: false, message: failure, line: null }
            : { ...verdict, checking: false };
        set({ verdicts: { ...get().verdicts, [key]: shown } });
        const { progress } = get();
        if (progress.exercises[key] === 'passed') return;
        keep({
          ...progress,
          exercises: { ...progress.exercises, [key]: shown.passed ? 'passed' : 'attempted' },
        });
      },
      showHint(key) {
        const { progress } = get();
        keep({ ...progress, hints: { ...progress.hints, [key]: (progress.hints[key] ?? 0) + 1 } });
      },
      recordPrediction(key, correct) {
        const { progress } = get();
        if (key in progress.predictions) return;
        keep({ ...progress, predictions: { ...progress.predictions, [key]: correct } });
      },
    };
  };
}
