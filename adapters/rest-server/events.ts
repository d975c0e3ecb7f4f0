import * as z from 'zod';
import { parseInput } from '../../src/engine/validate.js';
import type { Principal, SmsEvent } from '../../src/model/index.js';
import type { SmsBackend } from '../../src/ports/backend.js';
import { httpProblem, type ProblemAnswer } from './problems.js';

/** An event id to resume after (`Last-Event-ID`, or `?after=` for clients that cannot set headers). */
const EventId = z.string().regex(/^\d{1,15}$/, 'An event id is a whole number').transform(Number);

/** One open event stream, as the server tracks it. */
interface Stream {
  close(): void;
}

export interface EventStreamsOptions {
  heartbeatMs: number;
  streamsPerUser: number;
}

/** How long a client refused for too many streams is asked to wait before trying again, in seconds. */
const RETRY_AFTER_SECONDS = 5;

/** How long a client waits before reconnecting after the stream ends (SSE `retry:`), in ms. */
const RECONNECT_MS = 1000;

const encoder = new TextEncoder();

/**
 * The live event streams of one server: Server-Sent Events of what each principal may see, `id:` the event id,
 * resumable with `Last-Event-ID`, a heartbeat comment on idle streams, a cap on streams per user, all ended by
 * `closeAll()`.
 */
export function createEventStreams(options: EventStreamsOptions) {
  const open = new Set<Stream>();
  const perUser = new Map<string, number>();

  function release(key: string): void {
    const count = (perUser.get(key) ?? 1) - 1;
    if (count <= 0) perUser.delete(key);
    else perUser.set(key, count);
  }

  /** The SSE answer for `principal`, or the problem refusing it. */
  function respond(backend: SmsBackend, principal: Principal, resume: string | undefined): Response | ProblemAnswer {
    const after = resume === undefined ? undefined : parseInput(EventId, resume, 'Last-Event-ID');
    const key = `${principal.organisationId ?? ''}\u0000${principal.userId}`;
    if ((perUser.get(key) ?? 0) >= options.streamsPerUser) {
      return httpProblem(429, 'events.too_many_streams', `At most ${options.streamsPerUser} event streams per user are open at once.`, {}, { 'retry-after': String(RETRY_AFTER_SECONDS) });
    }

    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let closed = false;
    let unsubscribe: () => void = () => undefined;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    const write = (text: string) => {
      if (!closed) controller.enqueue(encoder.encode(text));
    };
    const stream: Stream = {
      close() {
        if (closed) return;
        end();
        controller.close();
      },
    };
    const end = () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(stream);
      release(key);
    };
    const body = new ReadableStream<Uint8Array>({
      start: (given) => {
        controller = given;
      },
      cancel: end,
    });
    open.add(stream);
    perUser.set(key, (perUser.get(key) ?? 0) + 1);
    try {
      unsubscribe = backend.subscribe(principal, (event: SmsEvent) => {
        // JSON holds no raw line break, so an event cannot end its SSE frame early.
        write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      }, after === undefined ? {} : { after });
    } catch (error) {
      end();
      throw error;
    }
    heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
    write(`retry: ${RECONNECT_MS}\n\n`);
    return new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-store', 'x-accel-buffering': 'no' },
    });
  }

  return {
    respond,
    /** Ends every open stream (their clients see the end of the stream). */
    closeAll(): void {
      for (const stream of [...open]) stream.close();
    },
    /** How many streams are open. */
    get size(): number {
      return open.size;
    },
  };
}

export type EventStreams = ReturnType<typeof createEventStreams>;
