import { validateAlphaTag } from '../alpha-tag.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { StateError } from '../errors/state-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Message, MessageError, SmsNumber } from '../model/index.js';
import { MessageSend, PageRequest } from '../model/index.js';
import type { MessagesApi, SendCapabilities } from '../ports/backend.js';
import type { ConversationRecord, MessageRecord } from '../ports/store.js';
import { type Actor, canSee, loadActor, requireSender, sendableNumbers } from './access.js';
import type { EngineContext } from './context.js';
import {
  chatThreadKey, emitConversationUpdated, followLastMessage, getOrCreateThread, getState, numberThreadKey, touchThread,
  visibleConversation,
} from './conversations.js';
import { newOutbound, previewOf, transition, transmit, emitMessageStatus } from './outbound.js';
import { normalisePhone } from './phones.js';
import type { Scheduler } from './scheduler.js';
import { parseInput } from './validate.js';

/** The extension a message from `number` by a user with these extensions is billed to. */
export function billingExtension(extensionIds: readonly string[], number: SmsNumber | null): string | null {
  const shared = number ? extensionIds.find((id) => number.extensionIds.includes(id)) : undefined;
  return shared ?? extensionIds[0] ?? null;
}

async function alphaTagsFor(ctx: EngineContext, actor: Actor): Promise<string[]> {
  if (!ctx.carrier.capabilities.alphaTags || !actor.user.departmentId) return [];
  return (await ctx.db.departments.get(actor.user.departmentId))?.alphaTags ?? [];
}

/** Why a direct message to a blocked number does not go, when `blockDirectSends` is on. */
function blockedDirectSend(to: string): MessageError {
  return { code: 'blocklist.blocked', message: `${to} has opted out or is blocked, and direct messages to blocked numbers are not allowed.` };
}

interface Target {
  conversation: ConversationRecord;
  from: string;
  to: string;
  number: SmsNumber | null;
}

