/**
 * Problems the editor shows: as squiggles in the text and as sentences under
 * it. Pure: no React, no DOM, no Monaco.
 */
import type { SyntaxProblem } from '../../runtime/host/pythonRuntime';

/**
 * A problem at a place in the program. Lines and columns are 1-based and
 * count characters, as CPython's SyntaxError does; the end is exclusive.
 */
export interface EditorMarker {
  readonly line: number;
  /** Where the problem starts; omitted: the whole line is marked. */
  readonly column?: number;
  /** Omitted with `endColumn`: the mark runs to the end of the start line. */
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity: 'error' | 'warning';
  /** What the Problems list and the hover say, e.g. "SyntaxError: invalid syntax". */
  readonly message: string;
}

/** No problems: one shared object, so it can serve as a stable default prop. */
export const NO_MARKERS: readonly EditorMarker[] = [];

/** The squiggle for CPython's verdict on the text. */
export function markerFromSyntaxProblem(problem: SyntaxProblem): EditorMarker {
  // The runtime gives a position and omits an unknown end (host_api.py);
  // the checks below also keep odd values (null, 0) from reaching Monaco.
  const line = typeof problem.line === 'number' && problem.line > 0 ? problem.line : 1;
  const column = typeof problem.column === 'number' && problem.column > 0 ? problem.column : 1;
  const marker: EditorMarker = {
    line,
    column,
    severity: 'error',
    message: `${problem.error}: ${problem.message}`,
  };
  const { endLine, endColumn } = problem;
  if (typeof endLine === 'number' && typeof endColumn === 'number' && endLine >= line) {
    return { ...marker, endLine, endColumn };
  }
  return marker;
}

/** One line of the Problems list: "Line 3, column 19: SyntaxError: invalid syntax". */
export function describeMarker(marker: EditorMarker): string {
  const where =
    marker.column === undefined
      ? `Line ${marker.line}`
      : `Line ${marker.line}, column ${marker.column}`;
  return `${where}: ${marker.message}`;
}

/**
 * The syntax check's problems, then the run's, without the run's report of a
 * syntax error the check already shows: a program that does not compile
 * would otherwise be listed twice (issue 11). The run's message is the
 * check's plus where, e.g. "SyntaxError: invalid syntax (main.py, line 3)".
 */
export function mergeMarkers(
  syntax: readonly EditorMarker[],
  run: readonly EditorMarker[],
): readonly EditorMarker[] {
  const repeats = (marker: EditorMarker) =>
    syntax.some((shown) => shown.line === marker.line && marker.message.startsWith(shown.message));
  return [...syntax, ...run.filter((marker) => !repeats(marker))];
}
