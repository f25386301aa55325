/**
 * A drawing surface that records SVG: the timeline's own drawing
 * (renderTimeline) draws into it as into a canvas, so the SVG image is the
 * screen's picture, not a second renderer's. Each fill, stroke, rectangle
 * and text becomes one element; texts stay text (selectable, scalable).
 * Pure: no DOM, so it is tested in Node.
 */
import type { DrawingContext } from './drawingContext';

/** The width of `text` in `font` (CSS pixels): the page measures with a canvas, tests estimate. */
export type MeasureText = (font: string, text: string) => number;

interface SvgState {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  lineDash: readonly number[];
  /** How many `<g>` elements (clips) are open. */
  groups: number;
}

const INITIAL: SvgState = {
  fillStyle: '#000',
  strokeStyle: '#000',
  lineWidth: 1,
  globalAlpha: 1,
  font: '10px sans-serif',
  textAlign: 'start',
  textBaseline: 'alphabetic',
  lineDash: [],
  groups: 0,
};

const TEXT_ANCHOR: Record<CanvasTextAlign, string> = {
  start: 'start',
  left: 'start',
  center: 'middle',
  end: 'end',
  right: 'end',
};

/** Where a canvas puts the text's baseline, in SVG's words. */
const BASELINE: Record<CanvasTextBaseline, string | null> = {
  alphabetic: null,
  top: 'text-before-edge',
  hanging: 'hanging',
  middle: 'central',
  ideographic: 'ideographic',
  bottom: 'text-after-edge',
};

const FULL_TURN = 2 * Math.PI;

