import type { Message } from '../../src/model/message.js';

export interface SmsSendDetail {
  /** The message as the backend accepted it: `queued`, `scheduled` (with `sendAt`) or, for chat, `delivered`. */
  readonly message: Message;
}

/**
 * A message was sent (or scheduled) successfully from a composer. Fired after the backend accepted it; failures are
 * shown in the composer and fire nothing. Bubbles and is composed.
 *
 * @example
 * composer.addEventListener('sms-send', (event) => console.log('sent', event.detail.message.id));
 */
export class SmsSendEvent extends Event {
  static readonly eventName = 'sms-send';

  readonly detail: SmsSendDetail;

  constructor(detail: SmsSendDetail) {
    super(SmsSendEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-send': SmsSendEvent;
  }
}
