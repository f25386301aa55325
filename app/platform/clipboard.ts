/**
 * Puts text on the system clipboard. False when the browser does not allow
 * it: `navigator.clipboard` exists only on secure pages (https or localhost),
 * and a browser may refuse the write.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
