/**
 * Finding the header row and the phone column of a recipient file: by header name first (in several languages),
 * else by content, the column whose values read as phone numbers most often.
 */
import { normalizeDialString } from '../phone/normalize.js';
import { readPhone } from '../phone/read.js';
import type { CountryCode } from '../phone/plans.js';

/**
 * Header names that mark a phone column, normalised (lower case, accents and everything but letters and digits
 * removed), best first: SMS goes to mobiles, so a "Mobile" column wins over a "Phone" one.
 */
const PHONE_HEADERS: readonly (readonly string[])[] = [
  // mobile
  ['mobile', 'mobilenumber', 'mobilephone', 'mobileno', 'mobilephonenumber', 'mob', 'mobil', 'mobilnummer',
    'mobiltelefon', 'handy', 'handynummer', 'portable', 'telephoneportable', 'numeroportable', 'cellulare', 'movil',
    'numeromovil', 'telefonomovil', 'celular', 'numerocelular', 'telemovel', 'gsm', 'mobiel', 'mobielnummer',
    'mobielenummer', 'мобильный', 'мобильныйтелефон', '携帯', '携帯電話', '携帯番号', '手机', '手机号', '手机号码',
    'جوال', 'موبايل'],
  ['msisdn', 'e164'],
  ['cell', 'cellphone', 'cellnumber', 'cellular', 'cellphonenumber'],
  ['sms', 'smsnumber', 'textnumber', 'whatsapp', 'recipient', 'destination', 'to'],
  // phone
  ['phone', 'phonenumber', 'phoneno', 'ph', 'telephone', 'telephonenumber', 'tel', 'telno', 'telnumber', 'telefon',
    'telefonnummer', 'telefono', 'numerodetelefono', 'numerotelefono', 'numerodetelephone', 'telefoon',
    'telefoonnummer', 'телефон', 'номертелефона', '電話', '電話番号', '电话', '电话号码', 'هاتف', 'رقمالهاتف'],
  // number
  ['number', 'numero', 'nummer', 'contactnumber', 'номер'],
];

const HEADER_RANK = /* @__PURE__ */ (() => {
  const rank = new Map<string, number>();
  PHONE_HEADERS.forEach((names, index) => names.forEach((name) => rank.set(name, index)));
  return rank;
})();

/** A header cell reduced for comparison: lower case, no accents, letters and digits only. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The rank of a phone header (0 best), or -1 when the header does not name a phone column. */
export function phoneHeaderRank(header: string): number {
  return HEADER_RANK.get(normalizeHeader(header)) ?? -1;
}

/** A cell that reads like a phone number, valid or not: formatting and at least 6 digits. */
export function looksLikePhone(cell: string): boolean {
  const digits = normalizeDialString(cell);
  return digits !== undefined && digits.replace('+', '').length >= 6;
}

/** True when a row is a header: it names a phone column, or none of its cells looks like a phone number. */
export function isHeaderRow(cells: readonly string[]): boolean {
  return cells.some((cell) => phoneHeaderRank(cell) >= 0) || !cells.some(looksLikePhone);
}

/** Header cells as unique column names: trimmed, `columnN` for an empty one, `name_2` for a repeated one. */
export function columnNames(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((cell, index) => {
    const base = cell.trim() || `column${index + 1}`;
    let name = base;
    for (let suffix = 2; seen.has(name); suffix++) name = `${base}_${suffix}`;
    seen.add(name);
    return name;
  });
}

/**
 * The phone column: the best-ranked header-named column holding a valid number in the sample; else the column whose
 * sample values are valid numbers most often; else the best-ranked header-named column; else the column with the
 * most phone-like values; else the first.
 */
export function findPhoneColumn(
  header: readonly string[] | undefined,
  sample: readonly (readonly string[])[],
  country: CountryCode | undefined,
): number {
  const width = Math.max(header?.length ?? 0, ...sample.map((row) => row.length), 1);
  const valid = new Array<number>(width).fill(0);
  const phoneLike = new Array<number>(width).fill(0);
  for (const row of sample) {
    row.forEach((cell, index) => {
      if (!looksLikePhone(cell)) return;
      phoneLike[index]! += 1;
      if (readPhone(cell, country).ok) valid[index]! += 1;
    });
  }
  const named = (header ?? [])
    .map((cell, index) => ({ index, rank: phoneHeaderRank(cell) }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const namedWithNumbers = named.find(({ index }) => valid[index]! > 0);
  if (namedWithNumbers) return namedWithNumbers.index;
  const mostValid = indexOfMax(valid);
  if (valid[mostValid]! > 0) return mostValid;
  if (named.length > 0) return named[0]!.index;
  return indexOfMax(phoneLike);
}

/** The first index of the largest count. */
function indexOfMax(counts: readonly number[]): number {
  return counts.reduce((top, count, index) => (count > counts[top]! ? index : top), 0);
}

/** Finds a column named by the caller: a 0-based index, or a header compared like header names are. */
export function namedColumn(columns: readonly string[], wanted: string | number): number {
  if (typeof wanted === 'number') return Number.isInteger(wanted) && wanted >= 0 && wanted < columns.length ? wanted : -1;
  const key = normalizeHeader(wanted);
  const exact = columns.indexOf(wanted);
  return exact >= 0 ? exact : columns.findIndex((column) => normalizeHeader(column) === key);
}
