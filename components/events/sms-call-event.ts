export interface SmsCallDetail {
  /** The number to call, in E.164 (`+61412345678`). */
  readonly e164: string;
  /** Who it is, when known ("Bob Smith – Mobile"), else null. */
  readonly name: string | null;
  /** The conversation the call was asked from. */
  readonly conversationId: string;
}

/**
 * Asks the host portal to call a number: the elements do not place calls, the PBX does. Fired by the call button
 * of `<sms-conversation>`. Bubbles and is composed.
 *
 * @example
 * conversation.addEventListener('sms-call', (event) => pbx.dial(event.detail.e164));
 */
export class SmsCallEvent extends Event {
  static readonly eventName = 'sms-call';

  readonly detail: SmsCallDetail;

  constructor(detail: SmsCallDetail) {
    super(SmsCallEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-call': SmsCallEvent;
  }
}
