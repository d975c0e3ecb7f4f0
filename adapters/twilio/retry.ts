import type { Clock } from '../../src/ports/carrier.js';
import type { TwilioConfig } from './options.js';

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date (RFC 9110). Null when absent or
 * unreadable; never negative.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** How long to wait before request number `attempt + 1` (0-based), or null when the retries are spent. */
export function nextDelay(retry: TwilioConfig['retry'], attempt: number, asked: number | null, waited: number): number | null {
  if (attempt + 1 >= retry.attempts) return null;
  if (asked !== null && asked > retry.maxDelayMs) return null;
  const delay = asked ?? Math.min(retry.baseDelayMs * 2 ** attempt, retry.maxDelayMs);
  return waited + delay <= retry.totalMs ? delay : null;
}

/** Resolves after `ms` on the clock. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}
