/**
 * CSV bytes to text as they arrive, chunk by chunk, as `decodeText` does for a whole file: a byte order mark decides
 * (UTF-8, UTF-16 LE or BE); else UTF-8, switching to Windows-1252 from the first chunk that is not valid UTF-8 (the
 * chunks before it were valid UTF-8, which Windows-1252 would only have read as mojibake).
 */
import { host } from '../internal/host.js';

const EMPTY = new Uint8Array(0);

type Decoder = { decode(input?: Uint8Array, options?: { stream?: boolean }): string };

/** Bytes at the end of `bytes` that start a UTF-8 sequence it does not finish (0 to 3). */
function unfinishedUtf8(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

export class StreamDecoder {
  private decoder: Decoder | null = null;
  /** UTF-8 without a BOM: fatal, so that the first invalid byte switches to Windows-1252. */
  private guessing = false;
  /** The unfinished UTF-8 sequence the last chunk ended with (the fatal decoder holds it too). */
  private held: Uint8Array = EMPTY;
  private head: Uint8Array | null = EMPTY;

  /** The text of the next chunk (the first bytes wait until the byte order mark can be told). */
  push(chunk: Uint8Array): string {
    if (this.head !== null) {
      const head = concat(this.head, chunk);
      if (head.length < 3) {
        this.head = head;
        return '';
      }
      this.head = null;
      return this.start(head);
    }
    return this.decode(chunk, true);
  }

  /** The text still held (a file ending in fewer than 3 bytes, or in the middle of a character). */
  end(): string {
    if (this.head !== null) {
      const head = this.head;
      this.head = null;
      return this.start(head) + this.decode(EMPTY, false);
    }
    return this.decode(EMPTY, false);
  }

  private start(bytes: Uint8Array): string {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return this.open('utf-16le', bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return this.open('utf-16be', bytes.subarray(2));
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return this.open('utf-8', bytes.subarray(3));
    this.guessing = true;
    this.decoder = new host.TextDecoder('utf-8', { fatal: true });
    return this.decode(bytes, true);
  }

  private open(label: string, bytes: Uint8Array): string {
    this.decoder = new host.TextDecoder(label);
    return this.decode(bytes, true);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    if (this.head !== null) return '';
    if (!this.guessing) return this.decoder!.decode(bytes, { stream });
    try {
      const text = this.decoder!.decode(bytes, { stream });
      this.held = stream ? unfinishedTail(this.held, bytes) : EMPTY;
      return text;
    } catch {
      // Not UTF-8: this chunk, and the bytes the last one left unfinished, are read again as Windows-1252.
      this.guessing = false;
      try {
        this.decoder = new host.TextDecoder('windows-1252');
      } catch {
        this.decoder = new host.TextDecoder('utf-8'); // a host without that encoding: replacement characters
      }
      const again = concat(this.held, bytes);
      this.held = EMPTY;
      return this.decoder.decode(again, { stream });
    }
  }
}

/** The unfinished UTF-8 sequence at the end of what was held and the new bytes. */
function unfinishedTail(held: Uint8Array, bytes: Uint8Array): Uint8Array {
  const tail = bytes.length >= 3 ? bytes : concat(held, bytes);
  const count = unfinishedUtf8(tail);
  return count === 0 ? EMPTY : tail.slice(tail.length - count);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
