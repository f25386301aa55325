/**
 * The page's theme colours, for drawing: a canvas cannot use CSS variables,
 * so the ones app.css sets for the theme are read off the element.
 */

export interface CanvasPalette {
  readonly text: string;
  readonly muted: string;
  readonly panel: string;
  readonly border: string;
  readonly error: string;
  readonly warning: string;
}

/** app.css's light theme, for an element whose variables cannot be read. */
const FALLBACK: CanvasPalette = {
  text: '#1b1f24',
  muted: '#5a636e',
  panel: '#fff',
  border: '#c9ced6',
  error: '#b3261e',
  warning: '#8a4b00',
};

export function readCanvasPalette(element: Element): CanvasPalette {
  const style = getComputedStyle(element);
  const read = (name: keyof CanvasPalette): string =>
    style.getPropertyValue(`--${name}`).trim() || FALLBACK[name];
  return {
    text: read('text'),
    muted: read('muted'),
    panel: read('panel'),
    border: read('border'),
    error: read('error'),
    warning: read('warning'),
  };
}

/** The canvas's fonts, in CSS pixels. */
export const FONT = {
  label: '12px system-ui, sans-serif',
  small: '11px system-ui, sans-serif',
  title: '600 12px system-ui, sans-serif',
  glyph: 'bold 10px system-ui, sans-serif',
} as const;
