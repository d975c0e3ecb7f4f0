/**
 * Reading one phone number. The fast path replays libphonenumber-js's parse on compiled plans (src/phone/plans.ts)
 * for digit strings: '+' numbers, national numbers with the default country's trunk prefix, IDD prefixes and
 * calling code typed without '+'; it gives the library's verdict, valid or not, with the library's error codes
 * (test/node/phone-fast-path.test.ts holds the two equal). The library itself reads everything else: letters,
 * extensions, non-geographic codes, numbers without a default country.
 */
import { parsePhoneNumberWithError, ParseError, validatePhoneNumberLength } from 'libphonenumber-js/core';
import type { PhoneNumberErrorCode } from '../errors/phone-number-error.js';
import { hasDigit, normalizeDialString } from './normalize.js';
import { callingCodeLength, countriesFor, countryFor, lengthVerdict, METADATA, numberType, planFor, stripTrunkPrefix } from './plans.js';
import type { CountryCode, Plan, PhoneNumberType } from './plans.js';

export const PHONE_TYPES = [
  'mobile',
  'fixed-line',
  'fixed-line-or-mobile',
  'toll-free',
  'premium-rate',
  'shared-cost',
  'voip',
  'personal',
  'pager',
  'uan',
  'voicemail',
] as const;
/** What kind of line a number is, from its number plan. SMS reaches `mobile` (and usually `fixed-line-or-mobile`). */
export type PhoneType = (typeof PHONE_TYPES)[number];

const TYPE_NAMES: Record<PhoneNumberType, PhoneType> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

export interface PhoneReadSuccess {
  ok: true;
  e164: string;
  country: string | undefined;
  type: PhoneType;
}

export interface PhoneReadFailure {
  ok: false;
  code: PhoneNumberErrorCode;
}

export type PhoneRead = PhoneReadSuccess | PhoneReadFailure;

/** International prefixes tried when a number starting with 0 is not valid as dialled in the default country. */
const COMMON_IDD_PREFIXES = ['0011', '011', '00'];

/**
 * Judges a number already split into calling code and national (significant) number, as libphonenumber-js's
 * parse + getType + validatePhoneNumberLength would.
 */
function judge(
  callingCode: string,
  national: string,
  countries: readonly CountryCode[],
  defaultCountry: CountryCode | undefined,
): PhoneRead {
  if (national.length < 2) return { ok: false, code: 'phone.too_short' };
  if (national.length > 17) return { ok: false, code: 'phone.too_long' };
  const country = countryFor(countries, national) ?? defaultCountry;
  const plan = planFor(country ?? countries[0]!)!;
  const type = numberType(plan, national);
  if (type !== undefined) return { ok: true, e164: '+' + callingCode + national, country, type: TYPE_NAMES[type] };
  const verdict = lengthVerdict(plan, national);
  return { ok: false, code: verdict === 'TOO_SHORT' ? 'phone.too_short' : verdict === 'TOO_LONG' ? 'phone.too_long' : 'phone.invalid' };
}

/** The digits after '+' (or after an IDD prefix); undefined for what only the library knows (non-geographic codes). */
function readInternational(digits: string): PhoneRead | undefined {
  const length = callingCodeLength(digits);
  if (length === 0) return undefined;
  const callingCode = digits.slice(0, length);
  const countries = countriesFor(callingCode);
  if (countries === undefined) return undefined;
  return judge(callingCode, stripTrunkPrefix(planFor(countries[0]!)!, digits.slice(length), countries), countries, undefined);
}

/** Digits dialled in the default country: its IDD prefixes, its calling code typed without '+', its trunk prefix. */
function readNational(digits: string, plan: Plan): PhoneRead | undefined {
  const idd = plan.idd?.exec(digits);
  if (idd && digits.charCodeAt(idd[0].length) !== 48) return readInternational(digits.slice(idd[0].length));
  const callingCode = plan.callingCode;
  const countries = countriesFor(callingCode) ?? [plan.country];
  const national = stripTrunkPrefix(plan, digits, countries);
  if (digits.startsWith(callingCode)) {
    // "61412345678" in AU: the calling code without '+', when the digits make no sense otherwise.
    const shorter = digits.slice(callingCode.length);
    if (
      (!plan.national.test(national) && plan.national.test(stripTrunkPrefix(plan, shorter, countries))) ||
      lengthVerdict(plan, national) === 'TOO_LONG'
    ) {
      return judge(callingCode, stripTrunkPrefix(planFor(countries[0]!)!, shorter, countries), countries, undefined);
    }
  }
  return judge(callingCode, national, countries, plan.country);
}

/**
 * The fast path alone, on normalised digits ('+' and digits, or digits): the verdict libphonenumber-js would give,
 * or undefined when only the library can say (fewer than 3 digits, no default country, non-geographic codes).
 */
export function fastRead(digits: string, country: CountryCode | undefined): PhoneRead | undefined {
  const plus = digits.charCodeAt(0) === 43;
  const count = plus ? digits.length - 1 : digits.length;
  if (count < 3 || count > 250) return undefined;
  if (plus) return readInternational(digits.slice(1));
  return country === undefined ? undefined : readNational(digits, planFor(country)!);
}

const PARSE_ERRORS: Record<string, PhoneNumberErrorCode> = {
  INVALID_COUNTRY: 'phone.invalid_country',
  NOT_A_NUMBER: 'phone.not_a_number',
  TOO_SHORT: 'phone.too_short',
  TOO_LONG: 'phone.too_long',
  INVALID_LENGTH: 'phone.invalid',
};

/** libphonenumber-js on the raw text: slower, knows every form, and says why a number is refused. */
export function libraryRead(text: string, country: CountryCode | undefined): PhoneRead {
  let number;
  try {
    number = parsePhoneNumberWithError(text, { defaultCountry: country, extract: false }, METADATA);
  } catch (error) {
    return { ok: false, code: (error instanceof ParseError && PARSE_ERRORS[error.message]) || 'phone.not_a_number' };
  }
  const type = number.ext ? undefined : number.getType();
  if (type !== undefined) return { ok: true, e164: number.number, country: number.country, type: TYPE_NAMES[type] };
  if (number.ext) return { ok: false, code: 'phone.invalid' }; // an extension cannot receive SMS
  const length = validatePhoneNumberLength(text, { defaultCountry: country }, METADATA);
  return { ok: false, code: (length && PARSE_ERRORS[length]) || 'phone.invalid' };
}


/**
 * Reads a phone number; `country` is an upper-case ISO code already checked to be known (or undefined).
 * Never throws.
 */
export function readPhone(text: string, country: CountryCode | undefined): PhoneRead {
  const digits = normalizeDialString(text);
  // Without a digit the library can only say NOT_A_NUMBER; its ParseError costs a stack trace.
  if (digits === undefined && !hasDigit(text)) return { ok: false, code: 'phone.not_a_number' };
  const read = (digits === undefined ? undefined : fastRead(digits, country)) ?? libraryRead(digits ?? text, country);
  if (read.ok || digits === undefined || digits.charCodeAt(0) !== 48) return read;
  // "0061 412 345 678" typed in a country whose IDD prefix is not 00: try the common prefixes.
  for (const prefix of COMMON_IDD_PREFIXES) {
    if (!digits.startsWith(prefix) || digits.charCodeAt(prefix.length) === 48) continue;
    const retry = readInternational(digits.slice(prefix.length));
    if (retry?.ok) return retry;
  }
  return read;
}
