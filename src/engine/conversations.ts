import { NotFoundError } from '../errors/not-found-error.js';
import type { Conversation, MessagePreview, UnreadSummary, User } from '../model/index.js';
import { ConversationOpen, ConversationQuery, canTransition } from '../model/index.js';
import type { ConversationsApi } from '../ports/backend.js';
import type { ConversationRecord, ConversationStateRecord, MessageRecord } from '../ports/store.js';
import { type Actor, canSee, loadActor, sendableNumbers } from './access.js';
import { matchContacts } from './contacts.js';
import type { EngineContext } from './context.js';
import { filteredPage } from './paging.js';
import { normalisePhone } from './phones.js';
import { parseInput } from './validate.js';
import { ValidationError } from '../errors/validation-error.js';
import { PermissionError } from '../errors/permission-error.js';

export const ALL_NUMBERS = 'number:*';

export function numberThreadKey(numberId: string, peer: string): string {
  return `sms:${numberId}:${peer}`;
}

export function chatThreadKey(a: string, b: string): string {
  const [first, second] = [a, b].sort();
  return `chat:${first}:${second}`;
}

type ThreadInit = Pick<ConversationRecord, 'channel' | 'numberId' | 'peer' | 'participants' | 'threadKey' | 'alphaTag' | 'keyword'>;

/** Finds a thread by its key or creates it (safe when two callers race). */
export async function getOrCreateThread(ctx: EngineContext, init: ThreadInit): Promise<ConversationRecord> {
  const existing = await ctx.db.conversations.find({ where: { threadKey: init.threadKey }, limit: 1 });
  if (existing.items[0]) return existing.items[0];
  const now = ctx.nowIso();
  const audience = init.numberId ? [`number:${init.numberId}`, ALL_NUMBERS] : init.participants.map((id) => `user:${id}`);
  const record: ConversationRecord = { id: ctx.id('conv'), ...init, audience, lastMessage: null, createdAt: now, updatedAt: now };
  await ctx.db.conversations.insert(record);
  const again = await ctx.db.conversations.find({ where: { threadKey: init.threadKey }, orderBy: [['createdAt', 'asc']], limit: 1 });
  return again.items[0] ?? record;
}

function stateKey(conversationId: string, userId: string): string {
  return `${conversationId}:${userId}`;
}

function defaultState(conversationId: string, userId: string, now: string): ConversationStateRecord {
  return { id: stateKey(conversationId, userId), conversationId, userId, unreadCount: 0, muted: false, clearedAt: null, hidden: false, lastReadAt: null, updatedAt: now };
}

export async function getState(ctx: EngineContext, conversationId: string, userId: string): Promise<ConversationStateRecord> {
  return (await ctx.db.conversationStates.get(stateKey(conversationId, userId))) ?? defaultState(conversationId, userId, ctx.nowIso());
}

async function patchState(ctx: EngineContext, conversationId: string, userId: string, patch: Partial<ConversationStateRecord>): Promise<void> {
  const now = ctx.nowIso();
  await ctx.db.conversationStates.increment(stateKey(conversationId, userId), {}, defaultState(conversationId, userId, now));
  await ctx.db.conversationStates.update(stateKey(conversationId, userId), { ...patch, updatedAt: now });
}

/** A new message in a thread: the preview moves, the thread reappears for those who deleted it, unread counts grow. */
export async function touchThread(
  ctx: EngineContext,
  conversation: ConversationRecord,
  preview: MessagePreview,
  options: { unreadFor: readonly string[]; reveal: readonly string[] },
): Promise<ConversationRecord> {
  const updated = (await ctx.db.conversations.update(conversation.id, { lastMessage: preview, updatedAt: preview.createdAt })) ?? conversation;
  const now = ctx.nowIso();
  for (const userId of new Set([...options.unreadFor, ...options.reveal])) {
    const key = stateKey(conversation.id, userId);
    const deltas = options.unreadFor.includes(userId) ? { unreadCount: 1 } : {};
    const state = await ctx.db.conversationStates.increment(key, deltas, defaultState(conversation.id, userId, now));
    if (state.hidden) await ctx.db.conversationStates.update(key, { hidden: false, updatedAt: now });
  }
  return updated;
}

/**
 * The preview of a conversation follows its last message: when `message` has moved on and is still the last message
 * of its conversation, the preview takes its status and those who see the conversation are told. The conversation
 * keeps its place in the inbox (`updatedAt`): a status is not a new message. A message without a conversation (a
 * campaign's) costs nothing.
 */
export async function followLastMessage(ctx: EngineContext, message: MessageRecord): Promise<void> {
  if (message.conversationId === null) return;
  for (let attempt = 0; attempt < 5; attempt++) {
    const conversation = await ctx.db.conversations.get(message.conversationId);
    const last = conversation?.lastMessage;
    if (!conversation || !last || last.id !== message.id || !canTransition(last.status, message.status)) return;
    // Compare-and-set on the preview: a newer message, or a status applied meanwhile, wins.
    const updated = await ctx.db.conversations.update(conversation.id, { lastMessage: { ...last, status: message.status } }, { if: { lastMessage: last } });
    if (updated) {
      emitConversationUpdated(ctx, conversation.id);
      return;
    }
  }
}

