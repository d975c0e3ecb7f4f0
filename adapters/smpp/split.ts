import { CarrierError } from '../../src/errors/carrier-error.js';
import { SEGMENT_LIMITS, type SmsEncoding, countSegments, gsmSeptets } from '../../src/segments.js';
import { encodeGsm, encodeUcs2 } from './encoding.js';
import { concatHeader } from './udh.js';

/** The most parts a message with an 8-bit concatenation reference can have. */
export const MAX_PARTS = 255;

/** data_coding 0 (the SMSC's default alphabet, GSM 03.38) or 8 (UCS-2). */
export type DataCoding = 0 | 8;

/** esm_class with the UDH indicator (bit 6) set: the short message starts with a user data header. */
export const ESM_CLASS_UDHI = 0x40;

/** A message ready for submit_sm: one `short_message` per part. */
export interface SmppParts {
  encoding: SmsEncoding;
  dataCoding: DataCoding;
  /** 0, or `ESM_CLASS_UDHI` when there are several parts. */
  esmClass: number;
  /** Each part's short_message: a concatenation UDH (8-bit reference) when there are several, then the text's octets. */
  parts: Buffer[];
}

/**
 * Splits a message into the parts SMPP carries, as `countSegments` counts them: GSM 03.38 (data_coding 0, unpacked
 * septets, 160 alone or 153 per part) when every character fits, else UCS-2 (data_coding 8, 70 units alone or 67 per
 * part). An ESC pair or a surrogate pair that does not fit the rest of a part moves whole to the next one. `reference`
 * (0 to 255) ties the parts of one message together.
 *
 * @example
 * splitSms('Hello', 0) // { encoding: 'GSM-7', dataCoding: 0, esmClass: 0, parts: [<48 65 6c 6c 6f>] }
 */
export function splitSms(body: string, reference: number): SmppParts {
  const count = countSegments(body);
  if (count.segments === 0) throw new CarrierError('The message has no text.', { field: 'body' });
  if (count.segments > MAX_PARTS) {
    throw new CarrierError(`The message needs ${count.segments} parts; SMPP concatenation allows at most ${MAX_PARTS}.`, { field: 'body' });
  }
  const gsm = count.encoding === 'GSM-7';
  const encode = gsm ? encodeGsm : encodeUcs2;
  const dataCoding: DataCoding = gsm ? 0 : 8;
  if (count.segments === 1) return { encoding: count.encoding, dataCoding, esmClass: 0, parts: [encode(body)] };
  const chunks = chunk(body, SEGMENT_LIMITS[count.encoding].multi, gsm ? gsmWidth : ucs2Width);
  const parts = chunks.map((text, index) => Buffer.concat([concatHeader(reference, chunks.length, index + 1), encode(text)]));
  return { encoding: count.encoding, dataCoding, esmClass: ESM_CLASS_UDHI, parts };
}

/** Cuts `text` into pieces of at most `capacity` units, never inside a character of `width` 2. */
function chunk(text: string, capacity: number, width: (text: string, index: number) => { units: number; chars: number }): string[] {
  const chunks: string[] = [];
  let start = 0;
  let used = 0;
  for (let index = 0; index < text.length;) {
    const { units, chars } = width(text, index);
    if (used + units > capacity) {
      chunks.push(text.slice(start, index));
      start = index;
      used = 0;
    }
    used += units;
    index += chars;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/** A GSM character costs 1 septet, or 2 from the extension table. */
function gsmWidth(text: string, index: number): { units: number; chars: number } {
  return { units: gsmSeptets(text[index]!), chars: 1 };
}

/** A surrogate pair is 2 UCS-2 units that stay together; any other code unit is 1. */
function ucs2Width(text: string, index: number): { units: number; chars: number } {
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return pair ? { units: 2, chars: 2 } : { units: 1, chars: 1 };
}
