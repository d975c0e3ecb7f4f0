import * as z from 'zod';
import { CARRIER_REPORT_STATUSES } from '../ports/carrier.js';

/** The longest provider id taken from a carrier: longer ones, like empty ones, are refused. */
export const PROVIDER_ID_MAX_LENGTH = 256;
/** An inbound SMS's `from` and `to` (E.164, a short code or an alpha tag) are refused beyond this many characters. */
export const CARRIER_ADDRESS_MAX_LENGTH = 40;
/** An inbound SMS's body is cut to this many characters (a 10-part message fits). */
export const INBOUND_BODY_MAX_LENGTH = 1600;
/** A report's error code is cut to this many characters, and its message to ERROR_MESSAGE_MAX_LENGTH. */
export const ERROR_CODE_MAX_LENGTH = 64;
export const ERROR_MESSAGE_MAX_LENGTH = 500;
/** A timestamp (`at`, `receivedAt`) longer than this is refused. */
const TIME_MAX_LENGTH = 64;

/** A string cut to `max` characters (never in the middle of a surrogate pair). */
function cut(max: number) {
  return z.string().transform((text) => {
    if (text.length <= max) return text;
    const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
    return text.slice(0, end);
  });
}

/** The id a carrier gives a message: a non-empty string of at most PROVIDER_ID_MAX_LENGTH characters. */
export const ProviderId = z.string().min(1).max(PROVIDER_ID_MAX_LENGTH);
export type ProviderId = z.infer<typeof ProviderId>;

/**
 * A delivery report as the engine takes it from a carrier's sink. A report without a usable provider id (missing,
 * null, empty, not a string, too long), with a status that is not a carrier's, with an `error` that is not an object
 * of two strings, or without `at` is refused; a long error code or message is cut. `error: null` means no error.
 */
export const StatusReport = z.object({
  providerId: ProviderId,
  status: z.enum(CARRIER_REPORT_STATUSES),
  error: z.preprocess(
    (error) => error ?? undefined,
    z.object({ code: cut(ERROR_CODE_MAX_LENGTH), message: cut(ERROR_MESSAGE_MAX_LENGTH) }).optional(),
  ),
  at: z.string().max(TIME_MAX_LENGTH),
});
export type StatusReport = z.infer<typeof StatusReport>;

/**
 * An inbound SMS as the engine takes it from a carrier's sink: refused without a usable provider id, or with a `from`
 * or `to` that is empty or longer than CARRIER_ADDRESS_MAX_LENGTH; its body is cut to INBOUND_BODY_MAX_LENGTH.
 */
export const InboundSms = z.object({
  providerId: ProviderId,
  from: z.string().min(1).max(CARRIER_ADDRESS_MAX_LENGTH),
  to: z.string().min(1).max(CARRIER_ADDRESS_MAX_LENGTH),
  body: cut(INBOUND_BODY_MAX_LENGTH),
  receivedAt: z.string().max(TIME_MAX_LENGTH),
});
export type InboundSms = z.infer<typeof InboundSms>;
