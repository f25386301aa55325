/** Copying a text the page wrote (a link, a snippet), or letting the learner copy it. */

/** Puts text on the clipboard, the browser's own way. */
export function clipboardCopy(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}

/** What to say when the browser refused: the text is selected instead. */
export const SELECTED_TO_COPY =
  'This browser did not let the page copy: the text is selected, so press Ctrl+C (⌘C on a Mac).';

/**
 * Copies `text` with `copy`; when the browser refuses (no permission, an
 * insecure page), selects it in `field` so that one key press copies it.
 * Says which happened.
 */
export async function copyOrSelect(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
  copy: (text: string) => Promise<void> = clipboardCopy,
): Promise<'copied' | 'selected'> {
  try {
    await copy(text);
    return 'copied';
  } catch {
    field?.select();
    return 'selected';
  }
}
