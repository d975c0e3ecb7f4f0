/**
 * pbx-sms/adapters/twilio: a carrier on the Twilio Messages API (and the providers that copy it), with its signed
 * webhooks as framework-free handlers.
 * @packageDocumentation
 */
export { createTwilioCarrier } from './carrier.js';
export type { TwilioCarrier } from './carrier.js';
export { DEFAULT_TWILIO_BASE_URL } from './options.js';
export type { TwilioCarrierOptions, TwilioRetryOptions } from './options.js';
export { verifyTwilioSignature } from './signature.js';
export type { TwilioSignatureInput } from './signature.js';
export type { TwilioWebhooks } from './webhooks.js';
