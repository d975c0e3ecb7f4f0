import type { GsmReplacement } from '../../src/gsm-safe.js';

export interface SmsGsmReplaceDetail {
  /** The text with its look-alike characters replaced by GSM-7 ones. */
  readonly text: string;
  /** What was replaced, in order of first appearance: `{ from, to, count }`. */
  readonly replaced: readonly GsmReplacement[];
}

/**
 * Asks for the message text to be replaced by its GSM-safe version (`toGsmSafe`), so that it can be sent as GSM-7.
 * The element that fires it does not change the text itself: whoever owns the text (a composer) applies `detail.text`.
 * Bubbles and is composed.
 *
 * @example
 * counter.addEventListener('sms-gsm-replace', (event) => {
 *   textarea.value = event.detail.text;
 *   counter.text = event.detail.text;
 * });
 */
export class SmsGsmReplaceEvent extends Event {
  static readonly eventName = 'sms-gsm-replace';

  readonly detail: SmsGsmReplaceDetail;

  constructor(detail: SmsGsmReplaceDetail) {
    super(SmsGsmReplaceEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-gsm-replace': SmsGsmReplaceEvent;
  }
}
