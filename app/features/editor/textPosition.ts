/**
 * Lines and columns (1-based, as CPython and Monaco count them) to offsets
 * into the text, for the plain textarea. Pure.
 */

/** The offset of `line`:`column` in `text`, clamped to the text and to the line. */
export function offsetOf(text: string, line: number, column: number): number {
  let lineStart = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  const newline = text.indexOf('\n', lineStart);
  const lineEnd = newline === -1 ? text.length : newline;
  return Math.min(lineStart + Math.max(column, 1) - 1, lineEnd);
}