export class SvgContext implements DrawingContext {
  private state: SvgState = { ...INITIAL };
  private readonly saved: SvgState[] = [];
  private readonly body: string[] = [];
  private readonly clips: string[] = [];
  private path: string[] = [];
  /** Whether the path has a current point (an arc joins it with a line, as on a canvas). */
  private pathOpen = false;

  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly measure: MeasureText,
  ) {}

  get fillStyle(): string {
    return this.state.fillStyle;
  }
  set fillStyle(value: string) {
    this.state.fillStyle = value;
  }
  get strokeStyle(): string {
    return this.state.strokeStyle;
  }
  set strokeStyle(value: string) {
    this.state.strokeStyle = value;
  }
  get lineWidth(): number {
    return this.state.lineWidth;
  }
  set lineWidth(value: number) {
    this.state.lineWidth = value;
  }
  get globalAlpha(): number {
    return this.state.globalAlpha;
  }
  set globalAlpha(value: number) {
    this.state.globalAlpha = value;
  }
  get font(): string {
    return this.state.font;
  }
  set font(value: string) {
    this.state.font = value;
  }
  get textAlign(): CanvasTextAlign {
    return this.state.textAlign;
  }
  set textAlign(value: CanvasTextAlign) {
    this.state.textAlign = value;
  }
  get textBaseline(): CanvasTextBaseline {
    return this.state.textBaseline;
  }
  set textBaseline(value: CanvasTextBaseline) {
    this.state.textBaseline = value;
  }

  save(): void {
    this.saved.push(this.state);
    this.state = { ...this.state };
  }

  restore(): void {
    const previous = this.saved.pop();
    if (previous === undefined) return;
    // Clips set since the save end with it, as a canvas's do.
    for (let open = this.state.groups; open > previous.groups; open -= 1) this.body.push('</g>');
    this.state = previous;
  }

  setLineDash(segments: readonly number[]): void {
    this.state.lineDash = [...segments];
  }

  // The drawing clears only to paint its background over everything next.
  clearRect(): void {}

  fillRect(x: number, y: number, width: number, height: number): void {
    this.body.push(`<rect ${rectAttributes(x, y, width, height)}${this.fillAttributes()}/>`);
  }

  strokeRect(x: number, y: number, width: number, height: number): void {
    this.body.push(`<rect ${rectAttributes(x, y, width, height)}${this.strokeAttributes()}/>`);
  }

  fillText(text: string, x: number, y: number): void {
    const { font, textAlign, textBaseline } = this.state;
    const baseline = BASELINE[textBaseline];
    this.body.push(
      `<text x="${num(x)}" y="${num(y)}" style="font: ${escapeXml(font)}"` +
        ` text-anchor="${TEXT_ANCHOR[textAlign]}"` +
        (baseline === null ? '' : ` dominant-baseline="${baseline}"`) +
        `${this.fillAttributes()} xml:space="preserve">${escapeXml(text)}</text>`,
    );
  }

  measureText(text: string): { readonly width: number } {
    return { width: this.measure(this.state.font, text) };
  }

  beginPath(): void {
    this.path = [];
    this.pathOpen = false;
  }

  moveTo(x: number, y: number): void {
    this.path.push(`M${num(x)} ${num(y)}`);
    this.pathOpen = true;
  }

  lineTo(x: number, y: number): void {
    this.path.push(`${this.pathOpen ? 'L' : 'M'}${num(x)} ${num(y)}`);
    this.pathOpen = true;
  }

  closePath(): void {
    if (this.path.length > 0) this.path.push('Z');
  }

  rect(x: number, y: number, width: number, height: number): void {
    this.path.push(`M${num(x)} ${num(y)}h${num(width)}v${num(height)}h${num(-width)}Z`);
    this.pathOpen = true;
  }

  arc(
    x: number,
    y: number,
    radius: number,
    startAngle: number,
    endAngle: number,
    counterclockwise = false,
  ): void {
    const point = (angle: number): string =>
      `${num(x + radius * Math.cos(angle))} ${num(y + radius * Math.sin(angle))}`;
    this.path.push(`${this.pathOpen ? 'L' : 'M'}${point(startAngle)}`);
    this.pathOpen = true;
    let sweep = counterclockwise ? startAngle - endAngle : endAngle - startAngle;
    if (sweep >= FULL_TURN) sweep = FULL_TURN;
    else sweep = ((sweep % FULL_TURN) + FULL_TURN) % FULL_TURN;
    const direction = counterclockwise ? -1 : 1;
    const flag = counterclockwise ? 0 : 1;
    // An SVG arc cannot end where it starts: a full circle is two halves.
    const halves = sweep > Math.PI ? 2 : 1;
    for (let half = 1; half <= halves; half += 1) {
      const angle = startAngle + (direction * sweep * half) / halves;
      this.path.push(`A${num(radius)} ${num(radius)} 0 0 ${flag} ${point(angle)}`);
    }
  }

  fill(): void {
    if (this.path.length === 0) return;
    this.body.push(`<path d="${this.path.join('')}"${this.fillAttributes()}/>`);
  }

  stroke(): void {
    if (this.path.length === 0) return;
    this.body.push(`<path d="${this.path.join('')}"${this.strokeAttributes()}/>`);
  }

  clip(): void {
    const id = `clip${this.clips.length}`;
    this.clips.push(`<clipPath id="${id}"><path d="${this.path.join('')}"/></clipPath>`);
    this.body.push(`<g clip-path="url(#${id})">`);
    this.state.groups += 1;
  }

  /** The drawing so far as an SVG document, `width` × `height` CSS pixels. */
  toSvg(): string {
    const closing = '</g>'.repeat(this.state.groups);
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<svg xmlns="http://www.w3.org/2000/svg" width="${num(this.width)}" height="${num(this.height)}"` +
      ` viewBox="0 0 ${num(this.width)} ${num(this.height)}">\n` +
      `<defs>${this.clips.join('')}</defs>\n` +
      `${this.body.join('\n')}${closing}\n</svg>\n`
    );
  }

  private fillAttributes(): string {
    return ` fill="${escapeXml(this.state.fillStyle)}"${this.opacity()}`;
  }

  private strokeAttributes(): string {
    const { strokeStyle, lineWidth, lineDash } = this.state;
    const dash = lineDash.length === 0 ? '' : ` stroke-dasharray="${lineDash.map(num).join(' ')}"`;
    return (
      ` fill="none" stroke="${escapeXml(strokeStyle)}" stroke-width="${num(lineWidth)}"` +
      `${dash}${this.opacity()}`
    );
  }

  private opacity(): string {
    return this.state.globalAlpha === 1 ? '' : ` opacity="${num(this.state.globalAlpha)}"`;
  }
}

/** A canvas draws a rectangle of negative size towards the other side; SVG would draw none. */
function rectAttributes(x: number, y: number, width: number, height: number): string {
  if (width < 0) return rectAttributes(x + width, y, -width, height);
  if (height < 0) return rectAttributes(x, y + height, width, -height);
  return `x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}"`;
}

/** Coordinates to a hundredth of a pixel: finer is invisible and only makes the file longer. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Control characters XML 1.0 cannot hold at all, even escaped. */
// eslint-disable-next-line no-control-regex -- matching them is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text and attribute values as XML character data; a character XML cannot hold becomes U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
