/**
 * Cost estimates in integer minor units (cents, pence...): no floating-point money anywhere. Carriers bill each
 * recipient per segment; some plans bill per message whatever its length (`per: 'message'`).
 */
import { ValidationError } from './errors/validation-error.js';
import { countSegments, type SmsEncoding } from './segments.js';

export const COST_BASES = ['segment', 'message'] as const;
/** What one `rate` pays for: one segment (part) to one recipient, or one whole message to one recipient. */
export type CostBasis = (typeof COST_BASES)[number];

export interface EstimateCostInput {
  /** The message as it will be sent (merge fields already filled in). */
  body: string;
  /** How many recipients receive it: a non-negative integer. */
  recipients: number;
  /**
   * The price of one segment (or message, with `per: 'message'`) in minor units of the currency, as a
   * non-negative safe integer; with `rateDecimals`, in fractions of a minor unit.
   */
  rate: number;
  /**
   * What `rate` pays for.
   * @default 'segment'
   */
  per?: CostBasis;
  /**
   * Decimal places of a minor unit that `rate` carries, for sub-cent rates: `rate: 79, rateDecimals: 2` is
   * 0.79 cents a segment. The total is rounded up to a whole minor unit (an estimate never falls short).
   * @default 0
   */
  rateDecimals?: number;
  /**
   * ISO 4217 code of the currency, passed through to the result for display.
   * @default undefined
   */
  currency?: string;
}

export interface CostEstimate {
  encoding: SmsEncoding;
  /** Segments one message needs (0 for an empty body). */
  segmentsPerMessage: number;
  /** Messages sent: one per recipient. */
  messages: number;
  /** Segments billed across all recipients. */
  totalSegments: number;
  /** Total cost in whole minor units of the currency. */
  cost: number;
  currency?: string;
}

const CURRENCY = /^[A-Z]{3}$/;
const MAX_RATE_DECIMALS = 6;

/**
 * Estimates what sending a message to some recipients costs, in integer minor units. Throws `ValidationError`
 * (with `field`) for a rate or recipient count that is not a non-negative safe integer, a bad `per`,
 * `rateDecimals` or `currency`, or a total beyond `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * estimateCost({ body: 'Hello', recipients: 1000, rate: 5, currency: 'EUR' })
 * // { encoding: 'GSM-7', segmentsPerMessage: 1, messages: 1000, totalSegments: 1000, cost: 5000, currency: 'EUR' }
 * estimateCost({ body: 'x'.repeat(200), recipients: 10, rate: 79, rateDecimals: 2 }) // 2 segments × 10 × 0.79 → cost 16
 * estimateCost({ body: 'x'.repeat(200), recipients: 10, rate: 7, per: 'message' }) // cost 70
 */
export function estimateCost(input: EstimateCostInput): CostEstimate {
  const { body, recipients, rate, per = 'segment', rateDecimals = 0, currency } = input;
  if (typeof body !== 'string') throw invalid('body', 'The message body must be text.', body);
  if (!isCount(recipients)) throw invalid('recipients', 'The number of recipients must be a whole number of 0 or more.', recipients);
  if (!isCount(rate)) throw invalid('rate', 'The rate must be a whole number of minor units (such as cents), 0 or more.', rate);
  if (!COST_BASES.includes(per)) throw invalid('per', `Charge per 'segment' or per 'message', not ${JSON.stringify(per)}.`, per);
  if (!Number.isInteger(rateDecimals) || rateDecimals < 0 || rateDecimals > MAX_RATE_DECIMALS) {
    throw invalid('rateDecimals', `The rate's decimal places must be a whole number from 0 to ${MAX_RATE_DECIMALS}.`, rateDecimals);
  }
  if (currency !== undefined && !CURRENCY.test(currency)) {
    throw invalid('currency', 'The currency must be a three-letter ISO 4217 code such as USD.', currency);
  }

  const { encoding, segments } = countSegments(body);
  const totalSegments = segments * recipients;
  const billed = per === 'segment' ? totalSegments : segments === 0 ? 0 : recipients;
  const scale = 10n ** BigInt(rateDecimals);
  const cost = (BigInt(rate) * BigInt(billed) + scale - 1n) / scale;
  if (!Number.isSafeInteger(totalSegments) || cost > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid('recipients', 'The estimate is too large to count exactly.', recipients);
  }
  const estimate: CostEstimate = { encoding, segmentsPerMessage: segments, messages: recipients, totalSegments, cost: Number(cost) };
  if (currency !== undefined) estimate.currency = currency;
  return estimate;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function invalid(field: string, message: string, value: unknown): ValidationError {
  return new ValidationError(message, { field, value, issues: [{ path: [field], message }] });
}
