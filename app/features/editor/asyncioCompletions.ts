/**
 * When the editor offers asyncio names, and which name a hover is on. Pure:
 * works on a line's text, so it is tested without Monaco (columns are
 * 1-based, end exclusive, as Monaco counts them).
 */
import { ASYNCIO_API, asyncioEntry, type AsyncioApiEntry } from './asyncioApi';

/** What to offer at the cursor. */
export interface AsyncioCompletions {
  /** The part of the name typed so far; the completion replaces it. */
  readonly prefix: string;
  /** Every candidate, in ASYNCIO_API's order; the editor filters them by `prefix`. */
  readonly entries: readonly AsyncioApiEntry[];
}

/** A hover over `asyncio.<name>`. */
export interface AsyncioHover {
  readonly entry: AsyncioApiEntry;
  /** Where the name starts on the line. */
  readonly startColumn: number;
  /** Just after the name's last character. */
  readonly endColumn: number;
}

/** `asyncio.` (not `myasyncio.` or `x.asyncio.`), then the start of a name, at the end. */
const AFTER_MODULE = /(?<![\w.])asyncio\s*\.\s*(\w*)$/;
/** `from asyncio import a, b` with the cursor in the list. */
const FROM_IMPORT = /^\s*from\s+asyncio\s+import\s+\(?\s*(?:\w+(?:\s+as\s+\w+)?\s*,\s*)*(\w*)$/;

/**
 * Whether the end of the line is code rather than a comment or a string
 * literal. Strings are followed within the line (triple-quoted strings
 * spanning lines are not seen); an f-string counts as a string throughout.
 */
function endsInCode(line: string): boolean {
  let quote: string | null = null;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote !== null) {
      if (char === '\\') index++;
      else if (line.startsWith(quote, index)) {
        index += quote.length - 1;
        quote = null;
      }
    } else if (char === '#') {
      return false;
    } else if (char === '"' || char === "'") {
      quote = line.startsWith(char.repeat(3), index) ? char.repeat(3) : char;
      index += quote.length - 1;
    }
  }
  return quote === null;
}

/** The asyncio names to offer after `lineTextBeforeCursor`, or null when none fit there. */
export function completionsAfter(lineTextBeforeCursor: string): AsyncioCompletions | null {
  if (!endsInCode(lineTextBeforeCursor)) return null;
  const match = AFTER_MODULE.exec(lineTextBeforeCursor) ?? FROM_IMPORT.exec(lineTextBeforeCursor);
  if (!match) return null;
  return { prefix: match[1] ?? '', entries: ASYNCIO_API };
}

function isNameChar(char: string | undefined): boolean {
  return char !== undefined && /\w/.test(char);
}

/** The asyncio name under `column` of `lineText` when it is written `asyncio.<name>`. */
export function hoverFor(lineText: string, column: number): AsyncioHover | null {
  // 0-based index of the character under the cursor; a cursor just after a
  // name still counts as on it, as Monaco's own word lookup does.
  let index = column - 1;
  if (!isNameChar(lineText[index]) && isNameChar(lineText[index - 1])) index--;
  if (!isNameChar(lineText[index])) return null;
  let start = index;
  while (isNameChar(lineText[start - 1])) start--;
  let end = index + 1;
  while (isNameChar(lineText[end])) end++;
  const before = lineText.slice(0, start);
  if (!/(?<![\w.])asyncio\s*\.\s*$/.test(before) || !endsInCode(before)) return null;
  const entry = asyncioEntry(lineText.slice(start, end));
  return entry ? { entry, startColumn: start + 1, endColumn: end + 1 } : null;
}
