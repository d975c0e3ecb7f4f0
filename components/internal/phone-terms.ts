import type { Terms } from './localize.js';

/**
 * Why a phone number was refused, in words people read: one term per `phone.*` code of `parsePhone` (and the
 * `csv.unclosed_quote` of recipient files). Elements that validate numbers spread these into their terms and show
 * `localize.term(phoneProblemKey(code))`, so that the reason is translated with the rest of the element.
 */
export const phoneProblemTerms = {
  phoneEmpty: 'Enter a phone number.',
  phoneInvalidCountry: 'Add the country code (+…): there is no default country to read it in.',
  phoneTooShort: 'Too short for a phone number.',
  phoneTooLong: 'Too long for a phone number.',
  phoneInvalid: 'Not a valid phone number.',
  phoneNotANumber: 'Not a phone number.',
  csvUnclosedQuote: 'A quote is opened and never closed.',
  /** Not a problem: a valid number SMS may not reach, accepted with this warning. {0}: the number. */
  phoneNotMobile: '{0}: a landline or service number, it may not receive SMS.',
} satisfies Terms;

export type PhoneProblemTerms = typeof phoneProblemTerms;

const KEYS: Readonly<Record<string, keyof PhoneProblemTerms>> = {
  'phone.empty': 'phoneEmpty',
  'phone.invalid_country': 'phoneInvalidCountry',
  'phone.too_short': 'phoneTooShort',
  'phone.too_long': 'phoneTooLong',
  'phone.invalid': 'phoneInvalid',
  'phone.not_a_number': 'phoneNotANumber',
  'csv.unclosed_quote': 'csvUnclosedQuote',
};

/**
 * The term key for a row or number problem code, or undefined for a code without one (show the error's own message).
 *
 * @example
 * const key = phoneProblemKey(result.error.code);
 * const text = key ? this.localize.term(key) : result.error.message;
 */
export function phoneProblemKey(code: string): keyof PhoneProblemTerms | undefined {
  return KEYS[code];
}
