/**
 * A recipient file read as a stream, for a backend importing it: the bytes are decoded and parsed a window at a time
 * and the sorted records handed on in chunks, so that a file of a million rows is never held whole. The rules are
 * `parseRecipients`' own (header and phone column found from the first 200 records, duplicates by number, lines as
 * in the file). What is held while reading: one window of text, two chunks (one being stored while the next is read),
 * and the numbers seen so far for duplicates (24 to 48 bytes each, off the JS heap: 25 MB for a million). An XLSX
 * workbook is a ZIP archive and is read whole: its bytes (up to `maxBytes`) and the rows of its first sheet (up to what
 * `maxUnpackedBytes` lets it unpack to) are held at once.
 */
import { RecipientFileError } from '../errors/recipient-file-error.js';
import { detectDelimiter, loadPapa, type RowSink } from './csv-rows.js';
import { CsvStreamReader } from './csv-stream.js';
import type { RecipientCollector } from './collector.js';
import { isZip } from './input.js';
import { progressTeller } from './progress.js';
import { startCollecting } from './parse.js';
import { sheetSource } from './row-source.js';
import { StreamDecoder } from './stream-decode.js';
import type { FileProgress, ParsedRecipients, RecipientFile, RecipientFormat } from './types.js';
import { readXlsxRows } from './xlsx.js';
import { declaredUnpackedBytes } from './zip-sizes.js';

/** The records of one chunk, in the kinds `parseRecipients` sorts them into (blank lines are only counted). */
export type RecipientChunk = Pick<ParsedRecipients, 'recipients' | 'errors' | 'duplicates'>;

/** What is known once the whole file is read. */
export type RecipientFileSummary = Pick<ParsedRecipients, 'columns' | 'phoneColumn' | 'hasHeader' | 'format' | 'stats'>;

export interface ReadRecipientFileOptions {
  /** The country numbers without a country code are read in, as for `parsePhone`. */
  defaultCountry?: string | undefined;
  /** `csv` or `xlsx`; left out, a file starting like a ZIP archive is XLSX, anything else CSV. */
  format?: RecipientFormat | undefined;
  /** The phone column, by header or 0-based index; left out, found as `parseRecipients` finds it. */
  phoneColumn?: string | number | undefined;
  /** The file's name, for messages; its own `name` when left out. */
  fileName?: string | undefined;
  /** The largest file read, in bytes: a larger one is refused (`recipients.too_large`) before a byte is read. */
  maxBytes: number;
  /** The most an XLSX workbook may unpack to, as its directory declares, in bytes. */
  maxUnpackedBytes: number;
  /**
   * Records per chunk handed to `onChunk`. A million rows on PostgreSQL and PGlite import faster and in less memory in
   * chunks of 1,000 than of 5,000: the objects of a chunk waiting on the store live long enough to reach the old heap.
   * @default 1000
   */
  chunkRows?: number | undefined;
  /** Told the bytes read so far, about once for each hundredth of the file and once at its end (see `FileProgress`). */
  onProgress?: ((progress: FileProgress) => void) | undefined;
}

/** Counts of the records handed on so far, per kind. */
type Counts = ParsedRecipients['stats'];

/** Hands out the records the collector sorted since the last time, letting them go, and counts them. */
function drain(collector: RecipientCollector, counts: Counts): RecipientChunk {
  const chunk = { recipients: collector.recipients.splice(0), errors: collector.errors.splice(0), duplicates: collector.duplicates.splice(0) };
  counts.recipients += chunk.recipients.length;
  counts.errors += chunk.errors.length;
  counts.duplicates += chunk.duplicates.length;
  counts.blanks += collector.blanks.splice(0).length;
  counts.lines = counts.recipients + counts.errors + counts.duplicates + counts.blanks;
  return chunk;
}

/** Records the collector holds, not handed on yet. */
function held(collector: RecipientCollector): number {
  return collector.recipients.length + collector.errors.length + collector.duplicates.length + collector.blanks.length;
}

/** Characters of CSV text parsed at a time. */
const WINDOW = 64 * 1024;

function tooLarge(message: string, fileName: string | undefined, format?: RecipientFormat): RecipientFileError {
  return new RecipientFileError('recipients.too_large', message, { fileName, format });
}

