export interface SmsConversationDeletedDetail {
  /** The conversation the user deleted (for themselves: it comes back when a new message arrives). */
  readonly conversationId: string;
}

/**
 * The user deleted a conversation, after confirming. The host usually closes the view or picks another
 * conversation. Bubbles and is composed.
 *
 * @example
 * conversation.addEventListener('sms-conversation-deleted', () => conversation.remove());
 */
export class SmsConversationDeletedEvent extends Event {
  static readonly eventName = 'sms-conversation-deleted';

  readonly detail: SmsConversationDeletedDetail;

  constructor(detail: SmsConversationDeletedDetail) {
    super(SmsConversationDeletedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sms-conversation-deleted': SmsConversationDeletedEvent;
  }
}
