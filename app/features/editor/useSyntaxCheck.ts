import { useEffect, useEffectEvent, useState } from 'react';
import type { SyntaxProblem } from '../../runtime/host/pythonRuntime';

/** CPython's verdict on one version of the text. */
export interface SyntaxVerdict {
  /** The text that was checked. */
  readonly source: string;
  /** The first syntax error, or null when the text compiles. */
  readonly problem: SyntaxProblem | null;
}

/** How long typing must pause before the text is checked. */
export const SYNTAX_CHECK_DELAY_MS = 300;

/**
 * Checks `source` with `checkSyntax` once typing pauses. Returns the verdict
 * on the latest text checked so far (null before the first one arrives): an
 * answer about text that has changed since is dropped, so a slow check can
 * never overwrite a newer one.
 */
export function useSyntaxCheck(
  source: string,
  checkSyntax: (source: string) => Promise<SyntaxProblem | null>,
): SyntaxVerdict | null {
  const [verdict, setVerdict] = useState<SyntaxVerdict | null>(null);
  // The caller may pass a new function on every render; only the text matters.
  const check = useEffectEvent((text: string) => checkSyntax(text));
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      check(source).then(
        (problem) => {
          if (current) setVerdict({ source, problem });
        },
        () => {
          // No verdict (Python could not check); keep the last one.
        },
      );
    }, SYNTAX_CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source]);
  return verdict;
}
