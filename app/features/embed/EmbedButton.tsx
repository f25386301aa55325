import { useEffect, useId, useRef, useState } from 'react';
import { clipboardCopy, copyOrSelect, SELECTED_TO_COPY } from '../../shared/clipboard';
import { CopyDialogFooter } from '../../shared/CopyDialogFooter';
import {
  DEFAULT_PANES,
  EMBED_PANES,
  embedQuery,
  type EmbedOptions,
  type EmbedPane,
} from './embedOptions';
import './embed.css';

/** What could be embedded now, read as the dialog opens. */
export interface Embeddable {
  /** The program in the editor as a share link's fragment (`#/share/…`), with the input; with the playback moment when asked. */
  readonly programFragment: (withMoment: boolean) => string;
  /** The lesson on screen, if any. */
  readonly lesson: { readonly id: string; readonly title: string } | null;
  /** The exercise in the editor, if it is one. */
  readonly exercise: { readonly id: string; readonly title: string } | null;
  /** The playback cursor's moment; null at the end of the run, or with no run. */
  readonly moment: number | null;
}

interface EmbedButtonProps {
  readonly embeddable: () => Embeddable;
  /** The address of the site's embed page. */
  readonly embedPage?: () => string;
  readonly copy?: (text: string) => Promise<void>;
}

type Subject = 'program' | 'lesson' | 'exercise';

interface Choices {
  readonly subject: Subject;
  readonly panes: readonly EmbedPane[];
  readonly theme: 'light' | 'dark' | null;
  readonly readOnly: boolean;
  readonly runOnLoad: boolean;
  readonly moment: boolean;
  readonly height: number;
  readonly host: string;
}

const PANE_NAMES: Record<EmbedPane, string> = {
  editor: 'Editor',
  output: 'Output',
  timeline: 'Timeline',
  loop: 'Event loop panel',
};

const HEIGHTS = { min: 120, max: 10_000, initial: 600 } as const;

/** How long the preview waits for the controls to settle before it loads again. */
const PREVIEW_DELAY_MS = 400;

/** What the dialog offers to show: the program always, the lesson and the exercise when on screen. */
function subjectsOf(shown: Embeddable): { subject: Subject; label: string }[] {
  return [
    { subject: 'program', label: 'this program' },
    ...(shown.lesson
      ? [{ subject: 'lesson' as const, label: `the lesson: ${shown.lesson.title}` }]
      : []),
    ...(shown.exercise
      ? [{ subject: 'exercise' as const, label: `the exercise: ${shown.exercise.title}` }]
      : []),
  ];
}

function embedPageNow(): string {
  return new URL('embed.html', document.baseURI).href;
}

