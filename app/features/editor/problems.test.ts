import { describe, expect, it } from 'vitest';
import type { SyntaxProblem } from '../../runtime/host/pythonRuntime';
import { describeMarker, markerFromSyntaxProblem, mergeMarkers } from './problems';

describe('markerFromSyntaxProblem', () => {
  it("keeps CPython's positions: 1-based columns, end exclusive", () => {
    const problem: SyntaxProblem = {
      error: 'SyntaxError',
      message: 'invalid syntax',
      line: 2,
      column: 16,
      endLine: 2,
      endColumn: 17,
    };
    expect(markerFromSyntaxProblem(problem)).toEqual({
      line: 2,
      column: 16,
      endLine: 2,
      endColumn: 17,
      severity: 'error',
      message: 'SyntaxError: invalid syntax',
    });
  });

  it('marks to the end of the line when CPython gives no end (null in the JSON)', () => {
    const fromJson = JSON.parse(
      '{"error":"IndentationError","message":"expected an indented block","line":2,"column":1,"endLine":null,"endColumn":null}',
    ) as SyntaxProblem;
    expect(markerFromSyntaxProblem(fromJson)).toEqual({
      line: 2,
      column: 1,
      severity: 'error',
      message: 'IndentationError: expected an indented block',
    });
  });

  it('puts a problem without a usable position at the start', () => {
    const fromJson = JSON.parse(
      '{"error":"SyntaxError","message":"odd","line":null,"column":0}',
    ) as SyntaxProblem;
    expect(markerFromSyntaxProblem(fromJson)).toMatchObject({ line: 1, column: 1 });
  });
});

describe('describeMarker', () => {
  it('names the line, and the column when there is one', () => {
    expect(
      describeMarker({
        line: 3,
        column: 19,
        severity: 'error',
        message: 'SyntaxError: invalid syntax',
      }),
    ).toBe('Line 3, column 19: SyntaxError: invalid syntax');
    expect(
      describeMarker({
        line: 7,
        severity: 'warning',
        message: "RuntimeWarning: coroutine 'greet' was never awaited",
      }),
    ).toBe("Line 7: RuntimeWarning: coroutine 'greet' was never awaited");
  });
});

describe('mergeMarkers', () => {
  const syntax = {
    line: 3,
    column: 19,
    severity: 'error',
    message: 'SyntaxError: invalid syntax',
  } as const;

  it("drops the run's report of the syntax error the check shows", () => {
    const run = [
      { line: 3, severity: 'error', message: 'SyntaxError: invalid syntax (main.py, line 3)' },
    ] as const;
    expect(mergeMarkers([syntax], run)).toEqual([syntax]);
  });

  it("keeps the run's other problems, and all of them before any check", () => {
    const elsewhere = { line: 5, severity: 'error', message: 'ValueError: no' } as const;
    const sameLine = {
      line: 3,
      severity: 'warning',
      message: 'RuntimeWarning: never awaited',
    } as const;
    expect(mergeMarkers([syntax], [elsewhere, sameLine])).toEqual([syntax, elsewhere, sameLine]);
    expect(mergeMarkers([], [elsewhere])).toEqual([elsewhere]);
  });
});
