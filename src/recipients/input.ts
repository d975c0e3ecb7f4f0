/**
 * Turns what `parseRecipients` is given into CSV text or XLSX bytes: reads Blobs, sniffs the ZIP signature that
 * every XLSX file starts with, and decodes CSV bytes (UTF-8, UTF-16 with a byte order mark, Windows-1252).
 */
import { RecipientFileError } from '../errors/recipient-file-error.js';
import { host } from '../internal/host.js';
import type { BlobLike, RecipientFormat, RecipientsInput } from './types.js';

export type LoadedInput = ({ format: 'csv'; text: string } | { format: 'xlsx'; bytes: ArrayBuffer }) & { fileName?: string };

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

function isBlobLike(value: unknown): value is BlobLike {
  return typeof value === 'object' && value !== null && typeof (value as BlobLike).arrayBuffer === 'function';
}

/** True when the bytes start with a ZIP local file header, 'PK\x03\x04', as every XLSX file does. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Bytes decoded per slice: a few milliseconds of work, so a large file is decoded between yields. */
const DECODE_SLICE = 1 << 20;

/**
 * Text from CSV bytes: a BOM decides; else UTF-8, or Windows-1252 when the bytes are not valid UTF-8. Decoded a
 * slice at a time, with `pause()` between slices (it yields to the host when the time budget is spent).
 */
export async function decodeText(bytes: Uint8Array, pause: () => Promise<void> = async () => {}): Promise<string> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2), pause);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2), pause);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = await decode('utf-8', bytes.subarray(start), pause);
  if (start === 0 && text.includes('\uFFFD') && !containsReplacementCharacter(bytes)) {
    try {
      return await decode('windows-1252', bytes, pause);
    } catch {
      return text; // a host without that encoding: keep the replacement characters
    }
  }
  return text;
}

async function decode(label: string, bytes: Uint8Array, pause: () => Promise<void>): Promise<string> {
  // TextDecoder drops a leading BOM for UTF-8 and UTF-16 by itself; strip ours first so it cannot be doubled.
  const decoder = new host.TextDecoder(label);
  if (bytes.length <= DECODE_SLICE) return decoder.decode(bytes);
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += DECODE_SLICE) {
    // Streaming keeps a character cut by a slice boundary whole: its first bytes wait for the next slice.
    parts.push(decoder.decode(bytes.subarray(offset, offset + DECODE_SLICE), { stream: true }));
    await pause();
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** True when the bytes hold U+FFFD encoded in UTF-8 (EF BF BD): then a replacement character was really written. */
function containsReplacementCharacter(bytes: Uint8Array): boolean {
  for (let index = bytes.indexOf(0xef); index >= 0 && index < bytes.length - 2; index = bytes.indexOf(0xef, index + 1)) {
    if (bytes[index + 1] === 0xbf && bytes[index + 2] === 0xbd) return true;
  }
  return false;
}

/**
 * Reads the input into CSV text or XLSX bytes; throws RecipientFileError when it is none of the accepted kinds. Large
 * text is decoded a slice at a time with `pause()` between slices.
 */
export async function loadInput(
  input: RecipientsInput,
  format: RecipientFormat | undefined,
  pause: () => Promise<void> = async () => {},
): Promise<LoadedInput> {
  if (typeof input === 'string') {
    if (format === 'xlsx') {
      throw new RecipientFileError('recipients.unsupported_input', 'An XLSX file must be given as bytes or a Blob, not text.', { format });
    }
    return { format: 'csv', text: input };
  }
  let bytes: Uint8Array;
  let fileName: string | undefined;
  if (input instanceof Uint8Array) {
    bytes = input;
  } else if (isArrayBuffer(input)) {
    bytes = new Uint8Array(input);
  } else if (isBlobLike(input)) {
    fileName = typeof input.name === 'string' ? input.name : undefined;
    try {
      bytes = new Uint8Array(await input.arrayBuffer());
    } catch (error) {
      throw new RecipientFileError('recipients.unreadable', `The file${fileName ? ` "${fileName}"` : ''} could not be read.`, {
        format,
        fileName,
        cause: error,
      });
    }
  } else {
    throw new RecipientFileError('recipients.unsupported_input', 'Recipients must be CSV text, a Blob or File, or bytes.', { format });
  }
  if (format === 'xlsx' || (format === undefined && isZip(bytes))) {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return { format: 'xlsx', bytes: buffer, fileName };
  }
  return { format: 'csv', text: await decodeText(bytes, pause), fileName };
}
