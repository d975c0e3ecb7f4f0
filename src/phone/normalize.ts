/**
 * The cheap first step of reading a phone number: keep the digits (ASCII, full-width, Arabic-Indic), one leading
 * '+', and drop the formatting people type (spaces of every width, dashes, dots, slashes, parentheses, and a "(0)"
 * trunk marker after a country code, as in "+44 (0)20 7946 0958"). Anything else (letters, "ext.", "tel:", a second
 * '+') gives `undefined`, and the caller hands the raw input to libphonenumber-js, which knows those forms.
 */

/** Digit value of a code unit, or -1. */
function digitOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10; // full-width
  if (code >= 0x0660 && code <= 0x0669) return code - 0x0660; // Arabic-Indic
  if (code >= 0x06f0 && code <= 0x06f9) return code - 0x06f0; // Eastern Arabic-Indic
  return -1;
}

/** Formatting characters skipped between digits. */
function isFormatting(code: number): boolean {
  switch (code) {
    case 0x20: case 0x09: case 0x0a: case 0x0d: case 0xa0: case 0xad: // spaces, soft hyphen
    case 0x2d: case 0x2e: case 0x2f: case 0x28: case 0x29: case 0x5b: case 0x5d: // - . / ( ) [ ]
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: // dashes, minus
    case 0x202f: case 0x205f: case 0x2060: case 0x3000: case 0xfeff: // narrow, medium, word joiner, ideographic, BOM
    case 0xff08: case 0xff09: case 0xff0d: case 0xff0e: case 0xff0f: // full-width ( ) - . /
      return true;
    default:
      return code >= 0x2000 && code <= 0x200b; // en quad to zero-width space
  }
}

const DIGITS = '0123456789';

/**
 * '+' and digits, or digits alone, from a typed phone number; undefined when it holds anything else or no digit.
 *
 * @example
 * normalizeDialString(' +44 (0)20 7946-0958 ') // '+442079460958'
 * normalizeDialString('０４１２ ３４５ ６７８') // '0412345678'
 * normalizeDialString('0412 345 678 ext. 5') // undefined
 */
export function normalizeDialString(input: string): string | undefined {
  const length = input.length;
  // Already '+' and ASCII digits, or ASCII digits: nothing to build.
  let index = input.charCodeAt(0) === 0x2b ? 1 : 0;
  while (index < length && isAsciiDigit(input.charCodeAt(index))) index++;
  if (index === length) return length > (input.charCodeAt(0) === 0x2b ? 1 : 0) ? input : undefined;
  let out = '';
  let plus = false;
  for (index = 0; index < length; index++) {
    const code = input.charCodeAt(index);
    if (isAsciiDigit(code)) {
      // Copy a run of ASCII digits at once.
      let end = index + 1;
      while (end < length && isAsciiDigit(input.charCodeAt(end))) end++;
      out += input.slice(index, end);
      index = end - 1;
      continue;
    }
    const digit = digitOf(code);
    if (digit >= 0) {
      out += DIGITS[digit];
    } else if (code === 0x2b || code === 0xff0b) {
      if (plus || out.length > 0) return undefined; // '+' only first
      plus = true;
    } else if ((code === 0x28 || code === 0xff08) && plus && out.length > 0) {
      const end = trunkMarkerEnd(input, index + 1);
      if (end > 0) index = end;
    } else if (!isFormatting(code)) {
      return undefined;
    }
  }
  if (out.length === 0) return undefined;
  return plus ? '+' + out : out;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True when a text holds a digit libphonenumber-js reads (ASCII, full-width, Arabic-Indic). */
export function hasDigit(input: string): boolean {
  for (let index = 0; index < input.length; index++) if (digitOf(input.charCodeAt(index)) >= 0) return true;
  return false;
}

/** After '(' in an international number: the index of the ')' closing "(0)" (spaces allowed inside), else -1. */
function trunkMarkerEnd(input: string, start: number): number {
  let index = start;
  while (index < input.length && input.charCodeAt(index) === 0x20) index++;
  if (digitOf(input.charCodeAt(index)) !== 0) return -1;
  index++;
  while (index < input.length && input.charCodeAt(index) === 0x20) index++;
  const code = input.charCodeAt(index);
  return code === 0x29 || code === 0xff09 ? index : -1;
}
