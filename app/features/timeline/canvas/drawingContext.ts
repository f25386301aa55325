/**
 * The part of a 2D context the timeline's drawing uses, and nothing more: a
 * browser's canvas context satisfies it, and so does the SVG recorder
 * (svgContext.ts), so TypeScript proves that the drawing calls only what
 * the recorder implements. A drawing function that needs more must add it
 * here, and the recorder then fails to compile until it draws it too.
 */
export interface DrawingContext {
  // Styles are only ever set to colours, which the recorder writes as SVG
  // paint. A canvas reads back a gradient or pattern too, so the getter is
  // wider than the setter, on purpose: it is what lets a canvas context
  // satisfy this type while the drawing may set colours only.
  // eslint-disable-next-line @typescript-eslint/related-getter-setter-pairs -- see above
  get fillStyle(): string | CanvasGradient | CanvasPattern;
  set fillStyle(value: string);
  // eslint-disable-next-line @typescript-eslint/related-getter-setter-pairs -- see above
  get strokeStyle(): string | CanvasGradient | CanvasPattern;
  set strokeStyle(value: string);
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;

  save(): void;
  restore(): void;
  setLineDash(segments: readonly number[]): void;

  clearRect(x: number, y: number, width: number, height: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  strokeRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { readonly width: number };

  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  rect(x: number, y: number, width: number, height: number): void;
  arc(
    x: number,
    y: number,
    radius: number,
    startAngle: number,
    endAngle: number,
    counterclockwise?: boolean,
  ): void;
  fill(): void;
  stroke(): void;
  /** Intersects the clip with the current path (the drawing clips to rectangles only). */
  clip(): void;
}
