/** Joining byte arrays read chunk by chunk (a stream, an unpacker), in one new array. */

/** `chunks`, one after another. */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/** `first`, then `second`: for data read chunk by chunk until a header is whole. */
export function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array<ArrayBuffer> {
  return joinBytes([first, second]);
}
