import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
// Types only: the module itself is loaded lazily, below.
import type * as MonacoWrapper from './monaco';
import type { TextSelection } from './monaco';

export type MonacoModule = typeof MonacoWrapper;

/** Where the textarea's cursor was and whether it had the focus: what moves with the learner. */
export interface TextareaHandover {
  readonly selection: TextSelection | null;
  readonly focus: boolean;
}

/**
 * Which editor the learner has: the textarea while Monaco is held back or
 * loading; Monaco once its module has arrived; the textarea for good when
 * Monaco could not be loaded or created.
 */
export type CodeEditorPhase =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'monaco'; readonly module: MonacoModule; readonly handover: TextareaHandover }
  | { readonly kind: 'unavailable'; readonly handover: TextareaHandover | null };

const WAITING: CodeEditorPhase = { kind: 'waiting' };

function handoverFrom(textarea: HTMLTextAreaElement | null): TextareaHandover {
  if (!textarea) return { selection: null, focus: false };
  return {
    selection: { start: textarea.selectionStart, end: textarea.selectionEnd },
    focus: document.activeElement === textarea,
  };
}

/**
 * Loads Monaco once `load` is true, and says which editor to show. When
 * Monaco cannot be loaded (a chunk request failed: offline, or a host
 * missing the file) or created (`fallBack`), the textarea stays for good:
 * never tried again, since a module that failed to load fails again from
 * the browser's module map, and the textarea is a working editor.
 */
export function useCodeEditorPhase(
  load: boolean,
  textareaRef: RefObject<HTMLTextAreaElement | null>,
): { readonly phase: CodeEditorPhase; readonly fallBack: (handover: TextareaHandover) => void } {
  const [phase, setPhase] = useState(WAITING);

  useEffect(() => {
    if (!load) return;
    let mounted = true;
    import('./monaco').then(
      (module) => {
        if (mounted)
          setPhase({ kind: 'monaco', module, handover: handoverFrom(textareaRef.current) });
      },
      (error: unknown) => {
        console.warn('The code editor could not be loaded; the plain text box stays.', error);
        if (mounted) setPhase({ kind: 'unavailable', handover: null });
      },
    );
    return () => {
      mounted = false;
    };
  }, [load, textareaRef]);

  // Monaco failed after taking the textarea's place: the new textarea gets
  // the cursor and focus back before the browser paints, so the learner
  // types on where they were.
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (phase.kind !== 'unavailable' || !phase.handover || !textarea) return;
    const { selection, focus } = phase.handover;
    if (selection) textarea.setSelectionRange(selection.start, selection.end);
    if (focus) textarea.focus();
  }, [phase, textareaRef]);

  const fallBack = useCallback((handover: TextareaHandover) => {
    setPhase({ kind: 'unavailable', handover });
  }, []);
  return { phase, fallBack };
}
