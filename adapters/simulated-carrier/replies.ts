import type { OutboundSms } from '../../src/ports/carrier.js';
import type { CarrierConfig } from './options.js';
import type { Rng } from './rng.js';

/**
 * The handsets' side: who answers a delivered message, and with what. A handset answers a given sender at most once
 * (so an auto-reply to STOP does not start an endless exchange), and nobody can answer an alpha tag.
 */
export class Handsets {
  private readonly answered = new Set<string>();

  constructor(private readonly replies: CarrierConfig['replies']) {}

  /** The answer to a delivered message, or null. Draws from `rng` last, so the other draws do not depend on it. */
  answer(rng: Rng, message: OutboundSms, oneWay: boolean): string | null {
    const replies = this.replies;
    if (!replies || !rng.chance(replies.rate) || oneWay) return null;
    const pair = `${message.to}\u0000${message.from}`;
    if (this.answered.has(pair)) return null;
    const body = typeof replies.bodies === 'function' ? replies.bodies(message.to, message.body, rng) : pickBody(rng, replies.bodies);
    if (body === null || body === '') return null;
    this.answered.add(pair);
    return body;
  }
}

function pickBody(rng: Rng, bodies: readonly string[]): string | null {
  return bodies.length === 0 ? null : rng.pick(bodies);
}
