import type { SmsEncoding } from '../segments.js';

/**
 * What a carrier delivers to its sink, as zod schemas in `src/model/carrier.ts`: `InboundSms`, a message a carrier
 * received for one of our numbers (or the short code); `StatusReport`, a delivery report. Reports can arrive late,
 * twice, or out of order: the engine only moves status forward. The engine parses both at the sink and drops (and
 * counts) what does not fit, whatever a carrier sends.
 */
export type { InboundSms, StatusReport } from '../model/carrier.js';
import type { InboundSms, StatusReport } from '../model/carrier.js';

/** What the engine hands a carrier to send. `from` is E.164 or an alpha tag. */
export interface OutboundSms {
  /** The engine's message id, for the carrier's correlation and idempotency. */
  messageId: string;
  from: string;
  to: string;
  body: string;
  encoding: SmsEncoding;
  segments: number;
}

export const CARRIER_REPORT_STATUSES = ['sent', 'delivered', 'undelivered', 'failed'] as const;
export type CarrierReportStatus = (typeof CARRIER_REPORT_STATUSES)[number];

export interface CarrierCapabilities {
  /** Whether alphanumeric sender ids are supported. */
  alphaTags: boolean;
  /** Throughput each sender (number or tag) may use, in segments per second; 0 means no limit. */
  segmentsPerSecondPerSender: number;
}

/** Where a carrier delivers inbound messages and status reports. */
export interface CarrierSink {
  inbound(message: InboundSms): Promise<void>;
  status(report: StatusReport): Promise<void>;
}

/**
 * The Carrier port: sends SMS and reports back. `send` resolves with the provider's id once the carrier has
 * accepted the message, or rejects with a `CarrierError` (`retryable` says whether trying again may help).
 */
export interface Carrier {
  readonly capabilities: CarrierCapabilities;
  send(message: OutboundSms): Promise<{ providerId: string }>;
  /** Starts delivering inbound messages and reports to the sink; returns the function that stops it. */
  connect(sink: CarrierSink): () => void;
}

/** E-mail out, for keyword and reply routing. */
export interface Notifier {
  sendEmail(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** Time, so that schedules and rate limits can be tested with a controllable clock. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
