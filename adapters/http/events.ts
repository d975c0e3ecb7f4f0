import { createParser } from 'eventsource-parser';
import type { SmsEvent } from '../../src/model/index.js';
import { RestEvent } from '../../src/ports/rest-operations.js';

/** How an event stream reaches the server: one request, answered with the stream or refused. */
export type OpenStream = (lastEventId: number | undefined, signal: AbortSignal) => Promise<Response>;

export interface StreamOptions {
  /** The first wait before reconnecting, in ms; doubled after each failure in a row. */
  initialDelayMs: number;
  /** The longest wait between reconnections, in ms. */
  maxDelayMs: number;
  /** Called once, when the stream is first open or has first failed (calls made after `subscribe` wait for it). */
  settled(): void;
}

/** Statuses after which reconnecting cannot help: the request itself is refused. */
const PERMANENT = new Set([400, 401, 403, 404]);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Reads live events from the server's Server-Sent Events stream and hands each to `listener`, reconnecting when the
 * stream ends or fails (waits doubling up to `maxDelayMs`, with jitter) and resuming after the last event received
 * (`Last-Event-ID`). Stops for good on a refusal that reconnecting cannot mend (400, 401 after a new token, 403, 404).
 * Returns the function that stops it.
 */
export function followEvents(open: OpenStream, listener: (event: SmsEvent) => void, after: number | undefined, options: StreamOptions): () => void {
  const stop = new AbortController();
  let lastEventId = after;
  let settled = false;
  const settle = () => {
    if (!settled) {
      settled = true;
      options.settled();
    }
  };

  async function readOnce(): Promise<'ended' | 'refused'> {
    const response = await open(lastEventId, stop.signal);
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return PERMANENT.has(response.status) ? 'refused' : 'ended';
    }
    settle();
    const parser = createParser({
      onEvent(message) {
        const parsed = RestEvent.safeParse(JSON.parse(message.data));
        if (!parsed.success) return;
        lastEventId = parsed.data.id;
        try {
          listener(parsed.data as SmsEvent);
        } catch {
          // A listener's failure is its own: the stream goes on.
        }
      },
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    // Stopping cancels the body itself: the abort signal alone may not reach the connection once fetch has answered
    // (the signal fetch derives from ours can be garbage-collected), which would leave the stream open on the server.
    const cancel = () => void reader.cancel().catch(() => undefined);
    stop.signal.addEventListener('abort', cancel, { once: true });
    if (stop.signal.aborted) cancel();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        parser.feed(value);
      }
    } finally {
      stop.signal.removeEventListener('abort', cancel);
      reader.releaseLock();
    }
  }

  void (async () => {
    let failures = 0;
    while (!stop.signal.aborted) {
      const outcome = await readOnce().catch(() => 'ended' as const);
      settle();
      if (outcome === 'refused' || stop.signal.aborted) break;
      failures += 1;
      const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.min(failures - 1, 20));
      await sleep(ceiling / 2 + Math.random() * (ceiling / 2), stop.signal);
    }
  })();

  return () => stop.abort();
}
