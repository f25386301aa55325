import { useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { LessonEntry } from '../features/lessons/lessonEntry';
import './welcome.css';
import type { WelcomeStore } from './welcomeSlice';

interface WelcomeProps {
  readonly store: WelcomeStore;
  /** The course, in order: the welcome points to its first lesson. */
  readonly lessons: readonly LessonEntry[];
  /**
   * One line on a phone, its two sentences behind a disclosure button: shown
   * whole they took a quarter of the screen, pushing the program down.
   */
  readonly compact: boolean;
}

/** What Tab can reach, before `tabIndex` and visibility are checked. */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The first element after `element` (outside it) that Tab would reach. */
function nextTabStop(element: HTMLElement): HTMLElement | null {
  const candidates = element.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE);
  for (const candidate of candidates) {
    const after = element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (after === 0 || element.contains(candidate)) continue;
    if (candidate.tabIndex >= 0 && !candidate.matches(':disabled') && candidate.checkVisibility()) {
      return candidate;
    }
  }
  return null;
}

/**
 * Two lines for a first visit: what Loopscope is and what to try. Dismissed,
 * it stays hidden for good (the welcome slice keeps that).
 */
export function Welcome({ store, lessons, compact }: WelcomeProps) {
  const dismissed = useStore(store, (state) => state.welcomeDismissed);
  const welcome = useRef<HTMLElement>(null);
  const [expanded, setExpanded] = useState(false);
  const textId = useId();
  if (dismissed) return null;
  const [first] = lessons;
  const text = (
    <div id={textId} className="welcome-text" hidden={compact && !expanded}>
      <p>
        <strong>Loopscope</strong> runs your asyncio program on real Python in this page and draws
        what its event loop did: which task ran when, why it waited, who woke it.
      </p>
      <p>
        Try it: press <strong>Run</strong> and follow the example on the timeline.
        {first === undefined ? null : (
          <>
            {' '}
            New to asyncio? The lessons start with the first <code>await</code>:{' '}
            <a href={`#/lessons/${first.meta.id}`}>
              Lesson {first.meta.order}: {first.meta.title}
            </a>
            .
          </>
        )}
      </p>
    </div>
  );
  const dismiss = (
    <button
      type="button"
      className="welcome-dismiss"
      aria-label="Dismiss the welcome"
      onClick={() => {
        // The button is about to vanish: hand the focus on, as Tab would,
        // rather than drop it on the page's body.
        if (welcome.current) nextTabStop(welcome.current)?.focus();
        store.getState().dismissWelcome();
      }}
    >
      Dismiss
    </button>
  );
  return (
    <section
      ref={welcome}
      className={compact ? 'welcome welcome-compact' : 'welcome'}
      aria-label="Welcome"
    >
      {compact ? (
        // The text opens under the line with both buttons: in the document
        // after them too, so the focus meets them in the order they are seen.
        <>
          <button
            type="button"
            className="welcome-more"
            aria-expanded={expanded}
            aria-controls={textId}
            onClick={() => {
              setExpanded(!expanded);
            }}
          >
            What is Loopscope?
          </button>
          {dismiss}
          {text}
        </>
      ) : (
        <>
          {text}
          {dismiss}
        </>
      )}
    </section>
  );
}
