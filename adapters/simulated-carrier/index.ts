/**
 * pbx-sms/adapters/simulated-carrier: a seeded, deterministic stand-in for an SMS carrier and for e-mail, for tests,
 * benchmarks, the demo and Storybook.
 * @packageDocumentation
 */
export { createSimulatedCarrier } from './carrier.js';
export type { InjectedSms, SimulatedCarrier, SimulatedCarrierStats, SimulatedSend } from './carrier.js';
export type { Delay, SimulatedCarrierOptions, SimulatedReplies, SimulatedReports } from './options.js';
export { createSimulatedNotifier } from './notifier.js';
export type { SentEmail, SimulatedNotifier, SimulatedNotifierOptions } from './notifier.js';
export { createRng } from './rng.js';
export type { Rng } from './rng.js';
