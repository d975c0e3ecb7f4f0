import type { E164 } from '../phone.js';
import type { PhoneNumberErrorCode } from '../errors/phone-number-error.js';

/** What `parseRecipients` reads, typed structurally so src/ needs no DOM types: a browser File or Blob fits. */
export interface BlobLike {
  readonly size: number;
  readonly type: string;
  /** A File's name; used in error messages. */
  readonly name?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A ReadableStream of bytes, structurally (what `Blob.stream()` and a request's `body` are). */
export interface ByteStreamLike {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
    cancel(reason?: unknown): Promise<void>;
    releaseLock(): void;
  };
}

/**
 * A recipient file read as a stream, structurally: a browser File or Blob fits, and so does Node's `fs.openAsBlob(path)`
 * (read from disk as it goes). `size` is known before anything is read: a backend checks its cap on it first.
 */
export interface RecipientFile {
  readonly size: number;
  /** A File's name. */
  readonly name?: string;
  stream(): ByteStreamLike;
}

/**
 * How much of a recipient file sent as it is the backend has taken so far, in bytes: read by the engine in-process,
 * sent to the server over HTTP (which reads it as it arrives).
 */
export interface FileProgress {
  bytes: number;
  totalBytes: number;
}

/** An AbortSignal, structurally. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** CSV text, a Blob or File, or the bytes of a CSV or XLSX file. */
export type RecipientsInput = string | BlobLike | ArrayBuffer | Uint8Array;

export const RECIPIENT_FORMATS = ['csv', 'xlsx'] as const;
export type RecipientFormat = (typeof RECIPIENT_FORMATS)[number];

/** How far `parseRecipients` has come. */
export interface RecipientsProgress {
  /** Records read so far (after the header), blank ones included. */
  lines: number;
  /** Share of the input read, from 0 to 1. */
  fraction: number;
}

export interface ParseRecipientsOptions {
  /** The country numbers without a country code are read in (ISO 3166-1 alpha-2), as for `parsePhone`. */
  defaultCountry?: string | undefined;
  /**
   * `csv` or `xlsx`. Left out, bytes that start like a ZIP archive ('PK\x03\x04') are read as XLSX and everything
   * else as CSV (UTF-8, UTF-16 with a BOM, or Windows-1252 when the bytes are not UTF-8).
   * @default undefined
   */
  format?: RecipientFormat | undefined;
  /**
   * The phone column: a header (matched case-, space- and punctuation-insensitively) or a 0-based index. Left out,
   * it is found by header name (mobile, phone, number, msisdn, cell, tel, ... in several languages), else by content:
   * the column whose first values parse as phone numbers most often.
   * @default undefined
   */
  phoneColumn?: string | number | undefined;
  /** Called as the file is read, at most once per `yieldEveryMs`, and once at the end. @default undefined */
  onProgress?: ((progress: RecipientsProgress) => void) | undefined;
  /** Stops reading; the promise rejects with the signal's reason. @default undefined */
  signal?: AbortSignalLike | undefined;
  /**
   * Work time between yields to the event loop, in milliseconds, so that a page stays responsive (no task over
   * 50 ms). Uses `scheduler.yield()` where the host has it, else `setTimeout(0)`.
   * @default 16
   */
  yieldEveryMs?: number | undefined;
}

/** A row with a valid number, seen for the first time. */
export interface Recipient {
  e164: E164;
  /** The other columns, keyed by header (or `column2`, `column3`... without a header): the merge fields. */
  fields: Record<string, string>;
  /** 1-based line in the file where the record starts (the sheet row for XLSX). */
  line: number;
}

/** Row-level problems. Phone codes come from `parsePhone`; `csv.unclosed_quote` marks a quote never closed. */
export type RecipientRowErrorCode = PhoneNumberErrorCode | 'csv.unclosed_quote';

/** A row that could not become a recipient. */
export interface RecipientRowError {
  line: number;
  /** The phone column's name; null when the whole row is at fault. */
  column: string | null;
  /** The offending value, as written. */
  value: string;
  code: RecipientRowErrorCode;
  message: string;
}

/** A row whose number was already seen. */
export interface RecipientDuplicate {
  line: number;
  e164: E164;
  /** The line of the recipient that has this number. */
  firstLine: number;
}

/** What `parseRecipients` found. Every record is in exactly one of recipients, errors, duplicates and blanks. */
export interface ParsedRecipients {
  recipients: Recipient[];
  errors: RecipientRowError[];
  duplicates: RecipientDuplicate[];
  /** Lines with nothing but white space and delimiters. */
  blanks: number[];
  /** Column names in file order: the header's (made unique), or `column1`, `column2`... */
  columns: string[];
  /** The column the numbers were read from; null for a file without records. */
  phoneColumn: string | null;
  /** True when the first non-blank row was taken as a header. */
  hasHeader: boolean;
  format: RecipientFormat;
  stats: {
    /** Records after the header: recipients + errors + duplicates + blanks. */
    lines: number;
    recipients: number;
    errors: number;
    duplicates: number;
    blanks: number;
  };
}
