/**
 * A phone reader bound to one default country: what `parsePhone` does, with the country resolved once, for code
 * that reads many numbers (recipient files).
 */
import type { PhoneNumberErrorCode } from '../errors/phone-number-error.js';
import type { E164 } from '../phone.js';
import { describePhoneIssue } from './messages.js';
import { planFor } from './plans.js';
import type { CountryCode } from './plans.js';
import { readPhone } from './read.js';
import type { PhoneRead, PhoneReadSuccess, PhoneType } from './read.js';

/** Why a number was refused: a stable code and a sentence for people. */
export interface PhoneParseIssue {
  code: PhoneNumberErrorCode;
  message: string;
}

export type PhoneParseResult =
  | { ok: true; e164: E164; country: string | undefined; type: PhoneType }
  | { ok: false; error: PhoneParseIssue };

/** An ISO country code as given, upper-cased; undefined for none. */
export function normalizeCountry(country: string | undefined): string | undefined {
  if (typeof country !== 'string') return undefined;
  const upper = country.trim().toUpperCase();
  return upper === '' ? undefined : upper;
}

function failure(code: PhoneNumberErrorCode, text: string, country: string | undefined, unknownCountry = false): PhoneParseResult {
  return { ok: false, error: { code, message: describePhoneIssue(code, text, country, unknownCountry) } };
}

/** A function reading numbers in `defaultCountry`, as `parsePhone(input, { defaultCountry })` does. Never throws. */
export function phoneReader(defaultCountry: string | undefined): (input: string) => PhoneParseResult {
  const country = normalizeCountry(defaultCountry);
  const known = country === undefined || planFor(country) !== undefined;
  const code = known ? (country as CountryCode | undefined) : undefined;
  // A success has the public shape already (e164 is valid E.164 by construction): hand it on as it is.
  const result = (read: PhoneRead, text: string): PhoneParseResult =>
    read.ok ? (read as PhoneReadSuccess & { e164: E164 }) : failure(read.code, text, country);
  return (input) => {
    const text = typeof input === 'string' ? input.trim() : '';
    if (text === '') return failure('phone.empty', text, country);
    // An unknown default country only matters to numbers that need one.
    if (!known && text.charCodeAt(0) !== 43 && text.charCodeAt(0) !== 0xff0b) {
      return failure('phone.invalid_country', text, country, true);
    }
    return result(readPhone(text, code), text);
  };
}
