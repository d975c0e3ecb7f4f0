import { CarrierError, type CarrierErrorOptions } from '../../src/errors/carrier-error.js';
import type { ApiError } from './resources.js';

type Refusal = Pick<CarrierErrorOptions, 'code' | 'field'>;

/** What the engine makes of the provider's refusals at send time; other codes are `carrier.rejected`. */
const REFUSALS: Readonly<Record<number, Refusal>> = {
  21211: { code: 'carrier.rejected', field: 'to' }, // invalid 'To' phone number
  21614: { code: 'carrier.rejected', field: 'to' }, // 'To' is not a mobile number
  21408: { code: 'carrier.rejected', field: 'to' }, // region not enabled
  21610: { code: 'carrier.opted_out', field: 'to' }, // the recipient unsubscribed (replied STOP) at the provider
  21212: { code: 'carrier.rejected', field: 'from' }, // invalid 'From'
  21606: { code: 'carrier.rejected', field: 'from' }, // 'From' is not a number of the account that can send SMS
  21612: { code: 'carrier.rejected', field: 'from' }, // cannot route between 'From' and 'To'
  21602: { code: 'carrier.rejected', field: 'body' }, // body required
  21617: { code: 'carrier.rejected', field: 'body' }, // body too long
};

/**
 * The `CarrierError` for an error body of the API (HTTP 4xx other than 429): never retryable, since the same request
 * fails the same way. 21610 becomes `carrier.opted_out`, which puts the number in the sender's blocklist.
 */
export function refusalOf(httpStatus: number, body: ApiError | null): CarrierError {
  const code = body?.code ?? null;
  const mapped = code === null ? undefined : REFUSALS[code];
  const reason = body?.message ?? `HTTP ${httpStatus}`;
  const providerCode = code === null ? String(httpStatus) : String(code);
  if (httpStatus === 401 || httpStatus === 403) {
    return new CarrierError(`The provider refused the credentials (${providerCode}): ${reason}`, { code: 'carrier.rejected', retryable: false, providerCode });
  }
  return new CarrierError(`The provider refused the message (${providerCode}): ${reason}`, {
    code: mapped?.code ?? 'carrier.rejected', retryable: false, providerCode, field: mapped?.field,
  });
}

/** The reasons of the delivery errors carriers give most, as status callbacks carry them (`ErrorCode`). */
const DELIVERY_REASONS: Readonly<Record<string, string>> = {
  '30001': 'Queue overflow: the provider could not send it in time.',
  '30002': 'The account was suspended.',
  '30003': 'Unreachable destination handset.',
  '30004': 'Message blocked by the recipient or their carrier.',
  '30005': 'Unknown destination handset.',
  '30006': 'Landline or unreachable carrier.',
  '30007': 'Message filtered by the carrier.',
  '30008': 'Unknown error at the carrier.',
};

/** The `{ code, message }` of a report from a status callback's `ErrorCode`. */
export function deliveryError(errorCode: string): { code: string; message: string } {
  return { code: errorCode, message: DELIVERY_REASONS[errorCode] ?? `The provider reported error ${errorCode}.` };
}

/** The send could not be completed now: the provider was busy or down before it took the message. */
export function unavailable(reason: string, providerCode: string): CarrierError {
  return new CarrierError(`The provider could not take the message now: ${reason}`, { code: 'carrier.unavailable', retryable: true, providerCode });
}
