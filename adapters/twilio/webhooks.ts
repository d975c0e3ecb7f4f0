import type * as z from 'zod';
import type { CarrierReportStatus, CarrierSink, InboundSms, StatusReport } from '../../src/ports/carrier.js';
import { deliveryError } from './errors.js';
import type { TwilioConfig } from './options.js';
import { InboundWebhook, StatusWebhook } from './resources.js';
import { verifyTwilioSignature } from './signature.js';
import type { SendsInFlight } from './sends-in-flight.js';

/**
 * The provider's webhooks as framework-free handlers of web `Request`s, for any server to mount: the REST server
 * serves them at `POST /v1/webhooks/twilio/inbound` (configure it as the number's or the messaging service's
 * "A message comes in" URL) and `POST /v1/webhooks/twilio/status` (the `statusCallback`).
 */
export interface TwilioWebhooks {
  /** An inbound message: handed to the engine as an inbound SMS (its text; media are not read). */
  inbound(request: Request): Promise<Response>;
  /** A status callback: handed to the engine as a delivery report (`sent`, `delivered`, `undelivered`, `failed`). */
  status(request: Request): Promise<Response>;
}

/** The query parameter of the status callback URL that carries the engine's message id. */
export const REF_PARAM = 'ref';

/** What the provider's message statuses are to the engine; the others (`queued`, `sending`...) are not reported. */
const REPORTED: Readonly<Record<string, CarrierReportStatus>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

interface WebhookParts {
  config: TwilioConfig;
  /** The sink connected now, if any. */
  sink(): CarrierSink | null;
  inFlight: SendsInFlight;
}

/** Builds the two handlers over the carrier's connection to the engine. */
export function createWebhooks(parts: WebhookParts): TwilioWebhooks {
  const { config } = parts;

  /** Reads, verifies and parses a webhook; a Response when it is refused. */
  async function accept<S extends z.ZodType>(request: Request, schema: S): Promise<Response | { form: z.output<S>; url: URL }> {
    if (request.method !== 'POST') return answer(405, 'POST only.', { allow: 'POST' });
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? '')) {
      return answer(415, 'The body must be application/x-www-form-urlencoded.');
    }
    const text = await readBounded(request, config.maxWebhookBytes);
    if (text === null) return answer(413, `The body is larger than ${config.maxWebhookBytes} bytes.`);
    const params: Record<string, string[]> = {};
    for (const [name, value] of new URLSearchParams(text)) (params[name] ??= []).push(value);
    const url = publicUrl(config, request);
    const signature = request.headers.get('x-twilio-signature');
    if (config.authToken === undefined || !(await verifyTwilioSignature({ authToken: config.authToken, url: url.href, params, signature }))) {
      return answer(403, 'The X-Twilio-Signature does not match this request.');
    }
    const parsed = schema.safeParse(Object.fromEntries(Object.entries(params).map(([name, values]) => [name, values[0]])));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return answer(400, `Invalid ${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    if ((parsed.data as { AccountSid: string }).AccountSid !== config.accountSid) return answer(403, 'This webhook is for another account.');
    return { form: parsed.data, url };
  }

  /** Hands one item to the sink: 200 once it took it, 500 if it failed, 503 if none is connected or it took too long. */
  async function deliver(hand: (sink: CarrierSink) => Promise<void>): Promise<Response> {
    const sink = parts.sink();
    if (!sink) return answer(503, 'Not connected to the engine yet: send it again later.', { 'retry-after': '5' });
    let timer: unknown;
    const late = new Promise<'late'>((resolve) => (timer = config.clock.setTimeout(() => resolve('late'), config.webhookTimeoutMs)));
    try {
      const outcome = await Promise.race([hand(sink).then(() => 'done' as const), late]);
      if (outcome === 'late') return answer(503, 'The engine is busy: send it again later.', { 'retry-after': '5' });
      return new Response(EMPTY_TWIML, { status: 200, headers: { 'content-type': 'text/xml' } });
    } catch {
      return answer(500, 'The engine could not take it: send it again later.');
    } finally {
      config.clock.clearTimeout(timer);
    }
  }

  return {
    async inbound(request) {
      const accepted = await accept(request, InboundWebhook);
      if (accepted instanceof Response) return accepted;
      const { form } = accepted;
      const message: InboundSms = {
        providerId: form.MessageSid, from: form.From, to: form.To, body: form.Body, receivedAt: new Date(config.clock.now()).toISOString(),
      };
      return deliver((sink) => sink.inbound(message));
    },

    async status(request) {
      const accepted = await accept(request, StatusWebhook);
      if (accepted instanceof Response) return accepted;
      const { form, url } = accepted;
      const ref = url.searchParams.get(REF_PARAM);
      if (ref !== null) parts.inFlight.named(ref, form.MessageSid);
      const status = REPORTED[form.MessageStatus];
      if (status === undefined) return new Response(EMPTY_TWIML, { status: 200, headers: { 'content-type': 'text/xml' } });
      const report: StatusReport = { providerId: form.MessageSid, status, at: new Date(config.clock.now()).toISOString() };
      if (form.ErrorCode) report.error = deliveryError(form.ErrorCode);
      else if (form.MessageStatus === 'canceled') report.error = { code: 'canceled', message: 'The message was canceled at the provider before it went.' };
      return deliver((sink) => sink.status(report));
    },
  };
}

/** The URL the provider called and signed: `webhookBaseUrl` with the request's path and query, or the request's URL. */
function publicUrl(config: TwilioConfig, request: Request): URL {
  const url = new URL(request.url);
  if (config.webhookBaseUrl === undefined) return url;
  return new URL(config.webhookBaseUrl.replace(/\/+$/, '') + url.pathname + url.search);
}

/** The body as text, or null when it is larger than `max` bytes (it is not read further). */
async function readBounded(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, (offset += chunk.byteLength) - chunk.byteLength);
  return new TextDecoder().decode(bytes);
}

function answer(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}
