/**
 * Share links: a program, and what the learner chose to send with it,
 * packed into the address's fragment. A fragment never reaches a server, so
 * a link shares a program with nobody but the people it is sent to.
 *
 * Format 1, `#/share/1/<data>`: `data` is the JSON of a SharedProgram,
 * UTF-8, compressed as a zlib stream (RFC 1950: DEFLATE, by fflate at level
 * 9, then an Adler-32 of the JSON, checked on reading, so a link changed on
 * the way does not open as another program), in URL-safe base64 without
 * padding. A later format gets the next number, and this module
 * keeps a reader for every earlier one: links people have sent keep
 * opening (shareLink.test.ts holds links made by each format).
 *
 * A link is someone else's text: every reading is checked, sizes are
 * bounded before and while unpacking, and what cannot be read is a
 * sentence for the learner, never an exception.
 */
import { Inflate, zlibSync } from 'fflate';
import { joinBytes } from '../../shared/bytes';
import { decodeBase64Url, encodeBase64Url } from './base64url';

/** The format `shareFragment` writes. */
export const SHARE_FORMAT = 1;

/** What a link carries. Only `code` is always there. */
export interface SharedProgram {
  readonly code: string;
  /** The Input box's text, for the program's `input()`. */
  readonly input?: string;
  /** The id of the lesson the program belongs to. */
  readonly lesson?: string;
  /** The playback cursor: an index into the run's moments (the run is made again on opening). */
  readonly moment?: number;
}

/**
 * Links longer than this are cut by some chat tools and mail programs, or
 * refused by older browsers: the Share dialog says so before copying.
 */
export const LINK_LENGTH_WARNING = 2000;

/**
 * The longest `data` read (Chromium's own limit on a URL is 2 MB); and the
 * most its JSON may unpack to: a compressed stream can grow a thousandfold.
 */
const MAX_DATA_CHARS = 2_000_000;
const MAX_JSON_BYTES = 1_048_576;

/** Lesson ids, as the lessons' file names make them (lessons/*.md). */
const LESSON_ID = /^[a-z0-9-]{1,100}$/;

export type ShareLinkReading =
  | { readonly ok: true; readonly program: SharedProgram }
  | { readonly ok: false; readonly problem: string };

/** The fragment (with its `#`) of a link to `program`, in the current format. */
export function shareFragment(program: SharedProgram): string {
  const json = JSON.stringify({
    code: program.code,
    ...(program.input === undefined ? {} : { input: program.input }),
    ...(program.lesson === undefined ? {} : { lesson: program.lesson }),
    ...(program.moment === undefined ? {} : { moment: program.moment }),
  });
  const data = encodeBase64Url(zlibSync(new TextEncoder().encode(json), { level: 9 }));
  return `#/share/${SHARE_FORMAT}/${data}`;
}

/** The program in a link's `data`, by the format it names. */
export function readShareLink(format: string, data: string): ShareLinkReading {
  if (format === '1') return readFormat1(data);
  if (/^[1-9][0-9]{0,5}$/.test(format) && Number(format) > SHARE_FORMAT) {
    return fail(
      `it was made by a newer version of Loopscope (link format ${format}), which this site cannot read yet`,
    );
  }
  return fail(`it names a link format this site does not know ("${format.slice(0, 20)}")`);
}

function readFormat1(data: string): ShareLinkReading {
  if (data.length > MAX_DATA_CHARS) return fail('it is too long to be a Loopscope link');
  const packed = decodeBase64Url(data);
  if (packed === null)
    return fail('it holds characters a Loopscope link does not have (was it cut or changed?)');
  const json = unpackZlib(packed);
  if (json === null) return fail('its data does not unpack (was it cut or changed?)');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return fail('its data is not a program (was it cut or changed?)');
  }
  return programFrom(value);
}

/** RFC 1950's header and trailer around the DEFLATE data. */
const ZLIB_HEADER_BYTES = 2;
const ZLIB_TRAILER_BYTES = 4;

/**
 * The bytes of a zlib stream, or null when it is not one, would unpack past
 * MAX_JSON_BYTES, or its Adler-32 does not match (fflate does not check it).
 */
function unpackZlib(packed: Uint8Array): Uint8Array | null {
  if (packed.length < ZLIB_HEADER_BYTES + ZLIB_TRAILER_BYTES) return null;
  const [method = 0, flags = 0] = packed;
  // DEFLATE, no preset dictionary, and the header's own check.
  if ((method & 15) !== 8 || (flags & 32) !== 0 || (method * 256 + flags) % 31 !== 0) return null;
  const json = inflateBounded(packed.subarray(ZLIB_HEADER_BYTES, -ZLIB_TRAILER_BYTES));
  if (json === null) return null;
  const trailer = new DataView(
    packed.buffer,
    packed.byteOffset + packed.length - ZLIB_TRAILER_BYTES,
  );
  return trailer.getUint32(0) === adler32(json) ? json : null;
}

/** RFC 1950's checksum. */
function adler32(bytes: Uint8Array): number {
  const MOD = 65521;
  let a = 1;
  let b = 0;
  // 5,552 bytes is the most that can be summed before the sums may pass 2^32.
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(start + 5552, bytes.length);
    for (let i = start; i < end; i++) {
      a += bytes[i] ?? 0;
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return ((b << 16) | a) >>> 0;
}

/** `packed` unpacked, or null when it is not raw DEFLATE or would unpack past MAX_JSON_BYTES. */
function inflateBounded(packed: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  // Written by the callback: a `let` would read as never changed.
  const unpacked = { size: 0, ended: false };
  const inflate = new Inflate((chunk, final) => {
    unpacked.size += chunk.length;
    if (unpacked.size > MAX_JSON_BYTES) throw new RangeError('too large');
    chunks.push(chunk);
    unpacked.ended ||= final;
  });
  try {
    // In small pushes, so that what one push unpacks stays small too.
    const step = 1024;
    for (let at = 0; at < packed.length; at += step) {
      inflate.push(packed.subarray(at, at + step), at + step >= packed.length);
    }
    if (packed.length === 0) inflate.push(packed, true);
  } catch {
    return null;
  }
  return unpacked.ended ? joinBytes(chunks) : null;
}

/** The SharedProgram `value` is, checked field by field; fields this format does not have are left out. */
function programFrom(value: unknown): ShareLinkReading {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('its data is not a program');
  }
  const { code, input, lesson, moment } = value as Record<string, unknown>;
  if (typeof code !== 'string') return fail('it holds no program text');
  if (input !== undefined && typeof input !== 'string') return fail('its input is not text');
  if (lesson !== undefined && (typeof lesson !== 'string' || !LESSON_ID.test(lesson))) {
    return fail('it names a lesson in a way no lesson is named');
  }
  if (moment !== undefined && !(Number.isSafeInteger(moment) && (moment as number) >= 0)) {
    return fail('its playback position is not a moment of a run');
  }
  return {
    ok: true,
    program: {
      code,
      ...(input === undefined ? {} : { input }),
      ...(lesson === undefined ? {} : { lesson }),
      ...(moment === undefined ? {} : { moment: moment as number }),
    },
  };
}

function fail(problem: string): ShareLinkReading {
  return { ok: false, problem };
}
