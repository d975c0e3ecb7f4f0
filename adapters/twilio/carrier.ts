import type { Carrier, CarrierSink, OutboundSms } from '../../src/ports/carrier.js';
import { postMessage } from './messages-api.js';
import { resolveOptions, type TwilioCarrierOptions, type TwilioConfig } from './options.js';
import { nextDelay, sleep } from './retry.js';
import { SendsInFlight } from './sends-in-flight.js';
import { createWebhooks, REF_PARAM, type TwilioWebhooks } from './webhooks.js';

/** A `Carrier` that sends through the provider's Messages API, and takes its webhooks. */
export interface TwilioCarrier extends Carrier {
  /** The inbound-message and status-callback handlers, for the REST server (or any server) to mount. */
  readonly webhooks: TwilioWebhooks;
}

/** An alpha tag: letters, digits, spaces and hyphens, at least one letter. Anything else is sent as a number. */
const ALPHA_TAG = /^(?=.*[A-Za-z])[A-Za-z0-9 -]{1,11}$/;

/**
 * A carrier on the provider's Messages resource (`POST /2010-04-01/Accounts/{sid}/Messages.json`, form-encoded, basic
 * auth), and its webhooks. Sends from the engine's number or alpha tag, or through a messaging service. A refusal
 * becomes a `CarrierError` (21610, the recipient unsubscribed, is `carrier.opted_out`: the engine blocklists the
 * number); 429 and 5xx answered before the provider took the message are retried with backoff, honouring
 * `Retry-After`; a request whose fate is unknown (no answer in time, a connection dropped after sending) is never
 * sent again, and its `send` settles only if a status callback names it, so the engine holds it as `unknown`.
 *
 * Uses only `fetch`, `Request`/`Response` and WebCrypto: it runs on Node, Deno, Bun and workers.
 *
 * @example
 * const carrier = createTwilioCarrier({
 *   accountSid: process.env.TWILIO_ACCOUNT_SID!, authToken: process.env.TWILIO_AUTH_TOKEN!,
 *   statusCallback: 'https://sms.example.com/v1/webhooks/twilio/status',
 *   webhookBaseUrl: 'https://sms.example.com',
 * });
 * const backend = createLocalBackend({ store, carrier });
 */
export function createTwilioCarrier(options: TwilioCarrierOptions): TwilioCarrier {
  const config = resolveOptions(options);
  const inFlight = new SendsInFlight();
  let connection: { sink: CarrierSink } | null = null;
  const webhooks = createWebhooks({ config, sink: () => connection?.sink ?? null, inFlight });

  return {
    capabilities: { ...config.capabilities },
    webhooks,

    async send(message) {
      const form = formOf(config, message);
      if (config.statusCallback === undefined) return sendForm(config, form, () => new Promise<never>(() => undefined));
      inFlight.begin(message.messageId);
      try {
        // Sending again could deliver it twice: wait for a status callback to name it, or forever.
        return await sendForm(config, form, () => inFlight.unknown(message.messageId));
      } finally {
        inFlight.end(message.messageId);
      }
    },

    connect(sink) {
      const mine = { sink };
      connection = mine;
      return () => {
        if (connection === mine) connection = null;
      };
    },
  };
}

/**
 * Posts the form until the provider takes it, refuses it, or its fate is unknown (then `unknown()` is the answer);
 * 429 and 5xx before it took the message are tried again after `Retry-After` or the backoff, within the retry budget.
 */
async function sendForm(config: TwilioConfig, form: URLSearchParams, unknown: () => Promise<{ providerId: string }>): Promise<{ providerId: string }> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    const result = await postMessage(config, form);
    if (result.kind === 'accepted') return { providerId: result.sid };
    if (result.kind === 'refused') throw result.error;
    if (result.kind === 'unknown') return unknown();
    const delay = nextDelay(config.retry, attempt, result.retryAfterMs, waited);
    if (delay === null) throw result.error;
    waited += delay;
    await sleep(config.clock, delay);
  }
}

/** The form of a create: To, Body, the sender, and the status callback that names the message. */
function formOf(config: TwilioConfig, message: OutboundSms): URLSearchParams {
  const form = new URLSearchParams({ To: message.to, Body: message.body });
  if (config.messagingServiceSid !== undefined) form.set('MessagingServiceSid', config.messagingServiceSid);
  if (config.from === 'message' || ALPHA_TAG.test(message.from)) form.set('From', message.from);
  if (config.statusCallback !== undefined) {
    const callback = new URL(config.statusCallback);
    callback.searchParams.set(REF_PARAM, message.messageId);
    if (config.callbackRetries > 0) callback.hash = `rc=${config.callbackRetries}&rp=5xx,ct,rt`;
    form.set('StatusCallback', callback.href);
  }
  return form;
}
