import type { PhoneNumberErrorCode } from '../errors/phone-number-error.js';

/** The sentence for a refused number. */
export function describePhoneIssue(code: PhoneNumberErrorCode, text: string, country: string | undefined, unknownCountry = false): string {
  const shown = `"${text.length > 40 ? text.slice(0, 39) + '…' : text}"`;
  const where = country === undefined ? '' : ` in ${country}`;
  switch (code) {
    case 'phone.empty':
      return 'No phone number was given.';
    case 'phone.invalid_country':
      return unknownCountry
        ? `"${country}" is not a known country code (ISO 3166-1 alpha-2, such as AU or GB).`
        : `${shown} has no country code: write it with + and the country code, or give a default country.`;
    case 'phone.too_short':
      return `${shown} is too short for a phone number${where}.`;
    case 'phone.too_long':
      return `${shown} is too long for a phone number${where}.`;
    case 'phone.not_a_number':
      return `${shown} is not a phone number.`;
    case 'phone.invalid':
      return `${shown} is not a valid phone number${where}.`;
  }
}
