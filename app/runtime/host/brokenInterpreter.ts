/**
 * How a host names the most common way a program breaks the interpreter:
 * recursion deeper than the JavaScript stack under it. The Node sandbox and
 * the page say it alike. Plain strings: no Node, DOM or Pyodide here.
 */

/** The sentence for a run whose recursion overflowed the interpreter's stack. */
export const RECURSION_MESSAGE =
  "Stopped: the program's recursion went deeper than the interpreter's stack " +
  '(is there a recursion that never ends?)';

/** Whether the reason an interpreter broke (a JavaScript error's message) is its stack overflowing. */
export function isStackOverflow(reason: string): boolean {
  return /call stack|recursion/i.test(reason);
}