/** The file's bytes as they come, never more than it announced (nor than the cap). */
function byteChunks(
  file: RecipientFile,
  fileName: string | undefined,
  onProgress: ((bytes: number) => void) | undefined,
): { next(): Promise<Uint8Array | null>; cancel(): Promise<void> } {
  let reader: ReturnType<ReturnType<RecipientFile['stream']>['getReader']>;
  try {
    reader = file.stream().getReader();
  } catch (error) {
    throw new RecipientFileError('recipients.unreadable', `The file${fileName ? ` "${fileName}"` : ''} could not be read.`, { fileName, cause: error });
  }
  let read = 0;
  return {
    async next() {
      let result: { done: boolean; value?: Uint8Array | undefined };
      try {
        result = await reader.read();
      } catch (error) {
        throw new RecipientFileError('recipients.unreadable', `The file${fileName ? ` "${fileName}"` : ''} broke off after ${read} bytes.`, { fileName, cause: error });
      }
      if (result.done || !result.value) {
        if (read < file.size) throw new RecipientFileError('recipients.unreadable', `The file${fileName ? ` "${fileName}"` : ''} ended after ${read} of its ${file.size} bytes.`, { fileName });
        return null;
      }
      read += result.value.byteLength;
      if (read > file.size) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(`The file${fileName ? ` "${fileName}"` : ''} holds more than the ${file.size} bytes it announced.`, fileName);
      }
      onProgress?.(read);
      return result.value;
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

/** Rows handed over a slice at a time, waiting for the file's bytes as needed. */
interface StreamRows {
  pull(onRow: RowSink): Promise<boolean>;
  delimiter: string;
  format: RecipientFormat;
}

async function openCsv(bytes: ReturnType<typeof byteChunks>, decoder: StreamDecoder, first: string): Promise<StreamRows> {
  let text = first;
  let ended = false;
  const more = async (): Promise<string> => {
    const chunk = await bytes.next();
    if (chunk === null) {
      ended = true;
      return decoder.end();
    }
    return decoder.push(chunk);
  };
  while (!ended && text.length < WINDOW) text += await more();
  const Papa = await loadPapa();
  const delimiter = detectDelimiter(Papa, text);
  const reader = new CsvStreamReader(Papa, text, delimiter);
  if (ended) reader.finish();
  return {
    delimiter,
    format: 'csv',
    async pull(onRow) {
      while (!ended && reader.pending < WINDOW) {
        reader.append(await more());
        if (ended) reader.finish();
      }
      reader.read(WINDOW, onRow);
      return !reader.finished;
    },
  };
}

async function openXlsx(bytes: ReturnType<typeof byteChunks>, head: Uint8Array, options: ReadRecipientFileOptions, size: number): Promise<StreamRows> {
  const { fileName } = options;
  const whole = new Uint8Array(size);
  whole.set(head);
  let filled = head.byteLength;
  for (let chunk = await bytes.next(); chunk !== null; chunk = await bytes.next()) {
    whole.set(chunk, filled);
    filled += chunk.byteLength;
  }
  const unpacked = declaredUnpackedBytes(whole);
  if (unpacked !== null && unpacked > options.maxUnpackedBytes) {
    throw tooLarge(`The workbook${fileName ? ` "${fileName}"` : ''} unpacks to ${unpacked} bytes, more than the ${options.maxUnpackedBytes} read.`, fileName, 'xlsx');
  }
  const source = sheetSource(await readXlsxRows(whole.buffer as ArrayBuffer, fileName));
  return { delimiter: source.delimiter, format: 'xlsx', pull: async (onRow) => source.pull(onRow) };
}

/**
 * Reads a recipient file as a stream and hands its sorted records to `onChunk`, a chunk of up to `chunkRows` records
 * at a time, in file order within each kind, one call at a time: the next chunk is read while a call runs, and handed
 * on once it is done. Resolves with the
 * columns, the phone column and the counts. Throws `RecipientFileError` for a file it cannot read, one over `maxBytes`
 * (before reading it), one that holds more or fewer bytes than its `size`, and an XLSX workbook that would unpack to
 * more than `maxUnpackedBytes`; an error thrown by `onChunk` stops reading and is thrown again.
 *
 * @example
 * const summary = await readRecipientFile(file, { defaultCountry: 'AU', maxBytes: 64 << 20, maxUnpackedBytes: 128 << 20 }, async (chunk) => {
 *   await store.insertMany(chunk.recipients);
 * });
 */
export async function readRecipientFile(
  file: RecipientFile,
  options: ReadRecipientFileOptions,
  onChunk: (chunk: RecipientChunk) => Promise<void>,
): Promise<RecipientFileSummary> {
  const fileName = options.fileName ?? file.name;
  if (file.size > options.maxBytes) {
    throw tooLarge(`The file${fileName ? ` "${fileName}"` : ''} is ${file.size} bytes, more than the ${options.maxBytes} taken.`, fileName);
  }
  const chunkRows = options.chunkRows ?? 1000;
  const bytes = byteChunks(file, fileName, options.onProgress && progressTeller(file.size, options.onProgress));
  let handing: Promise<void> = Promise.resolve();
  try {
    // The first bytes tell an XLSX workbook (a ZIP archive) from CSV text.
    let head = new Uint8Array(0);
    while (head.byteLength < 4) {
      const chunk = await bytes.next();
      if (chunk === null) break;
      const joined = new Uint8Array(head.byteLength + chunk.byteLength);
      joined.set(head);
      joined.set(chunk, head.byteLength);
      head = joined;
    }
    const xlsx = options.format === 'xlsx' || (options.format === undefined && isZip(head));
    let source: StreamRows;
    if (xlsx) {
      source = await openXlsx(bytes, head, { ...options, fileName }, file.size);
    } else {
      const decoder = new StreamDecoder();
      source = await openCsv(bytes, decoder, decoder.push(head));
    }

    const { layout, collector, add, more: started } = await startCollecting(source.pull, options, source.delimiter, fileName);
    let more = started;
    const counts: Counts = { lines: 0, recipients: 0, errors: 0, duplicates: 0, blanks: 0 };
    // One chunk is handed on while the next is read (a store's round trip overlaps the parsing): two at most are held.
    const handOn = async (): Promise<void> => {
      await handing;
      handing = onChunk(drain(collector, counts));
      handing.catch(() => undefined); // awaited before the next chunk or at the end, which throw it
    };
    while (more) {
      if (held(collector) >= chunkRows) await handOn();
      more = await source.pull(add);
    }
    await handOn();
    await handing;
    return {
      columns: collector.columns,
      phoneColumn: layout.empty ? null : collector.columns[layout.phoneIndex]!,
      hasHeader: layout.hasHeader,
      format: source.format,
      stats: counts,
    };
  } finally {
    // A call still running when reading failed is let finish first: the caller may undo what it wrote.
    await handing.catch(() => undefined);
    await bytes.cancel();
  }
}
