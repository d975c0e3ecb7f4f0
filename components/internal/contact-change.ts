import type { Conversation } from '../../src/model/conversation.js';
import type { SmsEventMap } from '../../src/model/events.js';

/**
 * A conversation as a `contact.changed` event leaves it: an SMS peer among the numbers the change touched takes the
 * name the event gives it for this user (their personal contact, else a global one), or none. The same object when
 * the change does not concern it, so that callers can tell whether anything moved.
 *
 * @example
 * client.on('contact.changed', (change) => (this.conversation = withContactChange(this.conversation, change)));
 */
export function withContactChange(conversation: Conversation, { numbers }: SmsEventMap['contact.changed']): Conversation {
  if (conversation.channel !== 'sms') return conversation;
  const changed = numbers.find((number) => number.e164 === conversation.peer);
  const now = changed?.contact ?? null;
  const before = conversation.contact;
  if (!changed || (now?.contactId === before?.contactId && now?.display === before?.display)) return conversation;
  return { ...conversation, contact: now, peerName: now?.display ?? null };
}
