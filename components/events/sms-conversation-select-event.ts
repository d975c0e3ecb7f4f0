import type { Conversation } from '../../src/model/conversation.js';

export interface SmsConversationSelectDetail {
  /** The conversation the user chose, as the list showed it (its unread count before it was marked read). */
  readonly conversation: Conversation;
}

/**
 * The user chose a conversation in `<sms-inbox>` (a click, or Enter on its row). The inbox marks it read and, in its
 * split layout, opens it beside the list; in the list layout the host shows it where it wants. Bubbles and is composed.
 *
 * @example
 * inbox.addEventListener('sms-conversation-select', (event) => {
 *   conversationView.conversationId = event.detail.conversation.id;
 * });
 */
export class SmsConversationSelectEvent extends Event {
  static readonly eventName = 'sms-conversation-select';

  readonly detail: SmsConversationSelectDetail;

  constructor(detail: SmsConversationSelectDetail) {
    super(SmsConversationSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-conversation-select': SmsConversationSelectEvent;
  }
}
