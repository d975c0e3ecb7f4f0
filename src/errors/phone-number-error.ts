import { SmsError } from './sms-error.js';

/** Why a phone number was refused. Stable: compare these, not messages. */
export const PHONE_NUMBER_ERROR_CODES = [
  'phone.empty',
  'phone.invalid_country',
  'phone.too_short',
  'phone.too_long',
  'phone.invalid',
  'phone.not_a_number',
] as const;
export type PhoneNumberErrorCode = (typeof PHONE_NUMBER_ERROR_CODES)[number];

export interface PhoneNumberErrorOptions {
  /** What was given, as given. */
  input: string;
  /** The default country the input was read with (ISO 3166-1 alpha-2), if any. */
  country?: string | undefined;
  cause?: unknown;
}

/**
 * A phone number that cannot be turned into E.164: empty, too short or long, not a number, no country to read it
 * with, or digits that no number plan assigns. `code` says which (`phone.*`).
 *
 * @example
 * try {
 *   toE164('0412 345 678'); // no default country
 * } catch (error) {
 *   if (isPhoneNumberError(error)) console.log(error.code, error.input); // 'phone.invalid_country' '0412 345 678'
 * }
 */
export class PhoneNumberError extends SmsError {
  declare readonly code: PhoneNumberErrorCode;
  /** What was given, as given. */
  readonly input: string;
  /** The default country the input was read with, if any. */
  readonly country: string | undefined;

  constructor(code: PhoneNumberErrorCode, message: string, options: PhoneNumberErrorOptions) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PhoneNumberError';
    this.input = options.input;
    this.country = options.country;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), input: this.input, country: this.country };
  }
}

/** True for a `PhoneNumberError`, whichever copy of the package created it. */
export function isPhoneNumberError(error: unknown): error is PhoneNumberError {
  return error instanceof Error && error.name === 'PhoneNumberError';
}
