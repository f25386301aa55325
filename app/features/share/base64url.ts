/**
 * Bytes as URL-safe base64 without padding (RFC 4648, section 5): the
 * alphabet a URL fragment carries unescaped, so a share link is as short as
 * its bytes allow and survives being pasted anywhere.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const VALUE_OF = new Map(Array.from(ALPHABET, (char, value) => [char, value]));

export function encodeBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) text += ALPHABET.charAt((chunk >> (18 - 6 * c)) & 63);
  }
  return text;
}

/** The bytes `text` encodes; null when it holds a character outside the alphabet or cannot end where it does. */
export function decodeBase64Url(text: string): Uint8Array | null {
  // One character left over carries 6 bits: not even a byte.
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    let chunk = 0;
    const chars = Math.min(4, text.length - i);
    for (let c = 0; c < 4; c++) {
      const value = c < chars ? VALUE_OF.get(text.charAt(i + c)) : 0;
      if (value === undefined) return null;
      chunk = (chunk << 6) | value;
    }
    for (let b = 0; b < chars - 1; b++) bytes[at++] = (chunk >> (16 - 8 * b)) & 255;
  }
  return bytes;
}
