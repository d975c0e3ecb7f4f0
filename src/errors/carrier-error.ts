import { SmsError } from './sms-error.js';

/**
 * `carrier.rejected`: the carrier refused this message (a bad number, a sender it does not allow, filtered content);
 * sending it again as it is will fail again. `carrier.unavailable`: the carrier could not take it now (outage,
 * throttling); trying again later may work. `carrier.opted_out`: the carrier refused it because the recipient
 * unsubscribed at the carrier (such as Twilio's 21610); the engine records the opt-out in the blocklist of the
 * organisation that sent it.
 */
export const CARRIER_ERROR_CODES = ['carrier.rejected', 'carrier.unavailable', 'carrier.opted_out'] as const;
export type CarrierErrorCode = (typeof CARRIER_ERROR_CODES)[number];

export interface CarrierErrorOptions {
  /** @default 'carrier.rejected' */
  code?: CarrierErrorCode;
  /**
   * Whether sending the same message again may succeed.
   * @default true for `carrier.unavailable`, false for `carrier.rejected`
   */
  retryable?: boolean;
  /** The provider's own error code (such as Twilio's `21211`), for support and logs. */
  providerCode?: string;
  /** The part of the message at fault, when one is: `from`, `to` or `body`. */
  field?: 'from' | 'to' | 'body';
  /** The offending value, when it is small and safe to log. */
  value?: unknown;
  cause?: unknown;
}

/**
 * A carrier did not accept a message at send time. `retryable` tells the engine whether to try again.
 *
 * @example
 * throw new CarrierError('Alphanumeric senders are not supported on this route.', {
 *   code: 'carrier.rejected', providerCode: '21212', field: 'from', value: 'ACME',
 * });
 */
export class CarrierError extends SmsError {
  declare readonly code: CarrierErrorCode;
  /** Whether sending the same message again may succeed. */
  readonly retryable: boolean;
  /** The provider's own error code, if it gave one. */
  readonly providerCode: string | undefined;
  /** The part of the message at fault, if one is. */
  readonly field: 'from' | 'to' | 'body' | undefined;
  /** The offending value, if given. */
  readonly value: unknown;

  constructor(message: string, options: CarrierErrorOptions = {}) {
    const code = options.code ?? 'carrier.rejected';
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CarrierError';
    this.retryable = options.retryable ?? code === 'carrier.unavailable';
    this.providerCode = options.providerCode;
    this.field = options.field;
    this.value = options.value;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryable: this.retryable, providerCode: this.providerCode, field: this.field };
  }
}

/** True for a `CarrierError`, whichever copy of the package created it. */
export function isCarrierError(error: unknown): error is CarrierError {
  return error instanceof Error && error.name === 'CarrierError';
}
