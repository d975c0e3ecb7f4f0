/**
 * Base64url (RFC 4648 §5, no padding) of a string's UTF-8 bytes, in plain code: the memory store runs in browsers
 * and in Node alike and leans on neither `Buffer` nor `btoa`.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

/**
 * @example
 * encodeBase64Url('[1,"a"]'); // 'WzEsImEiXQ'
 */
export function encodeBase64Url(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const chunk = (bytes[index]! << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - index) * 8) / 6));
    for (let char = 0; char < chars; char++) out += ALPHABET[(chunk >> (18 - 6 * char)) & 63];
  }
  return out;
}

/**
 * The text `encodeBase64Url` encoded, or null when `encoded` is not base64url of UTF-8.
 *
 * @example
 * decodeBase64Url('WzEsImEiXQ'); // '[1,"a"]'
 */
export function decodeBase64Url(encoded: string): string | null {
  if (encoded.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let index = 0; index < encoded.length; index += 4) {
    const group = encoded.slice(index, index + 4);
    let chunk = 0;
    for (let char = 0; char < 4; char++) {
      const value = char < group.length ? VALUES.get(group[char]!) : 0;
      if (value === undefined) return null;
      chunk = (chunk << 6) | value;
    }
    const count = group.length - 1;
    for (let byte = 0; byte < count; byte++) bytes.push((chunk >> (16 - 8 * byte)) & 255);
  }
  return fromUtf8(bytes);
}

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

function fromUtf8(bytes: readonly number[]): string | null {
  let out = '';
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    if (length === 0 || index + length > bytes.length) return null;
    let code = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]!;
      if ((byte & 0xc0) !== 0x80) return null;
      code = (code << 6) | (byte & 63);
    }
    out += String.fromCodePoint(code);
    index += length;
  }
  return out;
}
