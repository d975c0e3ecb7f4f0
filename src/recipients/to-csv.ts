/**
 * CSV output after RFC 4180: CRLF line breaks; a field holding a comma, quote, CR or LF is quoted, its quotes
 * doubled (one holding ; or tab is quoted too, so that no reader guesses those for the delimiter). Safe to open in a
 * spreadsheet: a cell starting with = + - @ tab or CR could run as a formula (CSV injection), so it is neutralised
 * as OWASP advises, prefixed with a single quote and quoted. A well-formed E.164 number (`+61412345678`) is left as
 * it is, so that an exported recipient list imports again.
 */
import { E164_SYNTAX } from '../phone/e164-syntax.js';

/** A column to write: a key of the rows with its header, or a key that is its own header. */
export type CsvColumn = string | { key: string; header: string };

/** Characters that make a spreadsheet read a cell as a formula (OWASP: CSV Injection). */
function isFormulaStart(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === 0x0d;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value);
}

/**
 * One CSV field: quoted when it holds a delimiter, quote or line break, neutralised when it could run as a formula.
 *
 * @example
 * csvField('Smith, Ana') // '"Smith, Ana"'
 * csvField('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 * csvField('+61412345678') // '+61412345678'
 */
export function csvField(value: unknown): string {
  let field = text(value);
  let quote = false;
  if (field.length > 0 && isFormulaStart(field.charCodeAt(0)) && !E164_SYNTAX.test(field)) {
    field = "'" + field;
    quote = true;
  }
  // RFC 4180 needs quotes around , " CR LF; ; and tab are quoted too, so readers that guess the delimiter
  // (as parseRecipients does) cannot take them for it.
  if (quote || /[",\r\n;\t]/.test(field)) return '"' + field.replace(/"/g, '""') + '"';
  return field;
}

/**
 * Writes rows as CSV: a header line, then one line per row, each ending in CRLF. `columns` picks and orders the
 * fields: a string is both the key and the header; `{ key, header }` renames. Values are written as text (dates as
 * ISO 8601, null and undefined as empty).
 *
 * @example
 * toCsv([{ e164: '+61412345678', name: 'Ana' }], [{ key: 'e164', header: 'phone' }, 'name'])
 * // 'phone,name\r\n+61412345678,Ana\r\n'
 * toCsv([{ note: '=1+1' }], ['note']) // 'note\r\n"\'=1+1"\r\n'
 */
export function toCsv(rows: readonly Readonly<Record<string, unknown>>[], columns: readonly CsvColumn[]): string {
  const keys = columns.map((column) => (typeof column === 'string' ? column : column.key));
  const headers = columns.map((column) => (typeof column === 'string' ? column : column.header));
  const lines = [headers.map(csvField).join(',')];
  for (const row of rows) lines.push(keys.map((key) => csvField(Object.hasOwn(row, key) ? row[key] : undefined)).join(','));
  return lines.join('\r\n') + '\r\n';
}

/**
 * The recipient list template users download: a `phone` column and example merge fields, with rows that import
 * cleanly in any default country (numbers in E.164).
 *
 * @example
 * recipientsTemplateCsv() // 'phone,first_name,suburb\r\n+61412345678,Ana,Newtown\r\n...'
 */
export function recipientsTemplateCsv(): string {
  return toCsv(
    [
      { phone: '+61412345678', first_name: 'Ana', suburb: 'Newtown' },
      { phone: '+447400123456', first_name: 'Ben', suburb: 'Camden' },
      { phone: '+12015550123', first_name: 'Chloé', suburb: 'Hoboken' },
    ],
    ['phone', 'first_name', 'suburb'],
  );
}