/** The origin in `text`, or null when it is empty or not one (the snippet then leaves it out). */
function originOf(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The embed's address for these choices. */
function embedAddress(page: string, shown: Embeddable, choices: Choices): string {
  const lesson = shown.lesson;
  const exercise = shown.exercise;
  const content: EmbedOptions['content'] =
    choices.subject === 'lesson' && lesson
      ? { kind: 'lesson', lesson: lesson.id }
      : choices.subject === 'exercise' && lesson && exercise
        ? { kind: 'exercise', lesson: lesson.id, exercise: exercise.id }
        : { kind: 'snippet' };
  const moment = choices.moment && choices.runOnLoad && shown.moment !== null;
  const options: EmbedOptions = {
    content,
    panes: choices.panes,
    theme: choices.theme,
    readOnly: choices.readOnly,
    runOnLoad: choices.runOnLoad,
    // A program's moment travels in its fragment; a lesson's in the options.
    moment: moment && content.kind !== 'snippet' ? shown.moment : null,
    height: choices.height,
    host: originOf(choices.host),
  };
  const fragment = content.kind === 'snippet' ? shown.programFragment(moment) : '';
  return `${page}${embedQuery(options)}${fragment}`;
}

function snippetFor(address: string, title: string, height: number): string {
  const escape = (text: string) =>
    text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return [
    '<iframe',
    `  src="${escape(address)}"`,
    `  title="${escape(title)}"`,
    `  style="width: 100%; height: ${height}px; border: 1px solid #ccc; border-radius: 6px"`,
    '  loading="lazy"',
    '></iframe>',
  ].join('\n');
}

/**
 * "Embed": a dialog that writes the `<iframe>` snippet for what is on
 * screen (the program, the lesson or its exercise), with the embed's
 * options as controls and a live preview (docs/embedding.md).
 */
export function EmbedButton({
  embeddable,
  embedPage = embedPageNow,
  copy = clipboardCopy,
}: EmbedButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const snippetField = useRef<HTMLTextAreaElement>(null);
  const [shown, setShown] = useState<Embeddable | null>(null);
  const [choices, setChoices] = useState<Choices>({
    subject: 'program',
    panes: DEFAULT_PANES,
    theme: null,
    readOnly: false,
    runOnLoad: false,
    moment: false,
    height: HEIGHTS.initial,
    host: '',
  });
  const [outcome, setOutcome] = useState<string | null>(null);
  const titleId = useId();
  const address = shown === null ? '' : embedAddress(embedPage(), shown, choices);
  const title =
    shown === null
      ? ''
      : choices.subject === 'lesson' && shown.lesson
        ? `Loopscope: ${shown.lesson.title}`
        : choices.subject === 'exercise' && shown.exercise
          ? `Loopscope exercise: ${shown.exercise.title}`
          : 'Loopscope: an asyncio program';
  const snippet = snippetFor(address, title, choices.height);
  // The preview loads the embed again only once the controls settle; it is
  // not in the host page, so it is told of no host to talk to.
  const previewAddress =
    shown === null ? '' : embedAddress(embedPage(), shown, { ...choices, host: '' });
  const [preview, setPreview] = useState('');
  useEffect(() => {
    if (previewAddress === '') return;
    const timer = window.setTimeout(() => {
      setPreview(previewAddress);
    }, PREVIEW_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [previewAddress]);

  const choose = (next: Partial<Choices>) => {
    setChoices((previous) => ({ ...previous, ...next }));
    setOutcome(null);
  };
  const togglePane = (pane: EmbedPane, on: boolean) => {
    const panes = EMBED_PANES.filter((name) => (name === pane ? on : choices.panes.includes(name)));
    // An embed shows at least one pane besides Run.
    if (panes.length > 0) choose({ panes });
  };
  const hostOrigin = originOf(choices.host);

  return (
    <>
      <button
        type="button"
        onClick={() => {
          const now = embeddable();
          setShown(now);
          setChoices((previous) => ({
            ...previous,
            subject: now.exercise ? 'exercise' : now.lesson ? 'lesson' : 'program',
          }));
          setOutcome(null);
          dialog.current?.showModal();
        }}
      >
        Embed
      </button>
      <dialog ref={dialog} className="copy-dialog embed-dialog" aria-labelledby={titleId}>
        {shown === null ? null : (
          <form
            method="dialog"
            onSubmit={(event) => {
              event.preventDefault();
              void copyOrSelect(snippet, snippetField.current, copy).then((done) => {
                setOutcome(
                  done === 'copied' ? 'Copied. Paste it into your page’s HTML.' : SELECTED_TO_COPY,
                );
              });
            }}
          >
            <h2 id={titleId}>Embed in your page</h2>
            <div className="embed-dialog-body">
              <div className="embed-controls">
                <fieldset>
                  <legend>Show</legend>
                  {subjectsOf(shown).map(({ subject, label }) => (
                    <label key={subject}>
                      <input
                        type="radio"
                        name="subject"
                        checked={choices.subject === subject}
                        onChange={() => {
                          choose({ subject });
                        }}
                      />
                      {label}
                    </label>
                  ))}
                </fieldset>
                <fieldset>
                  <legend>Panes</legend>
                  {EMBED_PANES.map((pane) => (
                    <label key={pane}>
                      <input
                        type="checkbox"
                        checked={choices.panes.includes(pane)}
                        onChange={(event) => {
                          togglePane(pane, event.target.checked);
                        }}
                      />
                      {PANE_NAMES[pane]}
                    </label>
                  ))}
                </fieldset>
                <fieldset>
                  <legend>Options</legend>
                  <label>
                    Theme{' '}
                    <select
                      value={choices.theme ?? 'system'}
                      onChange={(event) => {
                        const value = event.target.value;
                        choose({ theme: value === 'light' || value === 'dark' ? value : null });
                      }}
                    >
                      <option value="system">the reader’s setting</option>
                      <option value="light">light</option>
                      <option value="dark">dark</option>
                    </select>
                  </label>
                  <label>
                    <input
                      type="checkbox"
                      checked={choices.readOnly}
                      onChange={(event) => {
                        choose({ readOnly: event.target.checked });
                      }}
                    />
                    read-only
                  </label>
                  <label>
                    <input
                      type="checkbox"
                      checked={choices.runOnLoad}
                      onChange={(event) => {
                        choose({ runOnLoad: event.target.checked });
                      }}
                    />
                    run when it comes into view
                  </label>
                  <label>
                    <input
                      type="checkbox"
                      checked={choices.moment && choices.runOnLoad && shown.moment !== null}
                      disabled={!choices.runOnLoad || shown.moment === null}
                      onChange={(event) => {
                        choose({ moment: event.target.checked });
                      }}
                    />
                    show the playback position
                    {shown.moment === null ? ' (none: step through a run first)' : ''}
                  </label>
                  <label>
                    Height (pixels){' '}
                    <input
                      type="number"
                      min={HEIGHTS.min}
                      max={HEIGHTS.max}
                      step={10}
                      value={choices.height}
                      onChange={(event) => {
                        const height = Math.round(Number(event.target.value));
                        if (height >= HEIGHTS.min && height <= HEIGHTS.max) choose({ height });
                      }}
                    />
                  </label>
                  <label>
                    Your page’s origin, for the postMessage API (optional){' '}
                    <input
                      type="url"
                      placeholder="https://school.example"
                      value={choices.host}
                      onChange={(event) => {
                        choose({ host: event.target.value });
                      }}
                    />
                  </label>
                  {choices.host.trim() !== '' && hostOrigin === null && (
                    <p role="alert" className="embed-warning">
                      That is not an origin like https://school.example: the snippet leaves it out.
                    </p>
                  )}
                </fieldset>
              </div>
              <div className="embed-preview">
                <p>Preview</p>
                {preview !== '' && (
                  <iframe
                    key={preview}
                    src={preview}
                    title="Preview"
                    style={{ height: `${Math.min(choices.height, 480)}px` }}
                  />
                )}
              </div>
            </div>
            <label className="embed-snippet">
              Snippet
              <textarea
                ref={snippetField}
                readOnly
                rows={7}
                value={snippet}
                onFocus={(event) => {
                  event.target.select();
                }}
              />
            </label>
            <CopyDialogFooter copyLabel="Copy snippet" dialog={dialog} outcome={outcome} />
          </form>
        )}
      </dialog>
    </>
  );
}
