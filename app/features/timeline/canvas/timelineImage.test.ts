// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { goldenScene, TEST_PALETTE, type TestScene } from './goldenScene.node';
import { minimapDensity } from './minimap';
import { recordingContext } from './recordingContext.node';
import { SvgContext } from './svgContext';
import {
  drawImage,
  imageLayout,
  MAX_PIXELS,
  timelineSvg,
  WHOLE_MIN_WIDTH,
  type TimelineSnapshot,
} from './timelineImage';
import { LAYOUT } from './timelineScene';
import { isZoomedIn, zoomAt } from './viewport';
import { viewBounds } from './frameLayout';

/** Texts measure 6 pixels a character, as in the recording context. */
const measure = (_font: string, text: string): number => text.length * 6;

function snapshotOf(t: TestScene): TimelineSnapshot {
  return {
    scene: t.scene,
    density: minimapDensity(t.scene),
    cursor: 3,
    palette: TEST_PALETTE,
    view: t.view,
    frame: t.frame,
  };
}

/** The SVG parsed as XML; fails the test when it is not well-formed. */
function parse(svg: string): Document {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(document.documentElement.tagName).toBe('svg');
  return document;
}

const texts = (document: Document): string[] =>
  [...document.getElementsByTagName('text')].map((text) => text.textContent);

describe('the timeline as SVG', () => {
  for (const name of ['gather_sleeps', 'taskgroup_failure', 'blocking_sleep', 'queue_workers']) {
    for (const extent of ['shown', 'whole'] as const) {
      it(`draws ${name} (${extent}) as the canvas does: one element per drawing call`, () => {
        const snapshot = snapshotOf(goldenScene(name, 'time'));
        const layout = imageLayout(snapshot, extent);
        const canvas = recordingContext();
        drawImage({ ctx: canvas.ctx, stamps: null }, snapshot, layout);
        const document = parse(timelineSvg(snapshot, layout, measure));
        const count = (method: string): number => canvas.calls.get(method) ?? 0;
        const elements = (tag: string): number => document.getElementsByTagName(tag).length;
        expect(elements('rect')).toBe(count('fillRect') + count('strokeRect'));
        expect(elements('text')).toBe(count('fillText'));
        expect(texts(document)).toEqual(canvas.texts);
        expect(elements('clipPath')).toBe(count('clip'));
        // Each clip's own path, then one per fill and stroke.
        expect(elements('path')).toBe(count('clip') + count('fill') + count('stroke'));
      });
    }
  }

  it("writes every lane's task and the time axis's labels as text", () => {
    const t = goldenScene('gather_sleeps', 'time');
    const snapshot = snapshotOf(t);
    const written = texts(parse(timelineSvg(snapshot, imageLayout(snapshot, 'whole'), measure)));
    expect(t.scene.rows.length).toBeGreaterThan(2);
    for (const row of t.scene.rows) expect(written).toContain(row.lane.label);
    expect(written).toEqual(expect.arrayContaining(['virtual time', '0 s', '1 s', '3 s']));
  });

  it('paints the background in the theme colour over the whole image', () => {
    const snapshot = { ...snapshotOf(goldenScene('seed_greet', 'steps')) };
    const dark = { ...snapshot, palette: { ...TEST_PALETTE, panel: '#16191d' } };
    const layout = imageLayout(dark, 'whole');
    const first = parse(timelineSvg(dark, layout, measure)).getElementsByTagName('rect')[0];
    expect(first?.getAttribute('fill')).toBe('#16191d');
    expect(first?.getAttribute('width')).toBe(String(layout.frame.width));
    expect(first?.getAttribute('height')).toBe(String(layout.frame.height));
  });
});

describe('the SVG recorder', () => {
  it('escapes what XML cannot hold as it is', () => {
    const svg = new SvgContext(100, 20, measure);
    const label = `Task-2 · f('<a> & "b"')\u0001`;
    svg.font = '12px "Odd & Co", sans-serif';
    svg.fillStyle = '#000';
    svg.fillText(label, 0, 10);
    expect(texts(parse(svg.toSvg()))).toEqual([label.replace('\u0001', '\uFFFD')]);
  });

  it('ends the clips set since a save when it is restored', () => {
    const svg = new SvgContext(100, 100, measure);
    svg.save();
    svg.beginPath();
    svg.rect(0, 0, 50, 50);
    svg.clip();
    svg.fillRect(0, 0, 100, 100);
    svg.restore();
    svg.fillRect(0, 0, 10, 10);
    const [clipped, free] = [...parse(svg.toSvg()).getElementsByTagName('rect')];
    expect(clipped?.parentElement?.getAttribute('clip-path')).toBe('url(#clip0)');
    expect(free?.parentElement?.tagName).toBe('svg');
  });

  it('draws a full circle as two arcs, a canvas rectangle of negative size the other way', () => {
    const svg = new SvgContext(100, 100, measure);
    svg.beginPath();
    svg.arc(50, 50, 4, 0, 2 * Math.PI);
    svg.fill();
    svg.fillRect(20, 20, -10, 5);
    const document = parse(svg.toSvg());
    expect(document.getElementsByTagName('path')[0]?.getAttribute('d')).toBe(
      'M54 50A4 4 0 0 1 46 50A4 4 0 0 1 54 50',
    );
    expect(document.getElementsByTagName('rect')[0]?.getAttribute('x')).toBe('10');
  });
});

describe("the image's frame", () => {
  it('is the screen’s frame and view, as shown', () => {
    const t = goldenScene('gather_sleeps', 'time');
    zoomAt(t.view, 4, 100, viewBounds(t.scene, t.frame));
    const layout = imageLayout(snapshotOf(t), 'shown');
    expect(layout.frame).toBe(t.frame);
    expect(layout.view).toEqual(t.view);
    expect(layout.view).not.toBe(t.view);
    expect(layout.ratio).toBe(2);
  });

  it('fits the whole run in a slide-wide frame with every lane, however far the screen zoomed in', () => {
    const t = goldenScene('queue_workers', 'time');
    const bounds = viewBounds(t.scene, t.frame);
    zoomAt(t.view, 8, 300, bounds);
    expect(isZoomedIn(t.view, bounds)).toBe(true);
    const { frame, view } = imageLayout(snapshotOf(t), 'whole');
    expect(frame.width).toBe(WHOLE_MIN_WIDTH);
    expect(frame.height).toBe(LAYOUT.axisHeight + t.scene.height);
    expect(frame.minimapTop).toBeNull();
    expect(view.fitted).toBe(true);
    expect(view.offset).toBe(0);
    expect(view.scale * t.scene.width).toBeCloseTo(frame.plotWidth);
  });

  it('lowers the ratio of an image too large to draw at twice its size', () => {
    const t = goldenScene('gather_sleeps', 'time', null, { width: 4000, height: 3000 });
    const { frame, ratio } = imageLayout(snapshotOf(t), 'shown');
    expect(ratio).toBeLessThan(2);
    expect(frame.width * frame.height * ratio * ratio).toBeLessThanOrEqual(MAX_PIXELS * 1.0001);
  });
});
