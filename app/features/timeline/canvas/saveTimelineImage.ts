/**
 * Saves the timeline as a PNG or SVG file (timelineImage.ts lays it out):
 * the PNG is drawn on a canvas of its own, the SVG's texts are measured
 * with one, so both fit labels as the screen does.
 */
import { downloadBlob } from '../../../platform/download';
import {
  drawImage,
  imageLayout,
  timelineSvg,
  type ImageExtent,
  type TimelineSnapshot,
} from './timelineImage';

export type ImageFormat = 'png' | 'svg';

/** The downloads' file names. */
export const IMAGE_FILE: Record<ImageFormat, string> = {
  png: 'loopscope-timeline.png',
  svg: 'loopscope-timeline.svg',
};

/** Saves the image; false when the browser gave no canvas to draw it on. */
export async function saveTimelineImage(
  snapshot: TimelineSnapshot,
  format: ImageFormat,
  extent: ImageExtent,
): Promise<boolean> {
  const layout = imageLayout(snapshot, extent);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (ctx === null) return false;
  if (format === 'svg') {
    const svg = timelineSvg(snapshot, layout, (font, text) => {
      ctx.font = font;
      return ctx.measureText(text).width;
    });
    downloadBlob(IMAGE_FILE.svg, new Blob([svg], { type: 'image/svg+xml' }));
    return true;
  }
  const { frame, ratio } = layout;
  canvas.width = Math.max(1, Math.round(frame.width * ratio));
  canvas.height = Math.max(1, Math.round(frame.height * ratio));
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  // No stamps: they pay off over many frames, and this is one.
  drawImage({ ctx, stamps: null }, snapshot, layout);
  const blob = await new Promise<Blob | null>((resolve) => {
    canvas.toBlob(resolve, 'image/png');
  });
  if (blob === null) return false;
  downloadBlob(IMAGE_FILE.png, blob);
  return true;
}