/** The user ids a conversation's changes concern (for events, the engine also tells administrators). */
export function participantsOf(conversation: ConversationRecord): string[] {
  return conversation.participants;
}

/** The actor's states of these conversations (unread count, mute, hidden), read by key. */
function statesOf(ctx: EngineContext, actor: Actor, records: readonly ConversationRecord[]): Promise<ConversationStateRecord[]> {
  return ctx.db.conversationStates.getMany(records.map((record) => stateKey(record.id, actor.user.id)));
}

/**
 * Builds conversation views for one actor, resolving states, contacts, users and blocklist state in a few queries
 * that run side by side (`states`, when the caller reads them too, are read once).
 */
export async function conversationViews(
  ctx: EngineContext,
  actor: Actor,
  records: ConversationRecord[],
  states?: Promise<ConversationStateRecord[]>,
): Promise<Conversation[]> {
  if (records.length === 0) return [];
  const smsPeers = records.filter((record) => record.peer !== null).map((record) => record.peer as string);
  const otherIds = records.filter((record) => record.channel === 'chat').map((record) => otherParticipant(record, actor.user.id));
  const [stateList, contacts, blockedEntries, otherUsers] = await Promise.all([
    states ?? statesOf(ctx, actor, records),
    matchContacts(ctx, actor.user.id, smsPeers),
    ctx.db.blocklist.getMany(smsPeers),
    ctx.db.users.getMany(otherIds),
  ]);
  const stateById = new Map(stateList.map((state) => [state.conversationId, state]));
  const blocked = new Set<string>(blockedEntries.map((entry) => entry.e164));
  const users = new Map(otherUsers.map((user) => [user.id, user]));
  const now = ctx.nowIso();
  return records.map((record) => {
    const state = stateById.get(record.id) ?? defaultState(record.id, actor.user.id, now);
    const contact = record.peer ? contacts.get(record.peer) ?? null : null;
    const peer = record.peer ?? otherParticipant(record, actor.user.id);
    const peerName = record.channel === 'chat' ? users.get(peer)?.name ?? peer : contact?.display ?? null;
    const lastMessage = record.lastMessage && state.clearedAt && record.lastMessage.createdAt <= state.clearedAt ? null : record.lastMessage;
    return {
      id: record.id,
      channel: record.channel,
      numberId: record.numberId,
      peer,
      peerName,
      contact,
      unreadCount: state.unreadCount,
      lastMessage,
      muted: state.muted,
      blocked: record.peer ? blocked.has(record.peer) : false,
      readOnly: record.alphaTag !== null || record.keyword !== null || (actor.isAdmin && record.channel === 'sms'),
      alphaTag: record.alphaTag,
      keyword: record.keyword,
      updatedAt: record.updatedAt,
    };
  });
}

function otherParticipant(record: ConversationRecord, userId: string): string {
  return record.participants.find((id) => id !== userId) ?? record.participants[0] ?? userId;
}

/** A conversation the actor sees, or NotFoundError (not told apart from one they may not see). */
export async function visibleConversation(ctx: EngineContext, actor: Actor, id: string): Promise<ConversationRecord> {
  const record = await ctx.db.conversations.get(id);
  if (!record || !canSee(actor, record)) throw new NotFoundError('conversation', id);
  return record;
}

export async function conversationView(ctx: EngineContext, actor: Actor, record: ConversationRecord): Promise<Conversation> {
  const [view] = await conversationViews(ctx, actor, [record]);
  return view as Conversation;
}

/** Emits `conversation.updated` to everyone who sees the conversation, each with their own view. */
export function emitConversationUpdated(ctx: EngineContext, conversationId: string, removedFor?: string): void {
  if (ctx.events.hasSubscribers) ctx.events.emit('conversation.updated', { conversationId, removedFor: removedFor ?? null });
}

function audienceOf(actor: Actor): string[] {
  const keys = actor.numbers.map((number) => `number:${number.id}`);
  if (actor.isAdmin) keys.push(ALL_NUMBERS);
  keys.push(`user:${actor.user.id}`);
  return keys;
}

