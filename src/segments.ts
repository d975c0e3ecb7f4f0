/**
 * SMS segmentation after GSM 03.38 / 3GPP TS 23.038 and 23.040.
 *
 * A message is GSM-7 when every character is in the basic set or its extension table (an extension character is
 * sent as ESC + code, so it costs 2 septets), else UCS-2 (UTF-16 code units). One SMS carries 140 octets: 160 septets
 * or 70 units alone; a part of a longer (concatenated) message loses 6 octets to its header, leaving 153 septets or
 * 67 units. An ESC pair is never split across parts, nor is a UTF-16 surrogate pair.
 */

/** The basic GSM 7-bit default alphabet (1 septet each), in code order without ESC (0x1B). */
export const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table (ESC + code: 2 septets each), form feed included. */
export const GSM_EXTENSION = '\f^{}\\[~]|€';

/** Septets per UTF-16 code unit: 1 basic, 2 extension, 0 not in GSM-7. */
const SEPTETS = /* @__PURE__ */ (() => {
  const table = new Uint8Array(0x10000);
  for (const char of GSM_BASIC) table[char.charCodeAt(0)] = 1;
  for (const char of GSM_EXTENSION) table[char.charCodeAt(0)] = 2;
  return table;
})();

export const SMS_ENCODINGS = ['GSM-7', 'UCS-2'] as const;
export type SmsEncoding = (typeof SMS_ENCODINGS)[number];

/** Capacity of one part, in septets (GSM-7) or UTF-16 code units (UCS-2). */
export const SEGMENT_LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const satisfies Record<SmsEncoding, { single: number; multi: number }>;

export interface SegmentCount {
  /** `GSM-7` when every character fits the GSM 03.38 alphabet, else `UCS-2`. */
  encoding: SmsEncoding;
  /** Number of SMS parts the carrier bills; 0 for an empty message. */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) in the whole message. */
  units: number;
  /** Capacity of each part for this message: 160 or 153 (GSM-7), 70 or 67 (UCS-2). */
  perSegment: number;
  /** Units still free in the current (last) part before another part is needed. */
  remaining: number;
  /** The distinct characters that forced UCS-2, in order of first appearance (empty for GSM-7). */
  nonGsm: string[];
}

/** True when a UTF-16 code unit can be sent in GSM-7. */
export function isGsmCodeUnit(code: number): boolean {
  return SEPTETS[code] !== 0;
}

/** Septets the character costs in GSM-7: 1, 2 (extension table) or 0 (not in GSM-7). */
export function gsmSeptets(char: string): number {
  return char.length === 1 ? SEPTETS[char.charCodeAt(0)]! : 0;
}

/**
 * Counts the SMS parts a message needs, its encoding, and what is left in the current part.
 *
 * @example
 * countSegments('Hello') // { encoding: 'GSM-7', segments: 1, units: 5, perSegment: 160, remaining: 155, nonGsm: [] }
 * countSegments('Price: 5€') // '€' is in the extension table: 10 septets, still GSM-7
 * countSegments('Привет') // { encoding: 'UCS-2', segments: 1, units: 6, perSegment: 70, ..., nonGsm: ['П', 'р', ...] }
 */
export function countSegments(text: string): SegmentCount {
  const length = text.length;
  let septets = 0;
  let extended = false;
  for (let index = 0; index < length; index++) {
    const cost = SEPTETS[text.charCodeAt(index)]!;
    if (cost === 0) return countUcs2(text);
    if (cost === 2) extended = true;
    septets += cost;
  }
  return countGsm(text, septets, extended);
}

function countGsm(text: string, septets: number, extended: boolean): SegmentCount {
  const { single, multi } = SEGMENT_LIMITS['GSM-7'];
  if (septets <= single) {
    return { encoding: 'GSM-7', segments: septets === 0 ? 0 : 1, units: septets, perSegment: single, remaining: single - septets, nonGsm: [] };
  }
  if (!extended) {
    const segments = Math.ceil(septets / multi);
    return { encoding: 'GSM-7', segments, units: septets, perSegment: multi, remaining: segments * multi - septets, nonGsm: [] };
  }
  // An ESC pair that does not fit the rest of a part moves whole to the next one.
  let segments = 1;
  let used = 0;
  for (let index = 0; index < text.length; index++) {
    const cost = SEPTETS[text.charCodeAt(index)]!;
    if (used + cost > multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding: 'GSM-7', segments, units: septets, perSegment: multi, remaining: multi - used, nonGsm: [] };
}

function countUcs2(text: string): SegmentCount {
  const { single, multi } = SEGMENT_LIMITS['UCS-2'];
  const units = text.length;
  const nonGsm = nonGsmCharacters(text);
  if (units <= single) {
    return { encoding: 'UCS-2', segments: 1, units, perSegment: single, remaining: single - units, nonGsm };
  }
  // A surrogate pair that does not fit the rest of a part moves whole to the next one.
  let segments = 1;
  let used = 0;
  for (let index = 0; index < units; index++) {
    const code = text.charCodeAt(index);
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < units && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
    if (used + width > multi) {
      segments += 1;
      used = 0;
    }
    used += width;
    index += width - 1;
  }
  return { encoding: 'UCS-2', segments, units, perSegment: multi, remaining: multi - used, nonGsm };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function nonGsmCharacters(text: string): string[] {
  const seen = new Set<string>();
  for (const char of text) {
    if (char.length > 1 || SEPTETS[char.charCodeAt(0)] === 0) seen.add(char);
  }
  return [...seen];
}
