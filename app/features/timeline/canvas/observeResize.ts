/**
 * Calls back when an element may have changed size. ResizeObserver where the
 * browser has it; where it is missing (or refused, as some locked-down or old
 * browsers do) the window's resize event, which misses only a pane being
 * dragged larger inside a window of one size.
 */
export function observeResize(element: Element, onResize: () => void): () => void {
  if (typeof ResizeObserver === 'function') {
    try {
      const observer = new ResizeObserver(() => {
        onResize();
      });
      observer.observe(element);
      return () => {
        observer.disconnect();
      };
    } catch {
      // Fall back to the window's event below.
    }
  }
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
  };
}
