/**
 * The run in one paragraph of plain words, for everyone and first of all for
 * screen readers: what ran concurrently and how long it took, who blocked the
 * loop, which task failed and what that did to its siblings, and each
 * mistake the trace reveals. runMeasures.ts defines the numbers it states.
 *
 * It is redrawn several times a second while a run streams in, so what it
 * reads from the model's growing lists (steps, prints, arrows, bands,
 * overlays, events) is folded once per item as it arrives (foldAppended.ts):
 * a redraw costs the run's tasks, not its events.
 */
import type { ErrorEvent, LimitEvent, TraceEvent } from '../../../runtime/traceSchema';
import { foldAppended } from '../model/foldAppended';
import type { TimelineModel } from '../model/timelineBuilder';
import { lastAtOrBefore, segmentFrom } from '../model/sortedSearch';
import type { Arrow, BlockedBand, Lane, Overlay, PrintMark, Segment } from '../model/types';
import { mostTasksAtOnce, sequentialSeconds, stepsOf, userTasks, waitsOf } from './runMeasures';

/** Past this many, failures and blocking calls are counted instead of told one by one. */
const MOST_TOLD = 3;

export function summarizeRun(model: TimelineModel): string {
  if (!model.traced) {
    return 'This run was not traced, so there is no timeline: only what it printed.';
  }
  const tasks = userTasks(model);
  return [
    tasksSentence(model, tasks),
    ...threadSentences(model),
    ...blockedSentences(model),
    ...exceptionSentences(model, tasks),
    ...timeoutSentences(model),
    ...overlaySentences(model),
    ...endingSentences(model, tasks),
  ].join(' ');
}

/** Virtual time with one decimal: `3.0 s`; below that, `less than 0.1 s`. */
export function formatRunSeconds(seconds: number): string {
  const rounded = seconds.toFixed(1);
  return rounded === '0.0' && seconds > 0 ? 'less than 0.1 s' : `${rounded} s`;
}

function tasksSentence(model: TimelineModel, tasks: readonly Lane[]): string {
  const took = tookClause(model, tasks);
  const [only] = tasks;
  if (only === undefined) return `No asyncio task ran; ${took}.`;
  if (tasks.length === 1) return `One task ran: ${soloStory(model, only)}; ${took}.`;
  const most = mostTasksAtOnce(tasks);
  return most >= 2
    ? `${most} tasks ran concurrently; ${took}.`
    : `${tasks.length} tasks ran, one at a time, so nothing ran concurrently; ${took}.`;
}

/** How long the run took, and how long it would have taken with nothing overlapping, if longer. */
function tookClause(model: TimelineModel, tasks: readonly Lane[]): string {
  const took = model.ended ? 'the run took' : 'so far the run has taken';
  const actual = model.virtualTime;
  if (actual === 0) return `${took} no virtual time`;
  const sequential = sequentialSeconds(model, tasks);
  const saved =
    sequential !== null &&
    sequential > actual &&
    formatRunSeconds(sequential) !== formatRunSeconds(actual)
      ? ` instead of ${formatRunSeconds(sequential)} sequentially`
      : '';
  return `${took} ${formatRunSeconds(actual)} of virtual time${saved}`;
}

/** What the only task did: with nothing beside it, its steps and waits are the whole story. */
function soloStory(model: TimelineModel, lane: Lane): string {
  const steps = Math.max(1, stepsOf(model, lane.id));
  const lines = linesPrinted(model, lane.key);
  const waits = waitsOf(lane);
  const did = lines > 0 ? `printed ${count(lines, 'line')}` : 'ran';
  const inSteps = steps === 1 ? 'in one step' : `in ${steps} steps`;
  return waits === 0
    ? `${lane.coro} ${did} ${inSteps}, without waiting, so nothing ran concurrently`
    : `${lane.coro} ${did} ${inSteps} and waited ${times(waits)}, with no other task to run meanwhile`;
}

/**
 * Lines printed to stdout per lane. The summary is redrawn while a run
 * streams in; counting every print again each time made a flood of output
 * freeze the page, so each print is counted once, as it is added.
 */
