import { useId, useRef, useState } from 'react';
import { clipboardCopy, copyOrSelect, SELECTED_TO_COPY } from '../../shared/clipboard';
import { CopyDialogFooter } from '../../shared/CopyDialogFooter';
import { LINK_LENGTH_WARNING, shareFragment, type SharedProgram } from './shareLink';
import './share.css';

/** What could go into a link now, read as the dialog opens. */
export interface Shareable {
  readonly code: string;
  /** The Input box's text ('' when empty). */
  readonly input: string;
  /** The lesson the program belongs to, if any. */
  readonly lesson: { readonly id: string; readonly title: string } | null;
  /** The playback cursor's moment; null at the end of the run, or with no run. */
  readonly moment: number | null;
}

interface ShareButtonProps {
  readonly shareable: () => Shareable;
  /** The page's address without its fragment, where links lead. */
  readonly pageAddress?: () => string;
  /** Puts text on the clipboard; the browser's own by default. */
  readonly copy?: (text: string) => Promise<void>;
}

interface Choices {
  readonly input: boolean;
  readonly lesson: boolean;
  readonly moment: boolean;
}

function pageAddressNow(): string {
  return window.location.href.replace(/#.*$/s, '');
}

/** The program as the learner chose to share it. */
function chosenProgram(shareable: Shareable, choices: Choices): SharedProgram {
  return {
    code: shareable.code,
    ...(choices.input && shareable.input !== '' ? { input: shareable.input } : {}),
    ...(choices.lesson && shareable.lesson ? { lesson: shareable.lesson.id } : {}),
    ...(choices.moment && shareable.moment !== null ? { moment: shareable.moment } : {}),
  };
}

/**
 * "Share": a dialog that writes a link to the program, with what the
 * learner ticks (input, lesson, playback position), and copies it. A link
 * too long for chat tools says so before it is copied.
 */
export function ShareButton({
  shareable,
  pageAddress = pageAddressNow,
  copy = clipboardCopy,
}: ShareButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState<Shareable | null>(null);
  const [choices, setChoices] = useState<Choices>({ input: false, lesson: true, moment: false });
  const [outcome, setOutcome] = useState<string | null>(null);
  const titleId = useId();
  const warningId = useId();
  const link = shown === null ? '' : pageAddress() + shareFragment(chosenProgram(shown, choices));
  const tooLong = link.length > LINK_LENGTH_WARNING;

  const choose = (next: Partial<Choices>) => {
    setChoices((previous) => ({ ...previous, ...next }));
    setOutcome(null);
  };
  const copyLink = () => {
    void copyOrSelect(link, linkField.current, copy).then((done) => {
      setOutcome(
        done === 'copied'
          ? 'Copied. Anyone who opens the link sees this program.'
          : SELECTED_TO_COPY,
      );
    });
  };

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setShown(shareable());
          setOutcome(null);
          dialog.current?.showModal();
        }}
      >
        Share
      </button>
      <dialog ref={dialog} className="copy-dialog share-dialog" aria-labelledby={titleId}>
        {shown === null ? null : (
          <form
            method="dialog"
            onSubmit={(event) => {
              event.preventDefault();
              copyLink();
            }}
          >
            <h2 id={titleId}>Share this program</h2>
            <p>
              The link holds the program itself: nothing is uploaded, and it opens in any browser.
            </p>
            <fieldset>
              <legend>Include</legend>
              <IncludeOption
                label={shown.input === '' ? 'the input (the Input box is empty)' : 'the input'}
                available={shown.input !== ''}
                checked={choices.input}
                onChange={(input) => {
                  choose({ input });
                }}
              />
              <IncludeOption
                label={
                  shown.lesson === null
                    ? 'the lesson (not in a lesson)'
                    : `the lesson: ${shown.lesson.title}`
                }
                available={shown.lesson !== null}
                checked={choices.lesson}
                onChange={(lesson) => {
                  choose({ lesson });
                }}
              />
              <IncludeOption
                label={
                  shown.moment === null
                    ? 'the playback position (none: step through a run first)'
                    : 'the playback position (the run is made again on opening)'
                }
                available={shown.moment !== null}
                checked={choices.moment}
                onChange={(moment) => {
                  choose({ moment });
                }}
              />
            </fieldset>
            <label className="share-link">
              Link
              <input
                ref={linkField}
                type="text"
                readOnly
                value={link}
                aria-describedby={tooLong ? warningId : undefined}
                onFocus={(event) => {
                  event.target.select();
                }}
              />
            </label>
            {tooLong ? (
              <p id={warningId} role="alert" className="share-warning">
                This link is {link.length.toLocaleString('en')} characters long. Some chat tools and
                mail programs cut links longer than {LINK_LENGTH_WARNING.toLocaleString('en')}{' '}
                characters, and a cut link does not open: leave out the input, or share a shorter
                program.
              </p>
            ) : null}
            <CopyDialogFooter copyLabel="Copy link" dialog={dialog} outcome={outcome} />
          </form>
        )}
      </dialog>
    </>
  );
}

interface IncludeOptionProps {
  readonly label: string;
  /** Whether there is anything to include (unticked and disabled otherwise). */
  readonly available: boolean;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** One thing the link may carry besides the program. */
function IncludeOption({ label, available, checked, onChange }: IncludeOptionProps) {
  return (
    <label>
      <input
        type="checkbox"
        checked={checked && available}
        disabled={!available}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      {label}
    </label>
  );
}
