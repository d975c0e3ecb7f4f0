import { systemClock } from '../../src/engine/clock.js';
import type { CarrierError } from '../../src/errors/carrier-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Carrier, CarrierSink, InboundSms, OutboundSms, StatusReport } from '../../src/ports/carrier.js';
import { Delivery } from './delivery.js';
import { drawDelay, resolveOptions, type SimulatedCarrierOptions } from './options.js';
import { drawOutcome, refusalOf, senderKind } from './outcomes.js';
import { Handsets } from './replies.js';
import { createRng, hash32, type Rng } from './rng.js';

/** One call to `send`, as the simulated carrier saw and decided it. */
export interface SimulatedSend {
  message: OutboundSms;
  /** Null when the send was refused. */
  providerId: string | null;
  outcome: 'delivered' | 'undelivered' | 'rejected';
  /** The refusal, or the reason given in the `undelivered` report; null when delivered. */
  error: CarrierError | { code: string; message: string } | null;
  /** What the recipient answers, if they do. */
  reply: string | null;
  /** When `send` was called (ISO). */
  at: string;
}

/** What the carrier did so far. Decisions count at send time; `reports` and `inbound` count hand-overs to a sink. */
export interface SimulatedCarrierStats {
  /** Sends answered with a provider id (or about to be, after the latency). */
  accepted: number;
  /** Sends refused with a `CarrierError`. */
  rejected: number;
  /** Accepted messages that will be reported delivered / undelivered. */
  delivered: number;
  undelivered: number;
  /** Messages whose final report will arrive twice / whose `sent` report will arrive last. */
  duplicates: number;
  outOfOrder: number;
  /** Answers the handsets will send. */
  replies: number;
  /** Messages given to `inject`. */
  injected: number;
  /** Status reports and inbound messages handed to a sink, and how many of those calls threw. */
  reports: number;
  inbound: number;
  sinkErrors: number;
  /** Reports, answers and inbound messages not handed over yet (scheduled, or held for want of a sink). */
  pending: number;
}

/** An SMS from a handset, as a test makes one up; the carrier fills in the provider id and the time. */
export interface InjectedSms {
  from: string;
  to: string;
  body: string;
  providerId?: string;
  receivedAt?: string;
}

/** A `Carrier` with hooks for tests and demos. */
export interface SimulatedCarrier extends Carrier {
  /** Simulates an SMS from a handset (a STOP, a keyword to the short code), handed to the sink before this resolves. */
  inject(message: InjectedSms): Promise<InboundSms>;
  /** Every send, in order (empty when `log: false`). */
  readonly sent: readonly SimulatedSend[];
  /**
   * Runs everything the carrier has scheduled (answers to sends, reports, replies) at once, ahead of time and without
   * moving the clock, and resolves once the sink has handled it all. What waits for a sink stays held.
   */
  flush(): Promise<void>;
  /** A snapshot of the counters. */
  readonly stats: SimulatedCarrierStats;
}

/**
 * A carrier that sends nothing: it answers, reports and replies as a real one would, from a seeded random source,
 * on the clock it is given. For tests, benchmarks, the demo and Storybook.
 *
 * @example
 * const carrier = createSimulatedCarrier({
 *   seed: 7, latencyMs: [50, 300], deliveryRate: 0.97, failureRate: 0.01,
 *   replies: { rate: 0.05, bodies: ['STOP'], delayMs: [2000, 60000] },
 * });
 * const backend = createLocalBackend({ store: createMemoryStore(), carrier });
 */
