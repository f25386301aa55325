import { useCallback, useId, useRef, useState } from 'react';
import { saveTimelineImage, type ImageFormat } from './saveTimelineImage';
import type { ImageExtent } from './timelineImage';
import type { TimelineImageSource } from './timelineImageSource';
import { useDismiss } from './useDismiss';
import './TimelineView.css';

interface SaveImageProps {
  /** The drawing, from the timeline's canvas. */
  readonly images: TimelineImageSource;
}

const FORMATS: readonly (readonly [ImageFormat, string])[] = [
  ['png', 'PNG'],
  ['svg', 'SVG'],
];
const EXTENTS: readonly (readonly [ImageExtent, string])[] = [
  ['shown', 'As shown'],
  ['whole', 'Whole run'],
];

/**
 * "Save image…": a popover with the image's format and extent (the zoom on
 * screen or the whole run) and a Save button that downloads it, for slides.
 */
export function SaveImage({ images }: SaveImageProps) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ImageFormat>('png');
  const [extent, setExtent] = useState<ImageExtent>('shown');
  const [problem, setProblem] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  const close = useCallback(() => {
    setOpen(false);
  }, []);
  useDismiss(open, close, button, panel);

  const choices = <T extends string>(
    name: string,
    legend: string,
    options: readonly (readonly [T, string])[],
    value: T,
    choose: (value: T) => void,
  ) => (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option}>
          <input
            type="radio"
            name={`${id}-${name}`}
            checked={value === option}
            onChange={() => {
              choose(option);
            }}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );

  return (
    <div className="timeline-popover">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setOpen((shown) => !shown);
        }}
      >
        Save image…
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          role="group"
          aria-label="Save the timeline as an image"
          className="timeline-popover-panel timeline-save-image"
        >
          {choices('format', 'Format', FORMATS, format, setFormat)}
          {choices('extent', 'Extent', EXTENTS, extent, setExtent)}
          <button
            type="button"
            onClick={() => {
              const snapshot = images.snapshot();
              const saving =
                snapshot === null
                  ? Promise.resolve(false)
                  : saveTimelineImage(snapshot, format, extent);
              void saving.then((saved) => {
                setProblem(saved ? null : 'The timeline could not be drawn as an image here.');
                if (!saved) return;
                setOpen(false);
                button.current?.focus();
              });
            }}
          >
            Save
          </button>
          {problem !== null && <p role="alert">{problem}</p>}
        </div>
      )}
    </div>
  );
}
