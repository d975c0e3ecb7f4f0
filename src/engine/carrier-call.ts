import type { MessageError } from '../model/index.js';
import type { OutboundSms } from '../ports/carrier.js';
import type { EngineContext } from './context.js';

/** How long the engine waits for a carrier to answer a send, unless `createLocalBackend` is told otherwise. */
export const DEFAULT_CARRIER_TIMEOUT_MS = 30_000;

/** The carrier's answer, which may still come after the time allowed for it ran out. */
export interface TimedOut {
  late: Promise<{ providerId: string }>;
}

/** What a late answer leads to: the message was accepted after all, or refused. Each runs in the background. */
export interface LateAnswer {
  accepted(providerId: string): Promise<unknown>;
  refused(error: unknown): Promise<unknown>;
}

/** The error a message held as `unknown` for want of the carrier's answer carries. */
export function timeoutError(ctx: EngineContext): MessageError {
  return {
    code: 'carrier.timeout',
    message: `The carrier did not answer within ${ctx.carrierTimeoutMs / 1000} s: the message may have gone. It is not sent again by itself.`,
  };
}

/**
 * Hands a message to the carrier and waits for its answer at most `ctx.carrierTimeoutMs` on the engine's clock:
 * resolves with the provider id, rejects with the carrier's error, or resolves `{ late }` when the time ran out (counted
 * in `stats().sendsTimedOut`). A send that timed out may have gone: the caller holds its message as `unknown`, never
 * sends it again by itself, and may still take the answer through `whenLate`.
 */
export function sendWithin(ctx: EngineContext, sms: OutboundSms): Promise<{ providerId: string } | TimedOut> {
  const answer = new Promise<{ providerId: string }>((resolve) => resolve(ctx.carrier.send(sms)));
  return new Promise((resolve, reject) => {
    const timer = ctx.clock.setTimeout(() => {
      ctx.counters.sendsTimedOut += 1;
      resolve({ late: answer });
    }, ctx.carrierTimeoutMs);
    answer.then(
      ({ providerId }) => {
        ctx.clock.clearTimeout(timer);
        resolve({ providerId });
      },
      (error: unknown) => {
        ctx.clock.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Takes the answer to a send that timed out if it ever comes, once the caller has held the message as `unknown`: an
 * engine closed by then does nothing more with it.
 */
export function whenLate(ctx: EngineContext, timedOut: TimedOut, late: LateAnswer): void {
  timedOut.late.then(
    ({ providerId }) => ctx.background(() => late.accepted(providerId)),
    (error: unknown) => ctx.background(() => late.refused(error)),
  );
}
