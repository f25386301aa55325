/**
 * Opening a share link (features/share/shareLink.ts): the program becomes a
 * document of its own, so it never takes the place of the learner's
 * playground program or exercises; its input and playback position are
 * offered, never forced on what the learner typed.
 */
import type { DraftDocument } from '../features/drafts/draftSlice';
import type { LessonEntry } from '../features/lessons/lessonEntry';
import { readShareLink, type SharedProgram } from '../features/share/shareLink';
import { fingerprint } from '../shared/fingerprint';
import type { AppStore } from './appStore';
import type { Route } from './hashRoute';
import { PLAYGROUND_DOCUMENT } from './playgroundDocument';

/**
 * The document a shared program opens in: one per program text, so opening
 * the same link again shows the learner's edits to it, and another link
 * another document. Within its lesson's documents when it names one the
 * site has, so the lesson keeps it in the editor.
 */
export function sharedDocument(program: SharedProgram, lesson: LessonEntry | null): DraftDocument {
  const id = fingerprint(program.code);
  return lesson === null
    ? { key: `loopscope:shared:${id}`, startingCode: program.code, title: 'Shared program' }
    : {
        key: `loopscope:lesson:${lesson.meta.id}:shared:${id}`,
        startingCode: program.code,
        title: `Shared program (lesson ${lesson.meta.order})`,
      };
}

/** The share link in `route` (its format and data), or null on any other page. */
export function shareLinkOf(route: Route): string | null {
  return route.page === 'shared' ? `${route.format}/${route.data}` : null;
}

/**
 * Opens a share link, once: its document, the link's input when the
 * learner's Input box is empty (offered otherwise), and a run shown at the
 * link's playback position when it has one. A link that cannot be read
 * leaves the learner's documents as they were and shows the playground's
 * program. `link` null: the page left the share link (coming back opens it again).
 */
export function openShareLink(
  store: AppStore,
  link: string | null,
  lessons: readonly LessonEntry[],
): void {
  const state = store.getState();
  if (link === null) {
    if (state.sharedLink !== null) state.setSharedLink(null);
    return;
  }
  if (state.sharedLink?.link === link) return;
  const slash = link.indexOf('/');
  const reading = readShareLink(link.slice(0, slash), link.slice(slash + 1));
  if (!reading.ok) {
    if (state.document.key !== PLAYGROUND_DOCUMENT.key) state.openDocument(PLAYGROUND_DOCUMENT);
    state.setSharedLink({ link, opening: reading });
    return;
  }
  const { program } = reading;
  const lesson =
    program.lesson === undefined
      ? null
      : (lessons.find((entry) => entry.meta.id === program.lesson) ?? null);
  state.openDocument(sharedDocument(program, lesson));
  const edited = store.getState().source !== program.code;
  let inputOffered: string | null = null;
  if (program.input !== undefined && program.input !== state.stdin) {
    if (state.stdin === '') state.setStdin(program.input);
    else inputOffered = program.input;
  }
  state.setSharedLink({ link, opening: { ok: true, program, lesson, edited, inputOffered } });
  if (inputOffered === null) showAtMoment(store, program, edited);
}

/** The learner chose between the link's input and their own (`useLinks`: the link's). */
export function settleOfferedInput(store: AppStore, useLinks: boolean): void {
  const { sharedLink } = store.getState();
  if (sharedLink === null) return;
  const { link, opening } = sharedLink;
  if (!opening.ok || opening.inputOffered === null) return;
  if (useLinks) store.getState().setStdin(opening.inputOffered);
  store.getState().setSharedLink({ link, opening: { ...opening, inputOffered: null } });
  showAtMoment(store, opening.program, opening.edited);
}

/**
 * Runs a shared program whose link has a playback position, and shows the
 * run there: runs are deterministic, so the run is the sharer's. Not when
 * the learner's own edits are shown, or a run is going on.
 */
function showAtMoment(store: AppStore, program: SharedProgram, edited: boolean): void {
  const { moment } = program;
  if (moment === undefined || edited || store.getState().running) return;
  void runShowingMoment(store, program.code, moment);
}

/** Runs `source`, then shows the run at `moment` (null: at its end, as any run). */
export async function runShowingMoment(
  store: AppStore,
  source: string,
  moment: number | null,
): Promise<void> {
  await store.getState().run(source);
  if (moment !== null) store.getState().seek(moment);
}
