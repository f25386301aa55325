/**
 * Reads the values of a trace batch from Python's `marshal` format (version 4,
 * as `marshal.dumps(value, 4)` writes it): the runtime's batches are lists of
 * tuples of numbers, strings, None, booleans and lists (docs/trace-format.md,
 * "On the wire"). `marshal.dumps` costs the runtime a fifth of what
 * `json.dumps` does in WebAssembly, and repeated strings are written once.
 *
 * Only those types are read; anything else (code objects, dicts, sets …) is
 * refused, as is a batch nested deeper than events ever are. Tuples and lists
 * both become arrays. A program can hand the runtime's sink any bytes it
 * likes, so every read is bounds-checked and a bad batch throws
 * `UnreadableMarshalError`, never anything else.
 */

export class UnreadableMarshalError extends Error {
  constructor(what: string) {
    super(`unreadable batch: ${what}`);
    this.name = 'UnreadableMarshalError';
  }
}

/** marshal.c's flag on a type byte: the object is remembered, for later references to it. */
const FLAG_REF = 0x80;
// marshal.c's type bytes, of the types events use.
const NONE = 0x4e; // N
const TRUE = 0x54; // T
const FALSE = 0x46; // F
const INT = 0x69; // i
const LONG = 0x6c; // l
const BINARY_FLOAT = 0x67; // g
const SHORT_ASCII = 0x7a; // z
const SHORT_ASCII_INTERNED = 0x5a; // Z
const ASCII_TEXT = 0x61; // a
const ASCII_INTERNED = 0x41; // A
const UNICODE = 0x75; // u
const INTERNED = 0x74; // t
const SMALL_TUPLE = 0x29; // )
const TUPLE = 0x28; // (
const LIST = 0x5b; // [
const REF = 0x72; // r

/** A batch, its events, their chains and the chains' frames: never deeper than this. */
const MAX_DEPTH = 8;

const ASCII = new TextDecoder('latin1');
/** Up to this length, an ASCII string is read byte by byte. */
const SHORT_TEXT = 32;
const UTF8 = new TextDecoder('utf-8');

/** Reads one marshalled value from `bytes`, which it must fill exactly. */
export function readMarshal(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refs: unknown[] = [];
  let at = 0;

  function take(count: number): number {
    const start = at;
    if (count < 0 || start + count > bytes.length) throw new UnreadableMarshalError('cut short');
    at += count;
    return start;
  }

  const int32 = (): number => view.getInt32(take(4), true);
  const uint8 = (): number => view.getUint8(take(1));

  function text(length: number, decoder: TextDecoder): string {
    const start = take(length);
    if (length > SHORT_TEXT || decoder !== ASCII) {
      return decoder.decode(bytes.subarray(start, start + length));
    }
    // Most strings are short names ('sleep', 'stdout'): cheaper by hand than by a decoder.
    let found = '';
    for (let index = start; index < start + length; index += 1) {
      found += String.fromCharCode(bytes[index] as number);
    }
    return found;
  }

  /** An int too big for 32 bits: digits of 15 bits, least significant first. */
  function long(): number {
    const size = int32();
    let value = 0;
    let scale = 1;
    for (let digit = 0; digit < Math.abs(size); digit += 1) {
      value += view.getUint16(take(2), true) * scale;
      scale *= 1 << 15;
    }
    return size < 0 ? -value : value;
  }

  function items(count: number, depth: number, into: unknown[]): unknown[] {
    if (count < 0 || count > bytes.length - at) throw new UnreadableMarshalError('a bad length');
    for (let index = 0; index < count; index += 1) into.push(value(depth + 1));
    return into;
  }

  function value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new UnreadableMarshalError('nested too deep');
    const code = uint8();
    const remembered = (code & FLAG_REF) !== 0;
    // Containers are remembered before their items are read, as marshal.c numbers them.
    const slot = remembered ? refs.push(undefined) - 1 : -1;
    const found = read(code & ~FLAG_REF, depth);
    if (slot >= 0) refs[slot] = found;
    return found;
  }

  function read(type: number, depth: number): unknown {
    switch (type) {
      case NONE:
        return null;
      case TRUE:
        return true;
      case FALSE:
        return false;
      case INT:
        return int32();
      case LONG:
        return long();
      case BINARY_FLOAT:
        return view.getFloat64(take(8), true);
      case SHORT_ASCII:
      case SHORT_ASCII_INTERNED:
        return text(uint8(), ASCII);
      case ASCII_TEXT:
      case ASCII_INTERNED:
        return text(int32(), ASCII);
      case UNICODE:
      case INTERNED:
        return text(int32(), UTF8);
      case SMALL_TUPLE:
        return items(uint8(), depth, []);
      case TUPLE:
      case LIST:
        return items(int32(), depth, []);
      case REF: {
        const index = int32();
        const target = refs[index];
        if (index < 0 || index >= refs.length || target === undefined) {
          throw new UnreadableMarshalError('a reference to nothing');
        }
        return target;
      }
      default:
        throw new UnreadableMarshalError(
          `a value of type ${JSON.stringify(String.fromCharCode(type))}`,
        );
    }
  }

  const result = value(0);
  if (at !== bytes.length) throw new UnreadableMarshalError('bytes after its value');
  return result;
}