const linesByLane = foldAppended<PrintMark, Map<string, number>>(() => new Map(), countLines);

function countLines(byLane: Map<string, number>, mark: PrintMark): void {
  if (mark.lane === null || mark.stream !== 'stdout') return;
  byLane.set(mark.lane, (byLane.get(mark.lane) ?? 0) + linesIn(mark.text));
}

/**
 * The lines of a print: one per line end, and one more for text after the
 * last. Counted without splitting, which made an array per print: a flood of
 * 100,000 prints is first summed when the run ends, in one task.
 */
function linesIn(text: string): number {
  let lines = text.endsWith('\n') ? 0 : 1;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) lines += 1;
  return lines;
}

/** The lines `lane` printed to stdout. */
function linesPrinted(model: TimelineModel, lane: string): number {
  return linesByLane(model.prints).get(lane) ?? 0;
}

interface Threads {
  count: number;
  /** The functions they ran, in the order first seen. */
  readonly functions: Set<string>;
}

const threadsOf = foldAppended<Lane, Threads>(
  () => ({ count: 0, functions: new Set() }),
  (threads, lane) => {
    if (lane.kind !== 'thread') return;
    threads.count += 1;
    threads.functions.add(lane.coro);
  },
);

function threadSentences(model: TimelineModel): string[] {
  const { count: threads, functions } = threadsOf(model.lanes);
  if (threads === 0) return [];
  const who = threads === 1 ? 'A worker thread' : `${threads} worker threads`;
  return [`${who} ran ${listWords([...functions])} beside the event loop.`];
}

interface BlockedCalls {
  readonly task: number | null;
  readonly line: number | null;
  calls: number;
  seconds: number;
}

/** The places that blocked the loop (a task at a line), in the order they first did. */
const blockingPlaces = foldAppended<BlockedBand, Map<string, BlockedCalls>>(
  () => new Map(),
  (places, band) => {
    const key = `${band.task}:${band.line}`;
    const place = places.get(key) ?? { task: band.task, line: band.line, calls: 0, seconds: 0 };
    place.calls += 1;
    place.seconds += band.duration;
    places.set(key, place);
  },
);

/** One sentence per place that blocked the loop (a task at a line), however often it did. */
function blockedSentences(model: TimelineModel): string[] {
  const all = [...blockingPlaces(model.blocked).values()];
  const told = all.slice(0, MOST_TOLD).map((place) => {
    const who = place.task === null ? 'A callback' : model.taskName(place.task);
    const where = place.line === null ? '' : ` at line ${place.line}`;
    const seconds = formatRunSeconds(place.seconds);
    return place.calls === 1
      ? `${who} blocked the loop for ${seconds}${where}.`
      : `${who} blocked the loop ${place.calls} times${where}, ${seconds} in all.`;
  });
  const rest = all.slice(MOST_TOLD);
  if (rest.length > 0) {
    const seconds = rest.reduce((sum, place) => sum + place.seconds, 0);
    told.push(
      `Blocking calls in ${count(rest.length, 'other place')} froze it for ${formatRunSeconds(seconds)} more.`,
    );
  }
  return told;
}

/** Which task raised what, and the siblings its failure cancelled (a TaskGroup's way). */
function exceptionSentences(model: TimelineModel, tasks: readonly Lane[]): string[] {
  const failed = tasks.filter((lane) => lane.outcome?.kind === 'exception');
  const told = failed.slice(0, MOST_TOLD).map((lane) => {
    const raised = lane.outcome?.kind === 'exception' ? lane.outcome : null;
    const message = raised?.message ? ` ("${firstLine(raised.message)}")` : '';
    const where = raised?.line == null ? '' : ` at line ${raised.line}`;
    const siblings = siblingsCancelledBy(model, lane).map((sibling) => sibling.name);
    let then = '';
    if (siblings.length > 0) {
      const whom = `${siblings.length === 1 ? 'sibling' : 'siblings'} ${listWords(siblings)}`;
      then =
        lane.api === 'TaskGroup'
          ? `, so its TaskGroup cancelled its ${whom}`
          : `, and its ${whom} ${siblings.length === 1 ? 'was' : 'were'} cancelled`;
    }
    return `${lane.name} raised ${raised?.error ?? 'an exception'}${message}${where}${then}.`;
  });
  const rest = failed.length - told.length;
  if (rest > 0) told.push(`${count(rest, 'more task')} raised exceptions.`);
  return told;
}

