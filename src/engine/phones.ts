import { ValidationError } from '../errors/validation-error.js';
import { isSmsError } from '../errors/sms-error.js';
import { type E164, toE164 } from '../phone.js';

/**
 * A phone number typed by a user, as E.164, or a `ValidationError` naming the field (the phone error is its cause,
 * with its precise code).
 */
export function normalisePhone(input: string, defaultCountry: string, field: string): E164 {
  try {
    return toE164(input, defaultCountry);
  } catch (error) {
    const reason = isSmsError(error) ? error.message : 'not a phone number';
    throw new ValidationError(`Invalid ${field}: ${reason}`, {
      field,
      value: input,
      issues: [{ path: [field], message: reason, code: isSmsError(error) ? error.code : 'phone.not_a_number' }],
      cause: error,
    });
  }
}

/** Like `normalisePhone`, but null instead of an error. */
export function tryPhone(input: string, defaultCountry: string): E164 | null {
  try {
    return toE164(input, defaultCountry);
  } catch {
    return null;
  }
}

/**
 * A copy of an input object whose phone number at `key`, as typed, is E.164, so that a schema expecting E.164 takes
 * it; a `ValidationError` naming `field` when it is not a phone number. Anything else is returned as it is.
 */
export function withPhoneAt<T>(input: T, key: string, defaultCountry: string, field: string): T {
  if (typeof input !== 'object' || input === null) return input;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' ? { ...input, [key]: normalisePhone(value, defaultCountry, field) } : input;
}
