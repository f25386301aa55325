import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TASK_PALETTES, taskColor, taskColorCss } from './taskColors';
import type { Theme } from './theme';

const THEMES: readonly Theme[] = ['light', 'dark'];

/**
 * A just-noticeable difference in OKLab: CSS Color 4's gamut mapping treats
 * colours closer than this as the same
 * (https://www.w3.org/TR/css-color-4/#binsearch).
 */
const JND = 0.02;
/** Neighbouring tasks must tell apart at a glance: four JNDs, for every vision below. */
const MIN_NEIGHBOUR_DISTANCE = 4 * JND;
/** No two of the palette may look alike to normal vision: two JNDs. */
const MIN_ANY_DISTANCE = 2 * JND;

type Rgb = readonly [number, number, number];
type Matrix = readonly [Rgb, Rgb, Rgb];

/**
 * Dichromat vision simulated in linear RGB: Machado, Oliveira and Fernandes
 * (2009), severity 1, the matrices published with the paper. Protanopia and
 * deuteranopia are the common ones; tritanopia (rarer than 1 in 10,000) is
 * left out.
 */
const VISIONS = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
} as const satisfies Readonly<Record<string, Matrix>>;

/** The panel and page backgrounds of a theme, read from the stylesheet that sets them. */
function backgrounds(theme: Theme): string[] {
  const css = readFileSync(new URL('../shell/app.css', import.meta.url), 'utf8');
  const selector = theme === 'light' ? ':root {' : ":root[data-theme='dark'] {";
  const block = css.slice(css.indexOf(selector), css.indexOf('}', css.indexOf(selector)));
  return ['--panel', '--page'].map((name) => {
    const value = new RegExp(`${name}:\\s*(#[0-9a-f]+);`, 'i').exec(block)?.[1];
    if (value === undefined) throw new Error(`app.css sets no ${name} for the ${theme} theme`);
    return value;
  });
}

/** `#rgb` or `#rrggbb` as linear-light sRGB channels in 0..1. */
function linearRgb(hex: string): Rgb {
  const digits = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, '$&$&').slice(1) : hex.slice(1);
  const channel = (at: number) => {
    const c = parseInt(digits.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(0), channel(2), channel(4)];
}

/** WCAG 2's contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio). */
function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = linearRgb(hex);
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

function apply(matrix: Matrix, [r, g, b]: Rgb): Rgb {
  const row = ([x, y, z]: Rgb) => Math.min(1, Math.max(0, x * r + y * g + z * b));
  return [row(matrix[0]), row(matrix[1]), row(matrix[2])];
}

/** Linear sRGB to OKLab (https://bottosson.github.io/posts/oklab/). */
function oklab([r, g, b]: Rgb): Rgb {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** ΔE in OKLab between two colours as a viewer with `vision` sees them. */
function distance(a: string, b: string, vision: Matrix): number {
  const [l1, a1, b1] = oklab(apply(vision, linearRgb(a)));
  const [l2, a2, b2] = oklab(apply(vision, linearRgb(b)));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** Each colour with the next one, the last with the first: tasks 8 and 9 are neighbours too. */
function neighbours(palette: readonly [string, ...string[]]): (readonly [string, string])[] {
  return palette.map(
    (color, index) => [color, palette[(index + 1) % palette.length] ?? palette[0]] as const,
  );
}

/** OKLCH chroma and hue (degrees). */
function chromaAndHue(hex: string): { chroma: number; hue: number } {
  const [, a, b] = oklab(linearRgb(hex));
  return { chroma: Math.hypot(a, b), hue: (Math.atan2(b, a) * 180) / Math.PI };
}

describe('task colours', () => {
  it.each(THEMES)('read as text at 4.5:1 on the panel and the page (%s theme)', (theme) => {
    for (const color of TASK_PALETTES[theme]) {
      for (const background of backgrounds(theme)) {
        expect(
          contrastRatio(color, background),
          `${color} on ${background}`,
        ).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it.each(THEMES)(
    'keep neighbouring tasks apart, wrapping around, for normal and dichromat vision (%s theme)',
    (theme) => {
      for (const [vision, matrix] of Object.entries(VISIONS)) {
        for (const [color, next] of neighbours(TASK_PALETTES[theme])) {
          expect(
            distance(color, next, matrix),
            `${color} beside ${next}, ${vision}`,
          ).toBeGreaterThanOrEqual(MIN_NEIGHBOUR_DISTANCE);
        }
      }
    },
  );

  it.each(THEMES)('are eight different colours to normal vision (%s theme)', (theme) => {
    const palette = TASK_PALETTES[theme];
    palette.forEach((color, index) => {
      for (const other of palette.slice(index + 1)) {
        expect(
          distance(color, other, VISIONS.normal),
          `${color} and ${other}`,
        ).toBeGreaterThanOrEqual(MIN_ANY_DISTANCE);
      }
    });
  });

  it('give task N the same hue in both themes', () => {
    expect(TASK_PALETTES.dark).toHaveLength(TASK_PALETTES.light.length);
    TASK_PALETTES.light.forEach((light, index) => {
      const dark = TASK_PALETTES.dark[index] ?? '';
      const [l, d] = [chromaAndHue(light), chromaAndHue(dark)];
      if (Math.min(l.chroma, d.chroma) < 0.01) {
        // A grey has no hue: it must be grey in both themes.
        expect(Math.max(l.chroma, d.chroma), `${light} and ${dark}`).toBeLessThan(0.01);
        return;
      }
      const apart = Math.abs(((l.hue - d.hue + 540) % 360) - 180);
      expect(apart, `${light} and ${dark}`).toBeLessThan(2);
    });
  });

  it('cycle through the palette as task numbers grow', () => {
    const size = TASK_PALETTES.light.length;
    expect(taskColor(size + 1, 'dark')).toBe(taskColor(1, 'dark'));
    expect(taskColor(2, 'light')).toBe(TASK_PALETTES.light[1]);
  });

  it('give the DOM one value holding both themes’ colours', () => {
    expect(taskColorCss(2)).toBe(`light-dark(${taskColor(2, 'light')}, ${taskColor(2, 'dark')})`);
  });
});
