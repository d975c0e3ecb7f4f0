/**
 * pbx-sms: the framework-agnostic SDK. Pure SMS rules, the domain model, the client and the local engine.
 * Components live in `pbx-sms/components`, adapters in `pbx-sms/adapters/*`.
 * @packageDocumentation
 */

// --- errors ---
export { SmsError, isSmsError } from './errors/sms-error.js';

// --- segments and encoding ---
export { countSegments, gsmSeptets, isGsmCodeUnit, SEGMENT_LIMITS, SMS_ENCODINGS } from './segments.js';
export type { SegmentCount, SmsEncoding } from './segments.js';
export { toGsmSafe, gsmLookAlike } from './gsm-safe.js';
export type { GsmReplacement, GsmSafeResult } from './gsm-safe.js';

// --- phone numbers and recipients ---

// --- keywords, alpha tags, templates, cost ---

// --- model, ports, client, engine ---
