/**
 * A 64-bit content fingerprint of a text, as 16 hex digits: tells texts
 * apart (snapshot files, shared programs' storage keys), but is no defence
 * against anyone who wants two texts to collide.
 *
 * Plain TypeScript: the build's Vite plugin uses it too.
 */

/** FNV-1a, 32 bits, over UTF-16 code units. */
function fnv1a(text: string, hash: number): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function fingerprint(text: string): string {
  // Two passes with different seeds: 64 bits, so unrelated texts do not collide.
  const first = fnv1a(text, 0x811c9dc5);
  const second = fnv1a(text, first ^ 0x5bd1e995);
  return `${first.toString(16).padStart(8, '0')}${second.toString(16).padStart(8, '0')}`;
}
