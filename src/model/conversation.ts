import * as z from 'zod';
import { Id, SearchQuery, Timestamp } from './common.js';
import { ContactMatch } from './contact.js';
import { Channel, Direction, MessageStatus } from './message.js';

export const MessagePreview = z.object({
  id: Id,
  body: z.string(),
  direction: Direction,
  status: MessageStatus,
  createdAt: Timestamp,
  /**
   * The user who sent it (outbound), so that the colleagues sharing a group number see who wrote; null for a message
   * the service sent by itself, absent from previews stored before it was kept.
   */
  senderId: Id.nullable().optional(),
});
export type MessagePreview = z.infer<typeof MessagePreview>;

/**
 * A conversation as one user sees it. SMS: between one of the user's numbers and an external number (`peer` is
 * E.164); chat: between two users (`peer` is the other user's id). Unread count and mute are per user.
 */
export const Conversation = z.object({
  id: Id,
  channel: Channel,
  /** The SMS number this conversation belongs to; null for chat. */
  numberId: Id.nullable(),
  peer: z.string(),
  /** Who the peer is: a contact ("Bob Smith – Mobile"), a user (chat), or null for an unknown number. */
  peerName: z.string().nullable(),
  contact: ContactMatch.nullable(),
  unreadCount: z.number().int().nonnegative(),
  lastMessage: MessagePreview.nullable(),
  muted: z.boolean(),
  /** The peer is on the blocklist (opted out): campaigns skip them; direct sends too if the setting says so. */
  blocked: z.boolean(),
  /** One-way threads cannot be answered: sent from an alpha tag, or received through a keyword. */
  readOnly: z.boolean(),
  /** The alpha tag a one-way thread was sent from. */
  alphaTag: z.string().nullable(),
  /** The inbound keyword a thread arrived through. */
  keyword: z.string().nullable(),
  updatedAt: Timestamp,
});
export type Conversation = z.infer<typeof Conversation>;

export const CONVERSATION_FILTERS = ['all', 'unread', 'sms', 'chat'] as const;
export const ConversationFilter = z.enum(CONVERSATION_FILTERS);
export type ConversationFilter = z.infer<typeof ConversationFilter>;

/** `query` matches the peer's number, name or the last message. */
export const ConversationQuery = SearchQuery.extend({
  filter: ConversationFilter.optional(),
  numberId: Id.optional(),
});
export type ConversationQuery = z.input<typeof ConversationQuery>;

/** Opens (finds or creates) a conversation. */
export const ConversationOpen = z.union([
  z.object({ channel: z.literal('sms'), peer: z.string().min(1).max(40), numberId: Id.optional() }),
  z.object({ channel: z.literal('chat'), userId: Id }),
]);
export type ConversationOpen = z.input<typeof ConversationOpen>;

/** What a user missed: unread conversations and messages. */
export const UnreadSummary = z.object({
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  lastSeenAt: Timestamp.nullable(),
});
export type UnreadSummary = z.infer<typeof UnreadSummary>;
