/** Records of a recipient file, CSV or XLSX alike, handed over a slice at a time. */
import { CsvRowReader, detectDelimiter, loadPapa } from './csv-rows.js';
import type { RowSink } from './csv-rows.js';
import type { LoadedInput } from './input.js';
import { readXlsxRows } from './xlsx.js';

export type { RowSink } from './csv-rows.js';

export interface RowSource {
  /** Hands the next slice of records to `onRow`; false once there are no more. */
  pull(onRow: RowSink): boolean;
  /** Share of the input read, 0 to 1. */
  readonly fraction: number;
  /** The delimiter, for showing a broken record as it was written. */
  readonly delimiter: string;
}

/** Characters of CSV per slice: about 800 rows, a few milliseconds of work even on a slow phone. */
const CSV_WINDOW = 32 * 1024;
/** Sheet rows per slice. */
const SHEET_ROWS = 2000;

/** Opens the rows of a loaded file. */
export async function openRows(loaded: LoadedInput): Promise<RowSource> {
  if (loaded.format === 'xlsx') return sheetSource(await readXlsxRows(loaded.bytes, loaded.fileName));
  const Papa = await loadPapa();
  const text = loaded.text.charCodeAt(0) === 0xfeff ? loaded.text.slice(1) : loaded.text;
  const delimiter = detectDelimiter(Papa, text);
  const reader = new CsvRowReader(Papa, text, delimiter);
  return {
    pull: (onRow) => reader.read(CSV_WINDOW, onRow),
    get fraction() {
      return reader.fraction;
    },
    delimiter,
  };
}

/** The rows of a sheet, a slice at a time. */
export function sheetSource(rows: string[][]): RowSource {
  let next = 0;
  return {
    pull(onRow) {
      const end = Math.min(rows.length, next + SHEET_ROWS);
      for (; next < end; next++) onRow(rows[next]!, next + 1, false);
      return next < rows.length;
    },
    get fraction() {
      return rows.length === 0 ? 1 : next / rows.length;
    },
    delimiter: ',',
  };
}