export function createMessagesApi(ctx: EngineContext, scheduler: Scheduler): MessagesApi {
  async function smsTarget(actor: Actor, input: { to: string; numberId?: string; alphaTag?: string }): Promise<Target> {
    const settings = await ctx.settings();
    const to = normalisePhone(input.to, settings.defaultCountry, 'to');
    if (input.alphaTag !== undefined) {
      const check = validateAlphaTag(input.alphaTag);
      if (!check.ok) throw new ValidationError(`Invalid alpha tag: ${check.reason}`, { field: 'alphaTag', value: input.alphaTag });
      const allowed = await alphaTagsFor(ctx, actor);
      if (!allowed.includes(input.alphaTag)) {
        throw new PermissionError(`Your department may not send as "${input.alphaTag}".`, { action: 'messages.send', code: 'permission.alpha_tag' });
      }
      const conversation = await getOrCreateThread(ctx, {
        channel: 'sms', numberId: null, peer: to, participants: [actor.user.id],
        threadKey: `alpha:${actor.user.id}:${input.alphaTag}:${to}`, alphaTag: input.alphaTag, keyword: null,
      });
      return { conversation, from: input.alphaTag, to, number: null };
    }
    const numbers = sendableNumbers(actor);
    if (numbers.length === 0) {
      throw new PermissionError('No SMS number is assigned to your extension.', { action: 'messages.send', code: 'permission.no_number' });
    }
    let number: SmsNumber | undefined;
    if (input.numberId) {
      number = numbers.find((candidate) => candidate.id === input.numberId);
      if (!number) throw new NotFoundError('number', input.numberId);
    } else if (numbers.length === 1) {
      number = numbers[0];
    } else {
      throw new ValidationError('You have several numbers: choose which one to send from.', { field: 'numberId' });
    }
    const conversation = await getOrCreateThread(ctx, {
      channel: 'sms', numberId: number!.id, peer: to, participants: [], threadKey: numberThreadKey(number!.id, to), alphaTag: null, keyword: null,
    });
    return { conversation, from: number!.e164, to, number: number! };
  }

  async function conversationTarget(actor: Actor, conversationId: string): Promise<Target | { chatWith: string; conversation: ConversationRecord }> {
    const conversation = await visibleConversation(ctx, actor, conversationId);
    if (conversation.channel === 'chat') {
      const other = conversation.participants.find((id) => id !== actor.user.id);
      if (!other) throw new StateError('This chat has no other participant.', { resource: 'conversation', state: 'invalid' });
      return { chatWith: other, conversation };
    }
    if (conversation.keyword !== null) {
      throw new StateError('Messages received through a keyword cannot be answered here.', { resource: 'conversation', state: 'read-only', code: 'conversation.read_only' });
    }
    if (conversation.alphaTag !== null) {
      return { conversation, from: conversation.alphaTag, to: conversation.peer!, number: null };
    }
    const number = sendableNumbers(actor).find((candidate) => candidate.id === conversation.numberId);
    if (!number) {
      throw new PermissionError('This number is not assigned to your extension or is out of service.', { action: 'messages.send', code: 'permission.no_number' });
    }
    return { conversation, from: number.e164, to: conversation.peer!, number };
  }

  async function sendChat(actor: Actor, otherId: string, body: string, existing?: ConversationRecord): Promise<Message> {
    if (otherId === actor.user.id) throw new ValidationError('You cannot chat with yourself.', { field: 'toUserId' });
    if (!(await ctx.db.users.get(otherId))) throw new NotFoundError('user', otherId);
    const conversation = existing ?? (await getOrCreateThread(ctx, {
      channel: 'chat', numberId: null, peer: null, participants: [actor.user.id, otherId].sort(),
      threadKey: chatThreadKey(actor.user.id, otherId), alphaTag: null, keyword: null,
    }));
    // A chat is stored for an offline user and shows as unread at their next login.
    const message = newOutbound(ctx, { conversationId: conversation.id, channel: 'chat', from: actor.user.id, to: otherId, body, status: 'delivered', senderId: actor.user.id });
    await ctx.db.messages.insert(message);
    await touchThread(ctx, conversation, previewOf(message), { unreadFor: [otherId], reveal: [actor.user.id, otherId] });
    emitReceived(ctx, message, conversation);
    emitConversationUpdated(ctx, conversation.id);
    return message;
  }

  async function sendSms(actor: Actor, target: Target, body: string, sendAt: string | undefined): Promise<Message> {
    const settings = await ctx.settings();
    if (settings.blockDirectSends && (await ctx.db.blocklist.get(target.to))) {
      const { code, message } = blockedDirectSend(target.to);
      throw new PermissionError(message, { action: 'messages.send', code });
    }
    const due = sendAt !== undefined && Date.parse(sendAt) > ctx.clock.now();
    // Past the organisation's daily cap, a message to go now is refused at once (one falling due later is checked then).
    if (!due) await ctx.caps.assertNotSpent();
    const message = newOutbound(ctx, {
      conversationId: target.conversation.id, channel: 'sms', from: target.from, to: target.to, body,
      status: due ? 'scheduled' : 'queued', sendAt: due ? new Date(Date.parse(sendAt!)).toISOString() : null,
      senderId: actor.user.id, numberId: target.number?.id ?? null,
    });
    await ctx.db.messages.insert(message);
    await touchThread(ctx, target.conversation, previewOf(message), { unreadFor: [], reveal: [actor.user.id] });
    emitConversationUpdated(ctx, target.conversation.id);
    if (due) scheduler.due(Date.parse(message.sendAt!));
    else dispatchDirect(ctx, message, billingExtension(actor.extensionIds, target.number));
    return message;
  }

  return {
    async list(principal, conversationId, query = {}) {
      const page = parseInput(PageRequest, query, 'query');
      const actor = await loadActor(ctx, principal);
      const conversation = await visibleConversation(ctx, actor, conversationId);
      const state = await getState(ctx, conversation.id, actor.user.id);
      const result = await ctx.db.messages.find({
        where: { conversationId, ...(state.clearedAt && { createdAt: { $gt: state.clearedAt } }) },
        // Ids sort by creation: they order messages created within the same millisecond.
        orderBy: [['createdAt', 'desc'], ['id', 'desc']],
        cursor: page.cursor,
        limit: page.limit,
      });
      return { items: result.items.reverse(), nextCursor: result.nextCursor };
    },

    async get(principal, id) {
      const actor = await loadActor(ctx, principal);
      return visibleMessage(ctx, actor, id);
    },

    async send(principal, input) {
      requireSender(principal, 'messages.send');
      const parsed = parseInput(MessageSend, input, 'message');
      const actor = await loadActor(ctx, principal);
      if ('conversationId' in parsed) {
        const target = await conversationTarget(actor, parsed.conversationId);
        if ('chatWith' in target) return sendChat(actor, target.chatWith, parsed.body, target.conversation);
        return sendSms(actor, target, parsed.body, parsed.sendAt);
      }
      if (parsed.channel === 'chat') return sendChat(actor, parsed.toUserId, parsed.body);
      return sendSms(actor, await smsTarget(actor, parsed), parsed.body, parsed.sendAt);
    },

    async cancel(principal, id) {
      requireSender(principal, 'messages.cancel');
      const actor = await loadActor(ctx, principal);
      const message = await visibleMessage(ctx, actor, id);
      const canceled = await transition(ctx, id, 'canceled');
      if (!canceled) throw new StateError('Only a scheduled message that is not yet due can be cancelled.', { resource: 'message', state: message.status });
      emitMessageStatus(ctx, canceled);
      await followLastMessage(ctx, canceled);
      return canceled;
    },

    async retry(principal, id) {
      requireSender(principal, 'messages.retry');
      const actor = await loadActor(ctx, principal);
      const message = await visibleMessage(ctx, actor, id);
      if (message.direction !== 'outbound' || !['failed', 'undelivered'].includes(message.status) || !message.conversationId) {
        throw new StateError('Only a failed or undelivered message can be retried.', { resource: 'message', state: message.status });
      }
      const target = await conversationTarget(actor, message.conversationId);
      if ('chatWith' in target) return sendChat(actor, target.chatWith, message.body, target.conversation);
      return sendSms(actor, target, message.body, undefined);
    },

    async capabilities(principal) {
      const settings = await ctx.settings();
      const base = { blockDirectSends: settings.blockDirectSends, defaultCountry: settings.defaultCountry };
      if (principal.role === 'admin') return { canSend: false, reason: 'role.admin', numbers: [], alphaTags: [], ...base } satisfies SendCapabilities;
      const actor = await loadActor(ctx, principal);
      const numbers = sendableNumbers(actor);
      const alphaTags = await alphaTagsFor(ctx, actor);
      const canSend = numbers.length > 0 || alphaTags.length > 0;
      return { canSend, reason: canSend ? null : 'number.none', numbers, alphaTags, ...base };
    },
  };
}

