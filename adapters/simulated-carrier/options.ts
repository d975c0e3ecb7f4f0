import { ValidationError } from '../../src/errors/validation-error.js';
import type { CarrierCapabilities, Clock } from '../../src/ports/carrier.js';
import type { Rng } from './rng.js';

/** A delay in ms: a fixed one, or a range [min, max] drawn from uniformly per message. */
export type Delay = number | readonly [min: number, max: number];

/** Who answers, what, and when. */
export interface SimulatedReplies {
  /** The share of delivered messages (0..1) whose recipient answers. */
  rate: number;
  /**
   * What they answer: one of these bodies, or what this function returns (null: no answer).
   * @default ['STOP']
   */
  bodies?: readonly string[] | ((to: string, body: string, rng: Rng) => string | null);
  /**
   * How long after delivery the answer arrives.
   * @default 1000
   */
  delayMs?: Delay;
}

/** How delivery reports misbehave, as real ones do. */
export interface SimulatedReports {
  /**
   * The share of accepted messages (0..1) whose final report arrives twice.
   * @default 0
   */
  duplicates?: number;
  /**
   * The share of accepted messages (0..1) whose `sent` report arrives after the final one.
   * @default 0
   */
  outOfOrder?: number;
  /**
   * How much later than the report it follows a duplicate or out-of-order report arrives.
   * @default 1000
   */
  lateMs?: number;
  /**
   * How long after `sent` the final report (`delivered` or `undelivered`) comes.
   * @default the latency
   */
  deliveryMs?: Delay;
}

export interface SimulatedCarrierOptions {
  /**
   * The same seed and the same sends (in the same order) give the same provider ids, outcomes and replies.
   * @default 1
   */
  seed?: number | string;
  /**
   * How long `send` takes to answer. 0 answers at once (no timer per message): fast enough for benchmarks.
   * @default 0
   */
  latencyMs?: Delay;
  /**
   * The share (0..1) of accepted messages that are delivered; the rest are reported undelivered.
   * @default 1
   */
  deliveryRate?: number;
  /**
   * The share (0..1) of sends refused at send time with a `CarrierError`.
   * @default 0
   */
  failureRate?: number;
  /**
   * The share (0..1) of those refusals that are `carrier.unavailable` (retryable); the rest are `carrier.rejected`.
   * @default 0.5
   */
  retryableShare?: number;
  /** Recipients who answer. A handset answers a given sender at most once, and never an alpha tag (one-way). */
  replies?: SimulatedReplies;
  reports?: SimulatedReports;
  /**
   * What the carrier supports.
   * @default { alphaTags: true, segmentsPerSecondPerSender: 0 }
   */
  capabilities?: Partial<CarrierCapabilities>;
  /**
   * The clock latencies and delays run on; pass a manual clock in tests.
   * @default systemClock
   */
  clock?: Clock;
  /**
   * Whether to keep every send in `sent`. Turn off for long runs where that memory would count.
   * @default true
   */
  log?: boolean;
}

/** Options with every default applied and every value checked. */
export interface CarrierConfig {
  latency: Delay;
  deliveryRate: number;
  failureRate: number;
  retryableShare: number;
  replies: { rate: number; bodies: NonNullable<SimulatedReplies['bodies']>; delay: Delay } | null;
  duplicates: number;
  outOfOrder: number;
  lateMs: number;
  delivery: Delay;
  capabilities: CarrierCapabilities;
}

/** Applies the defaults and refuses out-of-range values with a `ValidationError` naming the option. */
export function resolveOptions(options: SimulatedCarrierOptions): CarrierConfig {
  const latency = delay('latencyMs', options.latencyMs ?? 0);
  const reports = options.reports ?? {};
  const replies = options.replies;
  const perSecond = options.capabilities?.segmentsPerSecondPerSender ?? 0;
  if (!(perSecond >= 0 && Number.isFinite(perSecond))) invalid('capabilities.segmentsPerSecondPerSender', perSecond, 'a number of 0 or more');
  return {
    latency,
    deliveryRate: rate('deliveryRate', options.deliveryRate ?? 1),
    failureRate: rate('failureRate', options.failureRate ?? 0),
    retryableShare: rate('retryableShare', options.retryableShare ?? 0.5),
    replies: replies
      ? { rate: rate('replies.rate', replies.rate), bodies: replies.bodies ?? ['STOP'], delay: delay('replies.delayMs', replies.delayMs ?? 1000) }
      : null,
    duplicates: rate('reports.duplicates', reports.duplicates ?? 0),
    outOfOrder: rate('reports.outOfOrder', reports.outOfOrder ?? 0),
    lateMs: delay('reports.lateMs', reports.lateMs ?? 1000) as number,
    delivery: delay('reports.deliveryMs', reports.deliveryMs ?? latency),
    capabilities: { alphaTags: options.capabilities?.alphaTags ?? true, segmentsPerSecondPerSender: perSecond },
  };
}

/** A delay drawn for one message. */
export function drawDelay(rng: Rng, value: Delay): number {
  return typeof value === 'number' ? value : rng.between(value[0], value[1]);
}

function rate(field: string, value: number): number {
  if (!(value >= 0 && value <= 1)) invalid(field, value, 'a share between 0 and 1');
  return value;
}

function delay(field: string, value: Delay): Delay {
  const ok = (ms: number) => Number.isFinite(ms) && ms >= 0;
  if (typeof value === 'number' ? !ok(value) : !(ok(value[0]) && ok(value[1]) && value[0] <= value[1])) {
    invalid(field, value, 'a number of ms of 0 or more, or a range [min, max]');
  }
  return value;
}

function invalid(field: string, value: unknown, expected: string): never {
  throw new ValidationError(`The simulated carrier's ${field} must be ${expected}.`, { field, value });
}
