/** Made only of what phone numbers are written with: digits, spaces, `+ ( ) . -`. */
const PHONE_LIKE = /^[\d\s().+-]+$/;

/**
 * True when a text is written like a phone number (only digits, spaces and `+ ( ) . -`, at least one digit), valid or
 * not: a search to read as a number, a cell to keep on one line.
 *
 * @example
 * looksLikePhone('0412 999 888') // true
 * looksLikePhone('not a number') // false
 */
export function looksLikePhone(text: string): boolean {
  return PHONE_LIKE.test(text) && /\d/.test(text);
}

/**
 * A search for a phone number as people write it, turned into what a stored E.164 number contains: the whole number
 * when `read` takes it (`0412 999 888` read in Australia is `+61412999888`), else its digits without a trunk or
 * international prefix (`0412 99` looks for `41299`, `999 888` for `999888`, `+61 4` for `+614`). Null when the search
 * is not a number (letters in it) or holds fewer than three digits: search it as text.
 *
 * @example
 * const read = (text: string) => tryPhone(text, 'AU');
 * phoneSearch('+61 412 999 888', read) // '+61412999888'
 * phoneSearch('999 888', read)         // '999888'
 * phoneSearch('Bondi', read)           // null
 */
export function phoneSearch(query: string, read: (text: string) => string | null): string | null {
  const text = query.trim();
  if (!looksLikePhone(text)) return null;
  const digits = text.replace(/[^\d+]/g, '');
  if (digits.replace(/\+/g, '').length < 3) return null;
  return read(text) ?? digits.replace(/^00?(?=\d)/, '');
}
