import { GSM_BASIC, GSM_EXTENSION } from '../../src/segments.js';

/** The escape to the extension table. */
const ESC = 0x1b;

/** The code each extension character has after ESC, in the order of `GSM_EXTENSION` (3GPP TS 23.038, 6.2.1.1). */
const EXTENSION_CODES = [0x0a, 0x14, 0x28, 0x29, 0x2f, 0x3c, 0x3d, 0x3e, 0x40, 0x65] as const;

/** GSM 03.38 septets per UTF-16 code unit: code + 1 for a basic character, (0x100 | code) for an extension one. */
const SEPTET_OF = /* @__PURE__ */ (() => {
  const table = new Uint16Array(0x10000);
  for (let index = 0; index < GSM_BASIC.length; index++) table[GSM_BASIC.charCodeAt(index)] = (index < ESC ? index : index + 1) + 1;
  for (let index = 0; index < GSM_EXTENSION.length; index++) table[GSM_EXTENSION.charCodeAt(index)] = 0x100 | EXTENSION_CODES[index]!;
  return table;
})();

/**
 * GSM 03.38 default alphabet as unpacked septets, one per octet (what SMPP carries with data_coding 0): an extension
 * character is ESC then its code. Throws on a character outside the alphabet (the caller chose GSM-7 by
 * `countSegments`, so there is none).
 */
export function encodeGsm(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length * 2);
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const septet = SEPTET_OF[text.charCodeAt(index)]!;
    if (septet === 0) throw new RangeError(`Not in the GSM 03.38 alphabet: U+${text.charCodeAt(index).toString(16).padStart(4, '0')}`);
    if (septet & 0x100) {
      out[length++] = ESC;
      out[length++] = septet & 0x7f;
    } else {
      out[length++] = septet - 1;
    }
  }
  return out.subarray(0, length);
}

/** UCS-2 (UTF-16 code units, big-endian), what SMPP carries with data_coding 8. A surrogate pair is two units. */
export function encodeUcs2(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length * 2);
  for (let index = 0; index < text.length; index++) out.writeUInt16BE(text.charCodeAt(index), index * 2);
  return out;
}
