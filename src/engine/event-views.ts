import type { Campaign, CampaignCounts, Principal, SmsEventMap, SmsEventType } from '../model/index.js';
import type { ContactRecord, MessageRecord } from '../ports/store.js';
import { canSee, loadActor } from './access.js';
import { matchAmong, type NamingContact } from './contacts.js';
import type { EngineContext } from './context.js';
import { conversationView } from './conversations.js';

/**
 * What an event says, as plain JSON: what each subscriber's view is built from, on the instance that raised it and on
 * every other one it reaches (`EventViews`), so that a relayed event is filtered per principal exactly as a local one.
 */
export interface EventPayloads {
  'message.received': { message: MessageRecord; conversationId: string };
  'message.status': { message: MessageRecord; conversationId: string };
  'conversation.updated': { conversationId: string; removedFor: string | null };
  'campaign.progress': { campaignId: string; counts: CampaignCounts };
  'campaign.status': { campaign: Campaign };
  'blocklist.changed': SmsEventMap['blocklist.changed'];
  'contact.changed': {
    contact: Pick<ContactRecord, 'id' | 'scope' | 'ownerId'>;
    action: SmsEventMap['contact.changed']['action'];
    e164s: string[];
    /** The contacts holding those numbers right after the change, in every scope (each view keeps what its principal sees). */
    naming: NamingContact[];
  };
  'template.changed': SmsEventMap['template.changed'];
}

/** An event's data as one principal may see it, or null when they may not see it. */
export type EventView<T extends SmsEventType> = (principal: Principal) => Promise<SmsEventMap[T] | null> | SmsEventMap[T] | null;

/** Builds the per-principal view of an event of each type from its payload, in one organisation. */
export type EventViews = { [T in SmsEventType]: (payload: EventPayloads[T]) => EventView<T> };

/**
 * A read the subscribers of one delivery share: made for the first that needs it, then the same for the others (one
 * read of the conversation for an event, however many streams are open). A view is built for each event as it is
 * delivered, and again for each replay, so that nothing read is kept longer than the delivery.
 */
function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= read());
}

/** Campaign events go to the campaign's owner and to administrators. */
function campaignView<T extends 'campaign.progress' | 'campaign.status'>(ctx: EngineContext, campaignId: string, data: SmsEventMap[T]): EventView<T> {
  const campaign = sharedRead(() => ctx.db.campaigns.get(campaignId));
  return async (principal) => {
    const actor = await loadActor(ctx, principal);
    if (actor.isAdmin) return data;
    return (await campaign())?.ownerId === actor.user.id ? data : null;
  };
}

/** The views of one organisation's events: who sees what, read from the store when the event is delivered. */
export function eventViews(ctx: EngineContext): EventViews {
  const conversationOf = (conversationId: string) => sharedRead(() => ctx.db.conversations.get(conversationId));
  return {
    'message.received': ({ message, conversationId }) => {
      const conversation = conversationOf(conversationId);
      return async (principal) => {
        if (principal.userId === message.senderId) return null;
        const actor = await loadActor(ctx, principal);
        const record = await conversation();
        if (!record || !canSee(actor, record)) return null;
        return { message, conversation: await conversationView(ctx, actor, record) };
      };
    },
    'message.status': ({ message, conversationId }) => {
      const conversation = conversationOf(conversationId);
      return async (principal) => {
        const actor = await loadActor(ctx, principal);
        const record = await conversation();
        return record && canSee(actor, record) ? { message } : null;
      };
    },
    'conversation.updated': ({ conversationId, removedFor }) => {
      const conversation = conversationOf(conversationId);
      return async (principal) => {
        const actor = await loadActor(ctx, principal);
        const record = await conversation();
        if (!record || !canSee(actor, record)) return null;
        const view = await conversationView(ctx, actor, record);
        return removedFor === principal.userId ? { conversation: view, removed: true } : { conversation: view };
      };
    },
    'campaign.progress': ({ campaignId, counts }) => campaignView(ctx, campaignId, { campaignId, counts }),
    'campaign.status': ({ campaign }) => campaignView(ctx, campaign.id, { campaign }),
    'blocklist.changed': (change) => () => change,
    'contact.changed': ({ contact, action, e164s, naming }) => async (principal) => {
      const actor = await loadActor(ctx, principal);
      if (contact.scope !== 'global' && contact.ownerId !== actor.user.id) return null;
      const matches = matchAmong(naming, actor.user.id, e164s);
      return { contactId: contact.id, action, numbers: e164s.map((e164) => ({ e164, contact: matches.get(e164) ?? null })) };
    },
    'template.changed': (change) => async (principal) => {
      const actor = await loadActor(ctx, principal);
      return change.template.scope === 'global' || change.template.ownerId === actor.user.id ? change : null;
    },
  };
}
