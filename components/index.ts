/**
 * pbx-sms/components: the Lit elements, their event classes and the translation API. Importing this module
 * registers every `<sms-*>` element; import `pbx-sms/components/sms-NAME` instead to register one alone.
 * @packageDocumentation
 */
import './define.js';

// --- elements ---
export { SmsProvider } from './provider/provider.js';
export { SmsSegmentCounter } from './segment-counter/segment-counter.js';

// --- events ---
export * from './events/index.js';

// --- localisation ---
export { registerTranslation } from './internal/localize.js';
export type { PluralTerm, SmsTranslation, Term, TermFunction } from './internal/localize.js';
export type { SegmentCounterTerms } from './segment-counter/segment-counter.terms.js';
