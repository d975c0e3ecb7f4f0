import type { Conversation } from '../../src/model/conversation.js';

export interface SmsConversationOpenDetail {
  /** The conversation found or started (`client.conversations.open`): SMS with a number, or chat with a colleague. */
  readonly conversation: Conversation;
}

/**
 * `<sms-new-conversation>` opened a conversation the user picked: an existing one with that number or colleague, or
 * a new one. Inside `<sms-inbox>` the inbox then selects it (and fires `sms-conversation-select`). Bubbles and is
 * composed.
 *
 * @example
 * picker.addEventListener('sms-conversation-open', (event) => {
 *   conversationView.conversationId = event.detail.conversation.id;
 * });
 */
export class SmsConversationOpenEvent extends Event {
  static readonly eventName = 'sms-conversation-open';

  readonly detail: SmsConversationOpenDetail;

  constructor(detail: SmsConversationOpenDetail) {
    super(SmsConversationOpenEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-conversation-open': SmsConversationOpenEvent;
  }
}
