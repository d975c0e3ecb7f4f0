import { validateAlphaTag } from '../../src/alpha-tag.js';
import { CarrierError } from '../../src/errors/carrier-error.js';
import { isE164 } from '../../src/phone.js';
import type { CarrierCapabilities, OutboundSms } from '../../src/ports/carrier.js';
import type { CarrierConfig } from './options.js';
import type { Rng } from './rng.js';

/** What the carrier will do with one message, decided when it is sent. */
export type Outcome =
  | { kind: 'rejected'; error: CarrierError }
  | { kind: 'delivered' }
  | { kind: 'undelivered'; error: { code: string; message: string } };

/** An alpha tag sends one-way: nobody can answer it. */
export type SenderKind = 'number' | 'short-code' | 'alpha';

const SHORT_CODE = /^\d{3,8}$/;

/** The kind of a `from`, or null when it is none of them. */
export function senderKind(from: string): SenderKind | null {
  if (isE164(from)) return 'number';
  if (SHORT_CODE.test(from)) return 'short-code';
  return validateAlphaTag(from).ok && from.trim() === from ? 'alpha' : null;
}

/** Refusals any carrier makes, whatever the dice say: a bad number, an unsupported or invalid sender, no text. */
export function refusalOf(message: OutboundSms, capabilities: CarrierCapabilities): CarrierError | null {
  if (!isE164(message.to)) {
    return new CarrierError(`The recipient ${JSON.stringify(message.to)} is not a phone number in E.164 form.`, {
      providerCode: '21211', field: 'to', value: message.to,
    });
  }
  const kind = senderKind(message.from);
  if (kind === null) {
    return new CarrierError(`The sender ${JSON.stringify(message.from)} is neither a number, a short code nor an alpha tag.`, {
      providerCode: '21212', field: 'from', value: message.from,
    });
  }
  if (kind === 'alpha' && !capabilities.alphaTags) {
    return new CarrierError(`This carrier does not support alpha tag senders such as ${JSON.stringify(message.from)}.`, {
      providerCode: '21612', field: 'from', value: message.from,
    });
  }
  if (message.body.length === 0) return new CarrierError('The message has no text.', { providerCode: '21602', field: 'body' });
  return null;
}

const UNDELIVERED = [
  { code: '30003', message: 'Unreachable destination handset.' },
  { code: '30005', message: 'Unknown destination handset.' },
  { code: '30006', message: 'Landline or unreachable carrier.' },
] as const;

/** Draws the fate of one accepted-for-processing message: always three draws, so later draws stay aligned. */
export function drawOutcome(rng: Rng, config: CarrierConfig): Outcome {
  const refused = rng.next() < config.failureRate;
  const retryable = rng.next() < config.retryableShare;
  const delivered = rng.next() < config.deliveryRate;
  const reason = rng.pick(UNDELIVERED);
  if (refused) {
    return {
      kind: 'rejected',
      error: retryable
        ? new CarrierError('The carrier is busy: try again shortly.', { code: 'carrier.unavailable', providerCode: '20429' })
        : new CarrierError('The carrier filtered the message.', { code: 'carrier.rejected', providerCode: '30007' }),
    };
  }
  return delivered ? { kind: 'delivered' } : { kind: 'undelivered', error: { ...reason } };
}
