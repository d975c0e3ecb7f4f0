import type { Conversation, ConversationFilter } from '../../src/model/conversation.js';

/** The filters of the list, in the order the inbox shows them (the values of `ConversationFilter`). */
export const FILTERS = ['all', 'unread', 'sms', 'chat'] as const satisfies readonly ConversationFilter[];

/** What the list shows: the same query the backend was given. */
export interface ListQuery {
  filter: ConversationFilter;
  numberId: string | undefined;
  query: string;
}

/**
 * Whether a conversation the list has not loaded belongs in it. The search is the backend's (it also matches
 * contact companies); here the name, the number and the last message are enough for a live arrival.
 */
export function belongs(conversation: Conversation, { filter, numberId, query }: ListQuery): boolean {
  if (numberId && conversation.numberId !== numberId) return false;
  if ((filter === 'sms' || filter === 'chat') && conversation.channel !== filter) return false;
  if (filter === 'unread' && conversation.unreadCount === 0) return false;
  const text = query.trim().toLowerCase();
  if (!text) return true;
  return [conversation.peer, conversation.peerName ?? '', conversation.lastMessage?.body ?? ''].some((value) => value.toLowerCase().includes(text));
}

/**
 * The list after a live update. A known conversation is replaced; if it has moved on (a newer `updatedAt`) it goes
 * to its place by time, the top for a new message. A conversation the list does not hold is added when it belongs
 * to the query and to the pages loaded so far (with more pages to load, an older one waits for its page). An update
 * older than what the list holds is ignored. Rows never vanish here, even when they stop matching a filter: a
 * conversation that was just read stays under "Unread" until the list is reloaded.
 */
export function upsert(items: readonly Conversation[], conversation: Conversation, query: ListQuery, hasMore: boolean): Conversation[] {
  const index = items.findIndex((item) => item.id === conversation.id);
  const known = items[index];
  if (known) {
    if (conversation.updatedAt < known.updatedAt) return [...items];
    if (conversation.updatedAt === known.updatedAt) return items.map((item, at) => (at === index ? conversation : item));
  } else if (!belongs(conversation, query)) {
    return [...items];
  }
  const rest = items.filter((item) => item.id !== conversation.id);
  const at = rest.findIndex((item) => item.updatedAt <= conversation.updatedAt);
  if (at < 0) return hasMore && !known ? rest : [...rest, conversation];
  return [...rest.slice(0, at), conversation, ...rest.slice(at)];
}

/** Initials for the avatar: the first letter of the first two words of a name, or none for a number. */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => word.match(/\p{L}/u)?.[0] ?? '')
    .filter(Boolean);
  return letters.slice(0, 2).join('').toUpperCase();
}
