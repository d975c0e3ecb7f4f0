import type { Clock } from '../ports/carrier.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per sender, in segments per second, on the engine's clock. A rate of 0 means no limit. The bucket
 * holds one second's worth (or one message, if a message is bigger), so a sender never exceeds its rate over any
 * second.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {}

  /** Waits until `segments` may be sent by `sender` at `perSecond`, and takes them. */
  async take(sender: string, segments: number, perSecond: number): Promise<void> {
    if (perSecond <= 0) return;
    const capacity = Math.max(perSecond, segments);
    for (;;) {
      const now = this.clock.now();
      const bucket = this.buckets.get(sender) ?? { tokens: capacity, updatedAt: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) * perSecond) / 1000);
      bucket.updatedAt = now;
      this.buckets.set(sender, bucket);
      if (bucket.tokens >= segments) {
        bucket.tokens -= segments;
        return;
      }
      const waitMs = Math.ceil(((segments - bucket.tokens) * 1000) / perSecond);
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, waitMs));
    }
  }
}
