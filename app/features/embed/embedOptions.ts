/**
 * An embed's address: what it shows and how, all in its URL, so an
 * instructor's `<iframe>` is the whole configuration.
 *
 *   embed.html?v=1&lesson=<id>[&exercise=<id>][&panes=…][&theme=…]
 *             [&readonly=1][&run=1][&moment=N][&height=N][&host=<origin>]
 *   embed.html?v=1[&options…]#/share/1/<data>      (a snippet: a share link's program)
 *
 * `v` is the option set's version: a later version may add options, and
 * this version's URLs keep their meaning. Options an embed does not know
 * are ignored; a value it cannot read is a problem the embed shows (an
 * instructor sees it while writing the page), never a guess.
 */

/** The parts an embed can show. */
export const EMBED_PANES = ['editor', 'output', 'timeline', 'loop'] as const;
export type EmbedPane = (typeof EMBED_PANES)[number];

/** The version of the option set `embedQuery` writes. */
export const EMBED_OPTIONS_VERSION = 1;

export interface EmbedOptions {
  /** What the embed shows: a lesson, one of its exercises, or the program of a share link. */
  readonly content:
    | { readonly kind: 'lesson'; readonly lesson: string }
    | { readonly kind: 'exercise'; readonly lesson: string; readonly exercise: string }
    | { readonly kind: 'snippet' };
  /** The panes shown, in the order of EMBED_PANES. */
  readonly panes: readonly EmbedPane[];
  /** The colour theme; null follows the reader's system setting. */
  readonly theme: 'light' | 'dark' | null;
  /** The program can be run but not edited. */
  readonly readOnly: boolean;
  /** Run the program once Python is ready. */
  readonly runOnLoad: boolean;
  /** After a run on load, show the run at this moment (an index into its moments). */
  readonly moment: number | null;
  /** The embed's height in CSS pixels; null: as tall as its content (it tells the host page). */
  readonly height: number | null;
  /** The host page's origin, the only one the embed talks to (docs/embedding.md); null: none. */
  readonly host: string | null;
}

export const DEFAULT_PANES: readonly EmbedPane[] = ['editor', 'output', 'timeline'];

export type EmbedOptionsReading =
  | { readonly ok: true; readonly options: EmbedOptions }
  | { readonly ok: false; readonly problem: string };

const ID = /^[a-z0-9-]{1,100}$/;
const MIN_HEIGHT = 120;
const MAX_HEIGHT = 10_000;

/** An option's value that cannot be read: its sentence is shown as the embed's problem. */
class OptionProblem extends Error {}

/** The options in an embed's query string (`location.search`). */
export function readEmbedOptions(search: string): EmbedOptionsReading {
  try {
    return { ok: true, options: readOptions(new URLSearchParams(search)) };
  } catch (error) {
    if (error instanceof OptionProblem) return { ok: false, problem: error.message };
    throw error;
  }
}

function readOptions(query: URLSearchParams): EmbedOptions {
  const version = query.get('v') ?? String(EMBED_OPTIONS_VERSION);
  if (version !== '1') {
    throw new OptionProblem(
      /^[0-9]{1,6}$/.test(version) && Number(version) > EMBED_OPTIONS_VERSION
        ? `this embed was written for a newer version of Loopscope (options version ${version})`
        : `"v=${version.slice(0, 20)}" is not a version of the embed's options`,
    );
  }
  const lesson = readId(query, 'lesson', "a lesson's id");
  const exercise = readId(query, 'exercise', "an exercise's id");
  if (exercise !== null && lesson === null) {
    throw new OptionProblem('"exercise" needs the "lesson" it belongs to');
  }
  const theme = query.get('theme');
  if (theme !== null && theme !== 'light' && theme !== 'dark') {
    throw new OptionProblem(`"theme=${theme.slice(0, 20)}" is neither light nor dark`);
  }
  return {
    content:
      lesson === null
        ? { kind: 'snippet' }
        : exercise === null
          ? { kind: 'lesson', lesson }
          : { kind: 'exercise', lesson, exercise },
    panes: readPanes(query.get('panes')),
    theme,
    readOnly: readFlag(query, 'readonly'),
    runOnLoad: readFlag(query, 'run'),
    moment: readInteger(query, 'moment', 0, Number.MAX_SAFE_INTEGER),
    height: readInteger(query, 'height', MIN_HEIGHT, MAX_HEIGHT),
    host: readHost(query.get('host')),
  };
}

/** The query string (with its `?`) of `options`, in the current version; defaults left out. */
export function embedQuery(options: EmbedOptions): string {
  const query = new URLSearchParams({ v: String(EMBED_OPTIONS_VERSION) });
  if (options.content.kind !== 'snippet') query.set('lesson', options.content.lesson);
  if (options.content.kind === 'exercise') query.set('exercise', options.content.exercise);
  if (options.panes.join(',') !== DEFAULT_PANES.join(','))
    query.set('panes', options.panes.join(','));
  if (options.theme !== null) query.set('theme', options.theme);
  if (options.readOnly) query.set('readonly', '1');
  if (options.runOnLoad) query.set('run', '1');
  if (options.moment !== null) query.set('moment', String(options.moment));
  if (options.height !== null) query.set('height', String(options.height));
  if (options.host !== null) query.set('host', options.host);
  return `?${query.toString()}`;
}

function readId(query: URLSearchParams, name: string, what: string): string | null {
  const value = query.get(name);
  if (value !== null && !ID.test(value)) {
    throw new OptionProblem(`"${name}=${value.slice(0, 40)}" is not ${what}`);
  }
  return value;
}

function readPanes(text: string | null): readonly EmbedPane[] {
  if (text === null) return DEFAULT_PANES;
  const named = text.split(',').filter((name) => name !== '');
  const unknown = named.find((name) => !(EMBED_PANES as readonly string[]).includes(name));
  if (unknown !== undefined) {
    throw new OptionProblem(
      `"${unknown.slice(0, 20)}" is not a pane (the panes are ${EMBED_PANES.join(', ')})`,
    );
  }
  if (named.length === 0) throw new OptionProblem('"panes" names no pane');
  return EMBED_PANES.filter((pane) => named.includes(pane));
}

function readFlag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null || value === '0') return false;
  if (value === '1') return true;
  throw new OptionProblem(`"${name}=${value.slice(0, 20)}" should be 1 or 0`);
}

function readInteger(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | null {
  const value = query.get(name);
  if (value === null) return null;
  const number = /^[0-9]{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new OptionProblem(
      `"${name}=${value.slice(0, 20)}" should be a whole number from ${min} to ${max}`,
    );
  }
  return number;
}

/** The origin `host` names; only an origin (no path), over http or https. */
function readHost(text: string | null): string | null {
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // Not a URL at all: the problem below.
  }
  const origin = url?.origin;
  if (
    url === null ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    origin !== text.replace(/\/$/, '')
  ) {
    throw new OptionProblem(
      `"host=${text.slice(0, 60)}" is not an origin like https://school.example`,
    );
  }
  return origin;
}
