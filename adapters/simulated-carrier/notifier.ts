import type { Notifier } from '../../src/ports/carrier.js';

/** An e-mail the engine asked to send. */
export interface SentEmail {
  to: string;
  subject: string;
  text: string;
}

export interface SimulatedNotifierOptions {
  /** Called with each e-mail after it is recorded; a rejection fails the `sendEmail` call. */
  onEmail?: (email: SentEmail) => void | Promise<void>;
}

/** A `Notifier` that keeps what it is given. */
export interface SimulatedNotifier extends Notifier {
  /** Every e-mail, in order. */
  readonly outbox: SentEmail[];
}

/**
 * A notifier that sends no e-mail: it records each one in `outbox`, for tests and the demo.
 *
 * @example
 * const notifier = createSimulatedNotifier({ onEmail: (email) => console.log(email.subject) });
 * const backend = createLocalBackend({ store, carrier, notifier });
 * // ...an inbound keyword routed to e-mail...
 * notifier.outbox[0]?.to // 'sales@example.com'
 */
export function createSimulatedNotifier(options: SimulatedNotifierOptions = {}): SimulatedNotifier {
  const outbox: SentEmail[] = [];
  return {
    outbox,
    async sendEmail(message) {
      const email = { to: message.to, subject: message.subject, text: message.text };
      outbox.push(email);
      await options.onEmail?.(email);
    },
  };
}
