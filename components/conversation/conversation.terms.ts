import { commonTerms } from '../internal/common.terms.js';
import { conversationCommonTerms } from '../internal/conversation.terms.js';
import type { Terms } from '../internal/localize.js';

/**
 * The English texts of `<sms-conversation>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', call: 'Appeler', ... })`.
 */
export const conversationTerms = {
  ...commonTerms,
  ...conversationCommonTerms,
  noConversation: 'Choose a conversation.',
  emptyThread: 'No messages yet. Write the first one below.',
  threadDeleted: 'This conversation was deleted.',
  messagesLabel: 'Messages with {0}',
  beginning: 'Start of the conversation',
  loadOlderFailed: 'Older messages could not be loaded.',
  today: 'Today',
  yesterday: 'Yesterday',
  sharedNumber: 'Shared number',
  viaNumber: 'On {0}',
  call: 'Call {0}',
  conversationAddContact: 'Add to contacts',
  conversationAddContactTitle: 'Add {0} to your contacts',
  contactName: 'Name',
  contactLabel: 'Label',
  labelMobile: 'Mobile',
  labelWork: 'Work',
  labelHome: 'Home',
  labelOther: 'Other',
  conversationContactSaved: 'Contact saved.',
  settings: 'Conversation settings',
  muteNotifications: 'Mute notifications',
  unmuteNotifications: 'Unmute notifications',
  enableNotifications: 'Enable browser notifications',
  deleteThread: 'Delete conversation',
  blockedNotice: 'This number has opted out or is blocked: campaigns skip it.',
  blockedDirectNotice: 'This number has opted out or is blocked: messages to it are not sent.',
  alphaTagNotice: 'Sent one-way as "{0}": replies do not come back here.',
  keywordNotice: 'Received through the keyword "{0}": it cannot be answered here.',
  you: 'You',
  /** Under a message the service sent by itself: a number's or a keyword's automatic reply. */
  sentAutomatically: 'Automatic reply',
  saidBy: '{0}:',
  deliveryQueued: 'Queued',
  deliverySending: 'Sending…',
  deliverySent: 'Sent',
  deliveryDelivered: 'Delivered',
  deliveryUndelivered: 'Not delivered',
  deliveryFailed: 'Failed',
  deliveryCanceled: 'Cancelled',
  deliveryUnknown: 'Status unknown: it may not have been sent',
  deliveryScheduled: 'Scheduled for {0}',
  failureReason: 'Reason: {0}',
  retrySend: 'Retry',
  cancelScheduled: 'Cancel sending',
  actionFailed: 'That did not work.',
  newMessages: { one: '# new message', other: '# new messages' },
  messageAnnouncement: 'New message from {0}: {1}',
} satisfies Terms;

export type ConversationTerms = typeof conversationTerms;
