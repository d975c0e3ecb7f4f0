/**
 * XLSX recipient files, read with read-excel-file's `universal` entry: it takes an ArrayBuffer and runs in browsers
 * and Node alike (its `browser` and `node` entries add Web Workers and Node streams we do not need). It is loaded on
 * first use (dynamic import), so CSV-only users never download it.
 */
import { RecipientFileError } from '../errors/recipient-file-error.js';

/** A cell as text: whole numbers in full ("61412345678"), dates in ISO 8601, booleans as TRUE/FALSE, empty as ''. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value);
}

/**
 * Reads the first sheet of an XLSX file as text cells; row `i` is sheet row `i + 1` (read-excel-file keeps empty
 * rows above and between data). Throws RecipientFileError (`recipients.invalid_xlsx`) when the file is broken.
 */
export async function readXlsxRows(bytes: ArrayBuffer, fileName?: string): Promise<string[][]> {
  const { readSheet } = await import('read-excel-file/universal');
  let data: unknown[][];
  try {
    data = (await readSheet(bytes)) as unknown[][];
  } catch (error) {
    throw new RecipientFileError(
      'recipients.invalid_xlsx',
      `The file${fileName ? ` "${fileName}"` : ''} is not a readable XLSX workbook.`,
      { format: 'xlsx', fileName, cause: error },
    );
  }
  return data.map((row) => row.map(cellText));
}
