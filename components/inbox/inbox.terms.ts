import { commonTerms } from '../internal/common.terms.js';
import { conversationCommonTerms } from '../internal/conversation.terms.js';
import type { Terms } from '../internal/localize.js';

/**
 * The English texts of `<sms-inbox>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', inboxLabel: 'Conversations', ... })`.
 */
export const inboxTerms = {
  ...commonTerms,
  ...conversationCommonTerms,
  inboxLabel: 'Conversations',
  searchConversations: 'Search conversations',
  searchPlaceholder: 'Search',
  showFilter: 'Show',
  filterAll: 'All',
  filterUnread: 'Unread',
  filterSms: 'SMS',
  filterChat: 'Chat',
  numberFilter: 'Number',
  allNumbers: 'All numbers',
  /** A number in the number filter and on rows: "Support · 0480 000 102". */
  numberOption: '{0} · {1}',
  newConversation: 'New conversation',
  adminReadOnly: 'Administrators can read conversations but cannot send messages.',
  optedOut: 'Opted out',
  readOnly: 'Read only',
  /** A one-way thread sent from an alpha tag. */
  sentAs: 'Sent as {0}',
  /** A thread that arrived through an inbound keyword. */
  viaKeyword: 'Keyword {0}',
  previewYou: 'You: {0}',
  /** The last message, sent by a colleague on a shared number: their name, then the text. */
  previewBy: '{0}: {1}',
  /** The last message, the service's automatic answer (a number's or a keyword's). */
  previewAutomatic: 'Automatic reply: {0}',
  previewNone: 'No messages',
  previewFailed: 'Not delivered',
  unreadMessages: { one: '# unread message', other: '# unread messages' },
  mute: 'Mute {0}',
  unmute: 'Unmute {0}',
  deleteConversation: 'Delete conversation with {0}',
  inboxDeleted: 'Conversation with {0} deleted',
  mutedAnnouncement: 'Conversation with {0} muted',
  unmutedAnnouncement: 'Conversation with {0} unmuted',
  /** Spoken when the inbox opens: "3 new messages in 2 conversations". */
  missedMessages: { one: '# new message', other: '# new messages' },
  inConversations: { one: 'in # conversation', other: 'in # conversations' },
  missedSummary: '{0} {1}',
  results: { one: '# conversation found', other: '# conversations found' },
  emptyAll: 'No conversations yet.',
  emptyUnread: 'No unread conversations.',
  emptyFiltered: 'No conversations here.',
  emptySearch: 'No conversations match “{0}”.',
  loadMoreFailed: 'Could not load more conversations.',
  chooseConversation: 'Choose a conversation to read it here.',
  /** The back button of a conversation or of "New conversation" shown in place of the list (a narrow inbox). */
  backToList: 'Back to conversations',
} satisfies Terms;

export type InboxTerms = typeof inboxTerms;