async function visibleMessage(ctx: EngineContext, actor: Actor, id: string): Promise<MessageRecord> {
  const message = await ctx.db.messages.get(id);
  if (message?.conversationId) {
    const conversation = await ctx.db.conversations.get(message.conversationId);
    if (conversation && canSee(actor, conversation)) return message;
  } else if (message?.campaignId && (actor.isAdmin || (await ctx.db.campaigns.get(message.campaignId))?.ownerId === actor.user.id)) {
    return message;
  }
  throw new NotFoundError('message', id);
}

/** Tells those who see the conversation about a new message (inbound SMS, or a chat from someone else). */
export function emitReceived(ctx: EngineContext, message: MessageRecord, conversation: ConversationRecord): void {
  if (ctx.events.hasSubscribers) ctx.events.emit('message.received', { message, conversationId: conversation.id });
}

/**
 * Sends a queued direct message in the background: the record as stored when it was queued, which `transmit` moves on
 * only from the status it has then (a message canceled meanwhile stays canceled).
 */
export function dispatchDirect(ctx: EngineContext, message: MessageRecord, billTo: string | null): void {
  ctx.background(() => transmit(ctx, message, billTo));
}

/**
 * Sends scheduled messages that are due. With `blockDirectSends`, the blocklist is checked again: a message to a number
 * blocked since it was scheduled (an opt-out) fails with `blocklist.blocked` and never goes. Returns how many were
 * released.
 */
export async function releaseDueMessages(ctx: EngineContext): Promise<number> {
  const now = ctx.nowIso();
  const due = await ctx.db.messages.find({ where: { status: 'scheduled', sendAt: { $lte: now } }, orderBy: [['sendAt', 'asc']], limit: 500 });
  const blocked = await blockedRecipients(ctx, due.items);
  let released = 0;
  for (const message of due.items) {
    if (blocked.has(message.to)) {
      await failBlocked(ctx, message);
      continue;
    }
    const queued = await transition(ctx, message.id, 'queued');
    if (!queued) continue;
    released += 1;
    const sender = message.senderId ? await ctx.db.users.get(message.senderId) : null;
    const number = message.numberId ? await ctx.db.numbers.get(message.numberId) : null;
    dispatchDirect(ctx, queued, billingExtension(sender?.extensionIds ?? [], number));
  }
  return released;
}

/** The recipients of these direct messages that are blocked, when the settings keep direct sends from them. */
async function blockedRecipients(ctx: EngineContext, messages: readonly MessageRecord[]): Promise<Set<string>> {
  if (messages.length === 0 || !(await ctx.settings()).blockDirectSends) return new Set();
  const entries = await ctx.db.blocklist.getMany([...new Set(messages.map((message) => message.to))]);
  return new Set(entries.map((entry) => entry.e164));
}

/** A due message to a number blocked since it was scheduled: failed, never sent, and its conversation is told. */
async function failBlocked(ctx: EngineContext, message: MessageRecord): Promise<void> {
  const failed = await transition(ctx, message.id, 'failed', { error: blockedDirectSend(message.to) });
  if (!failed) return;
  emitMessageStatus(ctx, failed);
  await followLastMessage(ctx, failed);
}

/** The earliest `sendAt` of a scheduled message, in ms, or null. */
export async function nextDueMessage(ctx: EngineContext): Promise<number | null> {
  const next = await ctx.db.messages.find({ where: { status: 'scheduled' }, orderBy: [['sendAt', 'asc']], limit: 1 });
  return next.items[0]?.sendAt ? Date.parse(next.items[0].sendAt) : null;
}
