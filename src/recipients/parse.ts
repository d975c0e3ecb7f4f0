import { RecipientFileError } from '../errors/recipient-file-error.js';
import { normalizeCountry, phoneReader } from '../phone/reader.js';
import { planFor } from '../phone/plans.js';
import type { CountryCode } from '../phone/plans.js';
import { isBlankRow, RecipientCollector } from './collector.js';
import { columnNames, findPhoneColumn, isHeaderRow, namedColumn, normalizeHeader } from './detect-column.js';
import { loadInput } from './input.js';
import { openRows, type RowSink } from './row-source.js';
import { Budget } from './schedule.js';
import type { AbortSignalLike, ParsedRecipients, ParseRecipientsOptions, RecipientsInput } from './types.js';

/** Non-blank records looked at to find the header and the phone column. */
const SAMPLE_ROWS = 200;

interface BufferedRow {
  cells: string[];
  line: number;
  unclosedQuote: boolean;
}

function checkAborted(signal: AbortSignalLike | undefined): void {
  if (!signal?.aborted) return;
  if (signal.reason !== undefined) throw signal.reason;
  const error = new Error('Reading the recipients was aborted.');
  error.name = 'AbortError';
  throw error;
}

/**
 * Reads a recipient list from CSV text, a Blob or File, or CSV or XLSX bytes: finds the header and the phone
 * column, reads every number into E.164, and sorts each record into recipients, errors, duplicates or blanks, with
 * the 1-based line where it starts. It never throws for what a file holds, only for a file it cannot read at all
 * (`RecipientFileError`), or when `signal` aborts.
 *
 * CSV: a BOM, CRLF, LF and CR line breaks (mixed as they come: each ends one line), quoted fields with delimiters,
 * quotes and line breaks, and `,` `;` tab or `|` delimiters (guessed). A header is the first non-blank row when it
 * names a phone column or holds nothing that looks like a phone number; without one, columns are named `column1`,
 * `column2`...
 * XLSX: the first sheet, numbers stored as numbers included; `line` is the sheet row. read-excel-file (loaded on
 * first use) unpacks the workbook in one go before the rows are sorted.
 * Sorting is cut into slices of `yieldEveryMs` with a yield between, so a page stays responsive.
 *
 * @example
 * const { recipients, errors, stats } = await parseRecipients('name,mobile\nAna,0412 345 678\nBo,12\n', {
 *   defaultCountry: 'AU',
 * });
 * // recipients: [{ e164: '+61412345678', fields: { name: 'Ana' }, line: 2 }]
 * // errors: [{ line: 3, column: 'mobile', value: '12', code: 'phone.too_short', message: '...' }]
 * // stats: { lines: 2, recipients: 1, errors: 1, duplicates: 0, blanks: 0 }
 */
export async function parseRecipients(input: RecipientsInput, options: ParseRecipientsOptions = {}): Promise<ParsedRecipients> {
  const { signal, onProgress } = options;
  checkAborted(signal);
  // The budget counts from the start: reading the bytes, decoding and guessing the dialect share the first slice.
  const budget = new Budget(options.yieldEveryMs ?? 16);
  const pause = async (): Promise<void> => {
    if (!budget.spent()) return;
    await budget.renew();
    checkAborted(signal);
  };
  const loaded = await loadInput(input, options.format, pause);
  await pause();
  const source = await openRows(loaded);
  await pause();

  const pull = async (onRow: RowSink): Promise<boolean> => {
    const more = source.pull(onRow);
    await pause();
    return more;
  };
  const { layout, collector, add, more: started } = await startCollecting(pull, options, source.delimiter, loaded.fileName);
  let more = started;
  while (more) {
    more = source.pull(add);
    if (budget.spent()) onProgress?.({ lines: collector.lines, fraction: source.fraction });
    await pause();
  }
  onProgress?.({ lines: collector.lines, fraction: 1 });
  return {
    recipients: collector.recipients,
    errors: collector.errors,
    duplicates: collector.duplicates,
    blanks: collector.blanks,
    columns: collector.columns,
    phoneColumn: layout.empty ? null : collector.columns[layout.phoneIndex]!,
    hasHeader: layout.hasHeader,
    format: loaded.format,
    stats: collector.stats(),
  };
}

interface Layout {
  hasHeader: boolean;
  columns: string[];
  phoneIndex: number;
  /** Index of the header among the first records; -1 without one. */
  headerAt: number;
  /** No record but blanks. */
  empty: boolean;
}

/**
 * Reads ahead the first records, enough to find the header and the phone column, and returns the collector that sorts
 * every record, those read ahead already in it; `more` is false when the file held no more.
 */
export async function startCollecting(
  pull: (onRow: RowSink) => Promise<boolean>,
  options: Pick<ParseRecipientsOptions, 'defaultCountry' | 'phoneColumn'>,
  delimiter: string,
  fileName: string | undefined,
): Promise<{ layout: Layout; collector: RecipientCollector; add: RowSink; more: boolean }> {
  const buffered: BufferedRow[] = [];
  let nonBlank = 0;
  let more = true;
  const buffer = (cells: string[], line: number, unclosedQuote: boolean): void => {
    buffered.push({ cells, line, unclosedQuote });
    if (!isBlankRow(cells)) nonBlank++;
  };
  while (more && nonBlank <= SAMPLE_ROWS) more = await pull(buffer);

  const country = normalizeCountry(options.defaultCountry);
  const known = country !== undefined && planFor(country) !== undefined ? (country as CountryCode) : undefined;
  const layout = chooseLayout(buffered, options.phoneColumn, known, fileName);
  const collector = new RecipientCollector(phoneReader(country), layout.phoneIndex, layout.columns, delimiter);
  const add = collector.add.bind(collector);
  // Blank lines above the header are records too (blanks); the header itself is not.
  buffered.forEach((row, index) => index !== layout.headerAt && add(row.cells, row.line, row.unclosedQuote));
  return { layout, collector, add, more };
}

/** Decides the header and the phone column from the first records. */
function chooseLayout(
  rows: readonly BufferedRow[],
  wanted: string | number | undefined,
  country: CountryCode | undefined,
  fileName: string | undefined,
): Layout {
  const headerAt = rows.findIndex((row) => !isBlankRow(row.cells));
  if (headerAt < 0) return { hasHeader: false, columns: [], phoneIndex: 0, headerAt: -1, empty: true };
  const first = rows[headerAt]!.cells;
  const namesWanted = typeof wanted === 'string' && first.some((cell) => normalizeHeader(cell) === normalizeHeader(wanted));
  const hasHeader = !rows[headerAt]!.unclosedQuote && (namesWanted || isHeaderRow(first));
  const sample = rows
    .slice(hasHeader ? headerAt + 1 : headerAt)
    .filter((row) => !isBlankRow(row.cells))
    .map((row) => row.cells);
  const width = Math.max(first.length, ...sample.map((cells) => cells.length));
  const columns = hasHeader ? columnNames(first) : Array.from({ length: width }, (_, index) => `column${index + 1}`);
  let phoneIndex: number;
  if (wanted === undefined) {
    phoneIndex = findPhoneColumn(hasHeader ? columns : undefined, sample, country);
  } else {
    phoneIndex = namedColumn(columns, wanted);
    if (phoneIndex < 0) {
      throw new RecipientFileError('recipients.no_such_column', `The file has no column "${String(wanted)}".`, { fileName });
    }
  }
  return { hasHeader, columns, phoneIndex, headerAt: hasHeader ? headerAt : -1, empty: false };
}