export function createSimulatedCarrier(options: SimulatedCarrierOptions = {}): SimulatedCarrier {
  const config = resolveOptions(options);
  const clock = options.clock ?? systemClock;
  const seed = typeof options.seed === 'string' ? hash32(options.seed) : (options.seed ?? 1) >>> 0;
  const dice = createRng(seed);
  const delivery = new Delivery(clock);
  const handsets = new Handsets(config.replies);
  const keepLog = options.log ?? true;
  const sent: SimulatedSend[] = [];
  const counts = { accepted: 0, rejected: 0, delivered: 0, undelivered: 0, duplicates: 0, outOfOrder: 0, replies: 0, injected: 0 };
  let nextSend = 0;
  let nextInbound = 0;

  // Times repeat from one message to the next (same ms), so the last one formatted is kept.
  let lastMs = Number.NaN;
  let lastIso = '';
  const iso = (ms: number): string => (ms === lastMs ? lastIso : ((lastMs = ms), (lastIso = new Date(ms).toISOString())));
  const status = (due: number, report: StatusReport) => delivery.schedule(due, { kind: 'status', report });

  function accept(message: OutboundSms, rng: Rng, outcome: 'delivered' | 'undelivered',
    error: { code: string; message: string } | undefined, answeredAt: number): { providerId: string; reply: string | null } {
    const providerId = id('SM', nextSend, message.messageId);
    const finalAt = answeredAt + drawDelay(rng, config.delivery);
    const late = config.lateMs;
    const outOfOrder = rng.chance(config.outOfOrder);
    const duplicate = rng.chance(config.duplicates);
    const replyDelay = config.replies ? drawDelay(rng, config.replies.delay) : 0;
    const reply = outcome === 'delivered' ? handsets.answer(rng, message, senderKind(message.from) === 'alpha') : null;
    const final: StatusReport = error ? { providerId, status: outcome, error, at: iso(finalAt) } : { providerId, status: outcome, at: iso(finalAt) };
    status(outOfOrder ? finalAt + late : answeredAt, { providerId, status: 'sent', at: iso(answeredAt) });
    status(finalAt, final);
    if (duplicate) status(finalAt + late, { ...final });
    if (reply !== null) {
      const at = finalAt + replyDelay;
      const inbound: InboundSms = { providerId: id('MM', nextSend, message.messageId), from: message.to, to: message.from, body: reply, receivedAt: iso(at) };
      delivery.schedule(at, { kind: 'inbound', message: inbound });
    }
    counts.accepted++;
    counts[outcome]++;
    if (outOfOrder) counts.outOfOrder++;
    if (duplicate) counts.duplicates++;
    if (reply !== null) counts.replies++;
    return { providerId, reply };
  }

  function id(prefix: string, sequence: number, messageId: string): string {
    return `${prefix}${hex(sequence)}${hex(hash32(seed, messageId))}`;
  }

  return {
    capabilities: Object.freeze({ ...config.capabilities }),

    send(message) {
      const now = clock.now();
      nextSend++;
      const rng = createRng(dice.uint32());
      const latency = drawDelay(rng, config.latency);
      const outcome = drawOutcome(rng, config);
      const refusal = refusalOf(message, config.capabilities) ?? (outcome.kind === 'rejected' ? outcome.error : null);
      const answer: { result: { providerId: string } | null } = { result: null };
      // The answer is queued before the reports it precedes, so that at equal times it comes first.
      const later = latency === 0 ? null : new Promise<{ providerId: string }>((resolve, reject) => {
        delivery.schedule(now + latency, { kind: 'answer', run: () => (answer.result ? resolve(answer.result) : reject(refusal)) });
      });
      let reply: string | null = null;
      if (refusal) {
        counts.rejected++;
      } else if (outcome.kind !== 'rejected') {
        const accepted = accept(message, rng, outcome.kind, outcome.kind === 'undelivered' ? outcome.error : undefined, now + latency);
        answer.result = { providerId: accepted.providerId };
        reply = accepted.reply;
      }
      if (keepLog) {
        sent.push({
          message: { ...message },
          providerId: answer.result?.providerId ?? null,
          outcome: answer.result ? (outcome.kind as 'delivered' | 'undelivered') : 'rejected',
          error: refusal ?? (outcome.kind === 'undelivered' ? outcome.error : null),
          reply,
          at: iso(now),
        });
      }
      if (later) return later;
      return answer.result ? Promise.resolve(answer.result) : Promise.reject(refusal);
    },

    connect(sink: CarrierSink) {
      return delivery.connect(sink);
    },

    async inject(input) {
      for (const field of ['from', 'to', 'body'] as const) {
        if (typeof input[field] !== 'string' || input[field] === '') {
          throw new ValidationError(`An injected SMS needs a non-empty ${field}.`, { field, value: input[field] });
        }
      }
      counts.injected++;
      const message: InboundSms = {
        providerId: input.providerId ?? `MM${hex(nextInbound++)}${hex(hash32(seed, 'inject', input.from, input.body))}`,
        from: input.from,
        to: input.to,
        body: input.body,
        receivedAt: input.receivedAt ?? iso(clock.now()),
      };
      await delivery.deliverNow({ kind: 'inbound', message });
      return message;
    },

    sent,

    flush: () => delivery.flush(),

    get stats(): SimulatedCarrierStats {
      return { ...counts, ...delivery.counts, pending: delivery.pending };
    },
  };
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}
