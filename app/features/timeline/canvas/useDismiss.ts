import { useEffect, type RefObject } from 'react';

/**
 * Closes a popover as a popover closes: on Escape (the focus goes back to
 * its button) or a press anywhere outside it and its button.
 */
export function useDismiss(
  open: boolean,
  close: () => void,
  button: RefObject<HTMLElement | null>,
  panel: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Escape') return;
        close();
        button.current?.focus();
      },
      { signal: controller.signal },
    );
    document.addEventListener(
      'pointerdown',
      (event) => {
        const target = event.target as Node;
        if (panel.current?.contains(target) || button.current?.contains(target)) return;
        close();
      },
      { signal: controller.signal },
    );
    return () => {
      controller.abort();
    };
  }, [open, close, button, panel]);
}
