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
/**
 * No two of a theme's palette may look alike to normal vision: a CIEDE2000
 * of 20, some eight times the difference most viewers just notice (about
 * 2.3), so that two thin bars tell apart at a glance.
 */
const MIN_ANY_CIEDE2000 = 20;

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

/** Linear sRGB to CIELAB under D65 (CIE 15:2004). */
function cielab([r, g, b]: Rgb): Rgb {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/**
 * CIEDE2000, the CIE's colour difference, as Sharma, Wu and Dalal (2005)
 * write it out, which the test below checks against their worked pairs.
 */
function ciede2000([l1, a1, b1]: Rgb, [l2, a2, b2]: Rgb): number {
  const rad = Math.PI / 180;
  const meanC = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const [ap1, ap2] = [(1 + g) * a1, (1 + g) * a2];
  const [c1, c2] = [Math.hypot(ap1, b1), Math.hypot(ap2, b2)];
  const hue = (b: number, a: number) =>
    b === 0 && a === 0 ? 0 : (((Math.atan2(b, a) / rad) % 360) + 360) % 360;
  const [h1, h2] = [hue(b1, ap1), hue(b2, ap2)];
  const chromatic = c1 * c2 !== 0;
  let dh = chromatic ? h2 - h1 : 0;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dL = l2 - l1;
  const dC = c2 - c1;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh * rad) / 2);
  const meanL = (l1 + l2) / 2;
  const meanCp = (c1 + c2) / 2;
  let meanH = h1 + h2;
  if (chromatic) {
    if (Math.abs(h1 - h2) <= 180) meanH /= 2;
    else meanH = meanH < 360 ? (meanH + 360) / 2 : (meanH - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((meanH - 30) * rad) +
    0.24 * Math.cos(2 * meanH * rad) +
    0.32 * Math.cos((3 * meanH + 6) * rad) -
    0.2 * Math.cos((4 * meanH - 63) * rad);
  const rotation = 30 * Math.exp(-(((meanH - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(meanCp ** 7 / (meanCp ** 7 + 25 ** 7));
  const sl = 1 + (0.015 * (meanL - 50) ** 2) / Math.sqrt(20 + (meanL - 50) ** 2);
  const sc = 1 + 0.045 * meanCp;
  const sh = 1 + 0.015 * meanCp * t;
  const rt = -Math.sin(2 * rotation * rad) * rc;
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh));
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

  it('measure CIEDE2000 as Sharma, Wu and Dalal (2005) do', () => {
    // Pairs 1, 7, 17, 18 and 25 of their table 1.
    const pairs: [Rgb, Rgb, number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [61, -5, 29], 22.8977],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    ];
    for (const [a, b, expected] of pairs) expect(ciede2000(a, b)).toBeCloseTo(expected, 4);
  });

  it.each(THEMES)(
    'differ by a CIEDE2000 of at least 20, every pair, to normal vision (%s theme)',
    (theme) => {
      const palette = TASK_PALETTES[theme];
      palette.forEach((color, index) => {
        for (const other of palette.slice(index + 1)) {
          expect(
            ciede2000(cielab(linearRgb(color)), cielab(linearRgb(other))),
            `${color} and ${other}`,
          ).toBeGreaterThanOrEqual(MIN_ANY_CIEDE2000);
        }
      });
    },
  );

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
