import { parsePhone } from '../phone.js';

/** E.164 allows 15 digits; fewer than 8 is a short code, never an international number written without its +. */
const INTERNATIONAL_WITHOUT_PLUS = /^\d{8,15}$/;

/**
 * The address an inbound SMS was sent to, as organisations hold addresses: E.164 when it reads as an international
 * number, which carriers write spaced, with 00, or without the + (SMPP's destination address); else as written (a
 * short code). A number in national form is left as written: reading it needs a country, which is the organisation's.
 *
 * @example
 * inboundAddress('61480000001') // '+61480000001'
 * inboundAddress('+61 480 000 001') // '+61480000001'
 * inboundAddress('55123') // '55123'
 */
export function inboundAddress(to: string): string {
  for (const candidate of INTERNATIONAL_WITHOUT_PLUS.test(to) ? [to, `+${to}`] : [to]) {
    const parsed = parsePhone(candidate);
    if (parsed.ok) return parsed.e164;
  }
  return to;
}
