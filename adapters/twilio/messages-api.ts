import type { CarrierError } from '../../src/errors/carrier-error.js';
import { refusalOf, unavailable } from './errors.js';
import type { TwilioConfig } from './options.js';
import { ApiError, MessageResource } from './resources.js';
import { retryAfterMs } from './retry.js';

/** What one POST to the Messages resource came to. */
export type Attempt =
  /** The provider created the message. */
  | { kind: 'accepted'; sid: string }
  /** The provider refused it; the same request would fail again. */
  | { kind: 'refused'; error: CarrierError }
  /** The provider did not take it (429, 5xx, or no connection made): it may be sent again, after `retryAfterMs` if given. */
  | { kind: 'busy'; error: CarrierError; retryAfterMs: number | null }
  /** The request went and no usable answer came back: the message may exist. It must never be sent again. */
  | { kind: 'unknown'; reason: string };

/** Error codes (Node's, undici's) of a connection that was never made: the request cannot have reached the provider. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Creates one message: a form-encoded POST with basic auth, its answer parsed with zod. */
export async function postMessage(config: TwilioConfig, form: URLSearchParams): Promise<Attempt> {
  let response: Response;
  try {
    response = await config.fetch(config.messagesUrl, {
      method: 'POST',
      headers: { authorization: config.authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    const code = causeCode(error);
    if (code !== null && NOT_CONNECTED.has(code)) return { kind: 'busy', error: unavailable(`no connection (${code}).`, code), retryAfterMs: null };
    return { kind: 'unknown', reason: isTimeout(error) ? `no answer within ${config.timeoutMs} ms` : `the connection failed (${code ?? describe(error)})` };
  }
  const status = response.status;
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (status >= 200 && status < 300) return { kind: 'unknown', reason: `the answer broke off (${causeCode(error) ?? describe(error)})` };
    text = '';
  }
  if (status >= 200 && status < 300) {
    const resource = MessageResource.safeParse(parseJson(text));
    return resource.success ? { kind: 'accepted', sid: resource.data.sid } : { kind: 'unknown', reason: `HTTP ${status} without a message SID` };
  }
  const body = ApiError.safeParse(parseJson(text));
  const error = body.success ? body.data : null;
  // A gateway that timed out may have passed the request on: the message may exist.
  if (status === 504) return { kind: 'unknown', reason: 'HTTP 504 from a gateway' };
  if (status === 429 || status >= 500) {
    const providerCode = error?.code == null ? String(status) : String(error.code);
    return { kind: 'busy', error: unavailable(error?.message ?? `HTTP ${status}.`, providerCode), retryAfterMs: retryAfterMs(response.headers.get('retry-after'), config.clock.now()) };
  }
  return { kind: 'refused', error: refusalOf(status, error) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The `code` of an error or of its `cause` (fetch wraps the socket's error). */
function causeCode(error: unknown): string | null {
  for (let at = error, depth = 0; at && depth < 4; at = (at as { cause?: unknown }).cause, depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return null;
}

function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown })?.name === 'TimeoutError';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