/** The model's cancel arrows: by the lane they come from, and those of timeouts. */
interface Cancels {
  readonly byLane: Map<string, Arrow[]>;
  readonly timeouts: Arrow[];
}

/** A run wakes tasks hundreds of thousands of times and cancels few: the cancels, kept apart. */
const cancelsOf = foldAppended<Arrow, Cancels>(
  () => ({ byLane: new Map(), timeouts: [] }),
  (cancels, arrow) => {
    if (arrow.kind !== 'cancel') return;
    if (arrow.cause === 'timeout') cancels.timeouts.push(arrow);
    if (arrow.fromLane !== null) appendTo(cancels.byLane, arrow.fromLane, arrow);
  },
);

/** Adds `item` to the end of the list `key` has in `lists`, starting one when it has none. */
function appendTo<Key, Item>(lists: Map<Key, Item[]>, key: Key, item: Item): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [item]);
  else list.push(item);
}

/** Tasks with the same parent that `lane` cancelled (the model's cancel arrows) and that ended cancelled. */
function siblingsCancelledBy(model: TimelineModel, lane: Lane): Lane[] {
  const cancelled: Lane[] = [];
  for (const arrow of cancelsOf(model.arrows).byLane.get(lane.key) ?? []) {
    const target = model.laneByKey.get(arrow.toLane);
    if (
      target?.kind === 'task' &&
      !target.internal &&
      target.parent === lane.parent &&
      target.outcome?.kind === 'cancelled'
    ) {
      cancelled.push(target);
    }
  }
  return cancelled;
}

/** Each task a timeout cancelled, and the line where it was waiting then. */
function timeoutSentences(model: TimelineModel): string[] {
  const sentences: string[] = [];
  let untold = 0;
  for (const arrow of cancelsOf(model.arrows).timeouts) {
    const lane = model.laneByKey.get(arrow.toLane);
    if (lane === undefined || lane.internal) continue;
    if (sentences.length === MOST_TOLD) {
      untold += 1;
      continue;
    }
    const wait = lastWaitBy(lane, arrow.at);
    const where = wait?.line == null ? '' : ` at line ${wait.line}`;
    sentences.push(`A timeout cancelled ${lane.name} while it waited${where}.`);
  }
  if (untold > 0) sentences.push(`Timeouts cancelled ${count(untold, 'more wait')}.`);
  return sentences;
}

/** The lane's last wait that began at or before `at`: searched, since a lane can have a million segments. */
function lastWaitBy(lane: Lane, at: number): Segment | undefined {
  for (let index = lastAtOrBefore(lane.segments, at, segmentFrom); index >= 0; index -= 1) {
    const segment = lane.segments[index];
    if (segment?.kind === 'suspended') return segment;
  }
  return undefined;
}

/** A sentence for each kind of mistake the model's overlays point at (blocking calls are told above). */
function overlaySentences(model: TimelineModel): string[] {
  const byKind = (kind: Overlay['kind']): readonly Overlay[] =>
    overlaysByKind(model.overlays).get(kind) ?? [];
  const sentences: string[] = [];

  const neverAwaited = byKind('never-awaited');
  if (neverAwaited.length === 1 && neverAwaited[0]) {
    const overlay = neverAwaited[0];
    // The overlay's text starts with CPython's own words: "coroutine 'greet' was never awaited".
    const name = /^coroutine '([^']+)'/.exec(overlay.text)?.[1];
    const what = name === undefined ? 'A coroutine' : `The coroutine ${name}()`;
    const where = overlay.line === null ? '' : ` (line ${overlay.line})`;
    sentences.push(`${what} was never awaited${where}, so it never ran.`);
  } else if (neverAwaited.length > 1) {
    const lines = linesOf(neverAwaited);
    sentences.push(
      `${neverAwaited.length} coroutines were never awaited${lines}, so they never ran.`,
    );
  }

  const unretrieved = byKind('exception-never-retrieved');
  if (unretrieved.length > 0) {
    const names = laneNames(model, unretrieved);
    sentences.push(
      unretrieved.length === 1
        ? `Nothing awaited ${names[0] ?? 'a task'}, so its exception was never retrieved.`
        : `Nothing awaited ${listWords(names)}, so their exceptions were never retrieved.`,
    );
  }

  const shutdown = byKind('cancelled-at-shutdown');
  if (shutdown.length > 0) {
    const names = listWords(laneNames(model, shutdown));
    sentences.push(
      shutdown.length === 1
        ? `${names} was still waiting when asyncio.run() ended, so it was cancelled.`
        : `${names} were still waiting when asyncio.run() ended, so they were cancelled.`,
    );
  }
  return sentences;
}