export function createConversationsApi(ctx: EngineContext): ConversationsApi {
  return {
    async list(principal, query = {}) {
      const input = parseInput(ConversationQuery, query, 'query');
      const actor = await loadActor(ctx, principal);
      const where: NonNullable<Parameters<typeof ctx.db.conversations.find>[0]>['where'] = { audience: { $overlaps: audienceOf(actor) } };
      if (input.filter === 'sms' || input.filter === 'chat') where.channel = input.filter;
      if (input.numberId) where.numberId = input.numberId;
      const text = input.query?.trim().toLowerCase() ?? '';
      const matchedPeers = text ? await peersMatching(ctx, actor, text) : new Set<string>();
      return filteredPage(ctx.db.conversations, { where, orderBy: [['updatedAt', 'desc']], cursor: input.cursor }, input.limit, async (records) => {
        const states = statesOf(ctx, actor, records);
        const views = await conversationViews(ctx, actor, records, states);
        const hidden = new Set((await states).filter((state) => state.hidden).map((state) => state.conversationId));
        return views.map((view) => {
          if (hidden.has(view.id)) return null;
          if (input.filter === 'unread' && view.unreadCount === 0) return null;
          if (text && !matchesText(view, text, matchedPeers)) return null;
          return view;
        });
      });
    },

    async get(principal, id) {
      const actor = await loadActor(ctx, principal);
      return conversationView(ctx, actor, await visibleConversation(ctx, actor, id));
    },

    async open(principal, input) {
      const target = parseInput(ConversationOpen, input, 'conversation');
      const actor = await loadActor(ctx, principal);
      let record: ConversationRecord;
      if (target.channel === 'chat') {
        if (target.userId === actor.user.id) throw new ValidationError('You cannot chat with yourself.', { field: 'userId' });
        const other = await ctx.db.users.get(target.userId);
        if (!other) throw new NotFoundError('user', target.userId);
        record = await getOrCreateThread(ctx, {
          channel: 'chat', numberId: null, peer: null, participants: [actor.user.id, other.id].sort(),
          threadKey: chatThreadKey(actor.user.id, other.id), alphaTag: null, keyword: null,
        });
      } else {
        const settings = await ctx.settings();
        const peer = normalisePhone(target.peer, settings.defaultCountry, 'peer');
        const numbers = sendableNumbers(actor);
        const number = target.numberId ? numbers.find((candidate) => candidate.id === target.numberId) : numbers.length === 1 ? numbers[0] : undefined;
        if (!number) {
          if (target.numberId) throw new NotFoundError('number', target.numberId);
          if (numbers.length === 0) throw new PermissionError('No SMS number is assigned to your extension.', { action: 'conversations.open', code: 'permission.no_number' });
          throw new ValidationError('Choose which of your numbers to use.', { field: 'numberId' });
        }
        record = await getOrCreateThread(ctx, {
          channel: 'sms', numberId: number.id, peer, participants: [], threadKey: numberThreadKey(number.id, peer), alphaTag: null, keyword: null,
        });
      }
      const state = await getState(ctx, record.id, actor.user.id);
      if (state.hidden) await patchState(ctx, record.id, actor.user.id, { hidden: false });
      return conversationView(ctx, actor, record);
    },

    async markRead(principal, id) {
      const actor = await loadActor(ctx, principal);
      const record = await visibleConversation(ctx, actor, id);
      await patchState(ctx, record.id, actor.user.id, { unreadCount: 0, lastReadAt: ctx.nowIso() });
      emitConversationUpdated(ctx, record.id);
      return conversationView(ctx, actor, record);
    },

    async setMuted(principal, id, muted) {
      const actor = await loadActor(ctx, principal);
      const record = await visibleConversation(ctx, actor, id);
      await patchState(ctx, record.id, actor.user.id, { muted: Boolean(muted) });
      emitConversationUpdated(ctx, record.id);
      return conversationView(ctx, actor, record);
    },

    async remove(principal, id) {
      const actor = await loadActor(ctx, principal);
      const record = await visibleConversation(ctx, actor, id);
      await patchState(ctx, record.id, actor.user.id, { hidden: true, clearedAt: ctx.nowIso(), unreadCount: 0 });
      emitConversationUpdated(ctx, record.id, actor.user.id);
    },

    async unread(principal) {
      const actor = await loadActor(ctx, principal);
      let conversations = 0;
      let messages = 0;
      let cursor: string | undefined;
      do {
        const page = await ctx.db.conversationStates.find({ where: { userId: actor.user.id, unreadCount: { $gt: 0 }, hidden: false }, cursor, limit: 1000 });
        for (const state of page.items) {
          conversations += 1;
          messages += state.unreadCount;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const summary: UnreadSummary = { conversations, messages, lastSeenAt: actor.user.lastSeenAt };
      await ctx.db.users.update(actor.user.id, { lastSeenAt: ctx.nowIso() } as Partial<User>);
      return summary;
    },
  };
}

async function peersMatching(ctx: EngineContext, actor: Actor, text: string): Promise<Set<string>> {
  const contacts = await ctx.db.contacts.find({ search: { fields: ['name', 'company'], text }, limit: 500 });
  const peers = new Set<string>();
  for (const contact of contacts.items) {
    if (contact.scope === 'personal' && contact.ownerId !== actor.user.id) continue;
    for (const e164 of contact.e164s) peers.add(e164);
  }
  return peers;
}

function matchesText(view: Conversation, text: string, matchedPeers: Set<string>): boolean {
  const digits = text.replace(/[^\d]/g, '');
  return (
    matchedPeers.has(view.peer) ||
    (digits.length >= 3 && view.peer.includes(digits)) ||
    view.peer.toLowerCase().includes(text) ||
    (view.peerName?.toLowerCase().includes(text) ?? false) ||
    (view.lastMessage?.body.toLowerCase().includes(text) ?? false)
  );
}
