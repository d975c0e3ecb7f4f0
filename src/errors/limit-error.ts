import { SmsError } from './sms-error.js';

/**
 * A cap the hosting vendor's operator set for the organisation is reached: its one-to-one messages are refused until
 * `resetAt`. Code `limit.sends_per_day`.
 *
 * @example
 * throw new LimitError('The organisation has sent its 1000 messages for today.', {
 *   limit: 'sendsPerDay', value: 1000, resetAt: '2026-12-08T00:00:00.000Z',
 * });
 */
export class LimitError extends SmsError {
  /** Which cap (of the organisation's `limits`). */
  readonly limit: 'sendsPerDay';
  /** The cap's value. */
  readonly value: number;
  /** When it lifts (the start of the next UTC day for `sendsPerDay`). */
  readonly resetAt: string;

  constructor(message: string, options: { limit: 'sendsPerDay'; value: number; resetAt: string }) {
    super('limit.sends_per_day', message);
    this.name = 'LimitError';
    this.limit = options.limit;
    this.value = options.value;
    this.resetAt = options.resetAt;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limit: this.limit, value: this.value, resetAt: this.resetAt };
  }
}

/** True for a `LimitError`, whichever copy of the package created it. */
export function isLimitError(error: unknown): error is LimitError {
  return error instanceof Error && error.name === 'LimitError';
}