/** The model's overlays by kind, each in order. */
const overlaysByKind = foldAppended<Overlay, Map<Overlay['kind'], Overlay[]>>(
  () => new Map(),
  (byKind, overlay) => {
    appendTo(byKind, overlay.kind, overlay);
  },
);

/** How the program ended, when it did not simply return: an uncaught error, or a limit. */
function endingSentences(model: TimelineModel, tasks: readonly Lane[]): string[] {
  const sentences: string[] = [];
  for (const event of endings(model.events)) {
    if (event.type === 'error') {
      // The task whose exception it is has been told of above.
      const raiser = tasks.find(
        ({ outcome }) =>
          outcome?.kind === 'exception' &&
          outcome.error === event.error &&
          outcome.message === event.message &&
          outcome.line === event.line,
      );
      const message = event.message ? ` ("${firstLine(event.message)}")` : '';
      const where = event.line === null ? '' : ` at line ${event.line}`;
      sentences.push(
        raiser === undefined
          ? `The program stopped with ${event.error}${message}${where}.`
          : `Nothing caught the ${event.error} of ${raiser.name}, so the program stopped.`,
      );
    } else {
      sentences.push(limitSentence(event));
    }
  }
  return sentences;
}

/** The run's errors and limits, each event searched once however often the summary is redrawn. */
const endings = foldAppended<TraceEvent, (ErrorEvent | LimitEvent)[]>(() => [], keepEnding);

function keepEnding(found: (ErrorEvent | LimitEvent)[], event: TraceEvent): void {
  if (event.type === 'error' || event.type === 'limit') found.push(event);
}

/**
 * Why a stop ended the run. A deadlock is no limit the program ran into but
 * a state it reached; an interruption is the Stop button's, or the
 * watchdog's when a step never gave control back (the trace cannot tell
 * which: the status line says).
 */
function limitSentence(event: LimitEvent): string {
  switch (event.kind) {
    case 'deadlock':
      return `The run ended in a deadlock: ${event.message.replace(/^Deadlock: /, '').replace(/\.?$/, '.')}`;
    case 'interrupted':
      return 'The run was stopped before it finished.';
    default:
      return `A limit stopped the run: ${event.message.replace(/\.?$/, '.')}`;
  }
}

function laneNames(model: TimelineModel, overlays: readonly Overlay[]): string[] {
  return overlays.map((overlay) =>
    overlay.lane === null ? 'a task' : (model.laneByKey.get(overlay.lane)?.name ?? 'a task'),
  );
}

/** ` (lines 7 and 9)`, or nothing when no overlay knows its line. */
function linesOf(overlays: readonly Overlay[]): string {
  const lines = [...new Set(overlays.flatMap((overlay) => overlay.line ?? []))].map(String);
  if (lines.length === 0) return '';
  return ` (${lines.length === 1 ? 'line' : 'lines'} ${listWords(lines)})`;
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 4 others`. */
function listWords(words: readonly string[]): string {
  const shown = words.length > 4 ? words.slice(0, 3) : [...words];
  const last = words.length > 4 ? `${words.length - 3} others` : shown.pop();
  if (last === undefined) return '';
  return shown.length === 0 ? last : `${shown.join(', ')} and ${last}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
