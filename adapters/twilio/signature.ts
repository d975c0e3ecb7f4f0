/**
 * The provider's webhook signature (`X-Twilio-Signature`), on WebCrypto (`crypto.subtle`) so that it runs on Node,
 * Deno, Bun, workers and browsers alike; hence async.
 */

export interface TwilioSignatureInput {
  /** The account's auth token: the HMAC key. */
  authToken: string;
  /** The full public URL the provider called, query string included, exactly as configured there. */
  url: string;
  /** The POST parameters (the form body); a name given several values has each distinct one signed, sorted. */
  params: Readonly<Record<string, string | readonly string[]>>;
  /** The `X-Twilio-Signature` header; missing or empty is never valid. */
  signature: string | null | undefined;
}

/** An HMAC-SHA1 signature is 20 bytes. */
const SIGNATURE_BYTES = 20;
const keys = new Map<string, Promise<CryptoKey>>();

/**
 * Whether `signature` is the provider's signature of this request: HMAC-SHA1, keyed with the auth token, over the URL
 * followed by each POST parameter's name and value, sorted by name (a repeated name's distinct values sorted too), base64.
 * Compared in constant time (WebCrypto's `verify`).
 *
 * @example
 * const valid = await verifyTwilioSignature({
 *   authToken, url: 'https://sms.example.com/v1/webhooks/twilio/inbound',
 *   params: Object.fromEntries(new URLSearchParams(body)), signature: request.headers.get('x-twilio-signature'),
 * });
 */
export async function verifyTwilioSignature(input: TwilioSignatureInput): Promise<boolean> {
  const given = decodeBase64(input.signature ?? '');
  if (given === null || given.length !== SIGNATURE_BYTES || input.authToken.length === 0) return false;
  const key = await hmacKey(input.authToken);
  return crypto.subtle.verify('HMAC', key, given, new TextEncoder().encode(signedText(input.url, input.params)));
}

/** The text the provider signs: the URL, then each parameter's name and value, by name. */
export function signedText(url: string, params: TwilioSignatureInput['params']): string {
  let text = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    if (typeof value === 'string') text += name + value;
    else for (const each of [...new Set(value)].sort()) text += name + each;
  }
  return text;
}

function hmacKey(authToken: string): Promise<CryptoKey> {
  let key = keys.get(authToken);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(authToken), { name: 'HMAC', hash: 'SHA-1' }, false, ['verify']);
    // One account has one token (two while it is rotated): a few keys at most are worth keeping.
    if (keys.size >= 8) keys.delete(keys.keys().next().value!);
    keys.set(authToken, key);
  }
  return key;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
