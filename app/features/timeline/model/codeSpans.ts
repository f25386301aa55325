/**
 * An overlay's text marks code as Markdown does, between backticks
 * (``In a coroutine, `await asyncio.sleep(…)` waits``): these split it for
 * views that set code apart, and drop the marks for those that show plain
 * text, so that no view shows a backtick.
 */

/** A run of an overlay's text: code, or prose. */
export interface TextSpan {
  readonly text: string;
  readonly code: boolean;
}

/** The text's spans in order; empty runs left out. */
export function codeSpans(text: string): TextSpan[] {
  return text
    .split('`')
    .map((part, index) => ({ text: part, code: index % 2 === 1 }))
    .filter((span) => span.text !== '');
}

/** The text without its backticks. */
export function plainText(text: string): string {
  return text.replaceAll('`', '');
}
