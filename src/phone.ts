/**
 * Phone numbers: reading what people type into E.164, validating it, telling mobiles from fixed lines, and display.
 *
 * Metadata: libphonenumber-js `max`, chosen on purpose.
 * - `min` (the library's default) checks little more than a number's length against its country's general pattern:
 *   numbers in ranges no operator holds pass as valid (tests show FR and DE examples), and for SMS that means paying
 *   for messages that bounce. `max` and `mobile` check the digits against each line type's number-plan patterns.
 * - `mobile` keeps only the mobile patterns: a valid landline would come out "invalid", indistinguishable from a
 *   typo. `max` knows every type, so fixed-line numbers are reported as `fixed-line` (SMS goes to mobiles; some
 *   carriers text landlines), toll-free ones as `toll-free`, and so on, and callers decide.
 * - Its size (about 49 kB gzipped against 34 kB for `mobile`) is paid once, by code that reads numbers.
 * Speed: reading a million-row file cannot afford the library per number (about 20 µs each). src/phone/plans.ts
 * compiles the same metadata into ready regular expressions and src/phone/read.ts replays the library's parse on
 * them (about 1 µs); the library still reads the unusual forms. Tests hold both paths equal.
 */
import type * as z from 'zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { PhoneNumberError } from './errors/phone-number-error.js';
import { E164_SYNTAX } from './phone/e164-syntax.js';
import { METADATA } from './phone/plans.js';
import { readPhone } from './phone/read.js';
import { normalizeCountry, phoneReader } from './phone/reader.js';
import type { PhoneParseResult } from './phone/reader.js';

export { PHONE_TYPES } from './phone/read.js';
export type { PhoneType } from './phone/read.js';
export type { PhoneParseIssue, PhoneParseResult } from './phone/reader.js';
export { isE164 } from './phone/e164-syntax.js';

/** True when `value` is a valid number written exactly in E.164. */
export function isValidE164(value: string): boolean {
  if (!E164_SYNTAX.test(value)) return false;
  const read = readPhone(value, undefined);
  return read.ok && read.e164 === value;
}

/**
 * A valid phone number in E.164 form, as a branded string. The zod schema of the same name is in src/model/e164.ts:
 * this module stays free of zod, so that elements that read phone numbers do not ship a schema library.
 */
export type E164 = string & z.$brand<'E164'>;

export interface PhoneParseOptions {
  /**
   * The country (ISO 3166-1 alpha-2, any case) a number without a country code is read in: its trunk prefix
   * ('0' in AU and GB, '1' in the US) and its international prefixes ('0011' in AU, '011' in the US, '00' in GB).
   * Numbers written with '+' need none.
   * @default undefined
   */
  defaultCountry?: string | undefined;
}

/**
 * Reads a phone number as people type it into E.164, with its country and line type. Never throws.
 *
 * Accepts national numbers with or without the trunk prefix ("0412 345 678", "412345678" in AU), spaces, dashes,
 * dots, slashes and parentheses, "+44 (0)20 7946 0958", international prefixes of the default country (0011 in AU,
 * 011 in the US, 00 in most of the world; 00, 011 and 0011 are also tried when a number is not valid otherwise),
 * full-width and Arabic-Indic digits, and surrounding white space. A number with '+' needs no country.
 *
 * @example
 * parsePhone('0412 345 678', { defaultCountry: 'AU' })
 * // { ok: true, e164: '+61412345678', country: 'AU', type: 'mobile' }
 * parsePhone('+44 (0)20 7946 0958') // { ok: true, e164: '+442079460958', country: 'GB', type: 'fixed-line' }
 * parsePhone('12', { defaultCountry: 'AU' }) // { ok: false, error: { code: 'phone.too_short', message: '...' } }
 */
export function parsePhone(input: string, options: PhoneParseOptions = {}): PhoneParseResult {
  return phoneReader(options.defaultCountry)(input);
}

/**
 * Reads a phone number into E.164, or throws a `PhoneNumberError` whose `code` says why not (`phone.empty`,
 * `phone.invalid_country`, `phone.too_short`, `phone.too_long`, `phone.invalid`, `phone.not_a_number`).
 *
 * @example
 * toE164('0412 345 678', 'AU') // '+61412345678'
 * toE164('12', 'AU') // throws PhoneNumberError with code 'phone.too_short'
 * toE164('+49 151 23456789') // '+4915123456789'
 */
export function toE164(input: string, defaultCountry?: string): E164 {
  const result = parsePhone(input, { defaultCountry });
  if (result.ok) return result.e164;
  throw new PhoneNumberError(result.error.code, result.error.message, {
    input: typeof input === 'string' ? input : String(input),
    country: normalizeCountry(defaultCountry),
  });
}

export interface FormatPhoneOptions {
  /**
   * `international`: "+61 412 345 678"; `national`: "0412 345 678", as dialled inside the number's country.
   * @default 'international'
   */
  style?: 'national' | 'international';
}

/**
 * Formats an E.164 number for people to read. A string that is not a phone number comes back unchanged.
 *
 * @example
 * formatPhone('+61412345678') // '+61 412 345 678'
 * formatPhone('+61412345678', { style: 'national' }) // '0412 345 678'
 * formatPhone('+12125550123', { style: 'national' }) // '(212) 555-0123'
 */
export function formatPhone(e164: string, options: FormatPhoneOptions = {}): string {
  const number = typeof e164 === 'string' && e164.length <= 250 ? parsePhoneNumberFromString(e164, METADATA) : undefined;
  if (number === undefined) return e164;
  return options.style === 'national' ? number.formatNational() : number.formatInternational();
}
