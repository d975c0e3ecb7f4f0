import { messageErrorTerms } from './error-terms.js';
import { phoneProblemTerms } from './phone-terms.js';
import type { Terms } from './localize.js';

/**
 * Texts the conversation elements share (`<sms-inbox>`, `<sms-conversation>`, `<sms-composer>`,
 * `<sms-new-conversation>`): the channels, what the inbox and a thread both say about a conversation, and the errors of
 * sending (`messageErrorTerms`). Spread
 * after `commonTerms`.
 */
export const conversationCommonTerms = {
  ...messageErrorTerms,
  ...phoneProblemTerms,
  channelSms: 'SMS',
  channelChat: 'Chat',
  muted: 'Muted',
  deleteTitle: 'Delete this conversation?',
  deleteMessage: 'The conversation with {0} and its history will disappear from your inbox. It comes back if a new message arrives.',
  newMessageFrom: 'New message from {0}',
} satisfies Terms;
