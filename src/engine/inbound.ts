import type { KeywordRule, SmsNumber } from '../model/index.js';
import type { InboundSms } from '../ports/carrier.js';
import type { ConversationRecord, MessageRecord } from '../ports/store.js';
import { countSegments } from '../segments.js';
import { viewersOfNumber } from './access.js';
import { SYSTEM_ACTOR, blockNumber, unblockNumber } from './blocklist.js';
import { matchContacts } from './contacts.js';
import type { EngineContext } from './context.js';
import { emitConversationUpdated, getOrCreateThread, numberThreadKey, touchThread } from './conversations.js';
import { emitReceived } from './messages.js';
import { newOutbound, previewOf, transmit } from './outbound.js';
import { tryPhone } from './phones.js';
import type { E164 } from '../phone.js';
import { classifierFor } from './settings.js';
import { countInbound } from './usage.js';

/** An SMS the service sends by itself: an opt-out confirmation, a HELP answer, an auto-reply, a forward. */
interface SystemSend {
  conversation: ConversationRecord | null;
  from: string;
  to: string;
  body: string;
  numberId: string | null;
  billTo: string | null;
}

export function sendSystem(ctx: EngineContext, send: SystemSend): void {
  ctx.background(async () => {
    const message = newOutbound(ctx, {
      conversationId: send.conversation?.id ?? null, channel: 'sms', from: send.from, to: send.to, body: send.body, status: 'queued', numberId: send.numberId,
    });
    await ctx.db.messages.insert(message);
    if (send.conversation) {
      await touchThread(ctx, send.conversation, previewOf(message), { unreadFor: [], reveal: [] });
      emitConversationUpdated(ctx, send.conversation.id);
    }
    await transmit(ctx, message, send.billTo);
  });
}

function sameAddress(a: string, b: string): boolean {
  return a.replace(/[^\dA-Za-z]/g, '').toUpperCase() === b.replace(/[^\dA-Za-z]/g, '').toUpperCase();
}

/**
 * Processes an inbound SMS: opt-out, opt-in and HELP (per `classifyKeyword` and the settings), keyword routing on the
 * short code, and delivery into the conversation of the number it was sent to, with the number's routing (portal,
 * e-mail, mobile) and auto-response. A re-delivered message (same provider id) is ignored. Nothing is dropped: a
 * message for no known number is stored without a conversation.
 */
export async function receiveSms(ctx: EngineContext, inbound: InboundSms): Promise<MessageRecord | null> {
  const duplicate = await ctx.db.messages.find({ where: { providerId: inbound.providerId, direction: 'inbound' }, limit: 1 });
  if (duplicate.items[0]) return null;
  const settings = await ctx.settings();
  const fromE164 = tryPhone(inbound.from, settings.defaultCountry);
  const from = fromE164 ?? inbound.from;
  const to = tryPhone(inbound.to, settings.defaultCountry) ?? inbound.to;
  const kind = classifierFor(settings).classify(inbound.body);
  const received = (conversationId: string | null, numberId: string | null): MessageRecord => {
    const { encoding, segments } = countSegments(inbound.body);
    const at = Number.isNaN(Date.parse(inbound.receivedAt)) ? ctx.nowIso() : new Date(Date.parse(inbound.receivedAt)).toISOString();
    return {
      id: ctx.id('msg'), conversationId, direction: 'inbound', channel: 'sms', from, to, body: inbound.body, encoding, segments, status: 'received',
      error: null, createdAt: at, updatedAt: at, sendAt: null, campaignId: null, senderId: null, numberId, providerId: inbound.providerId,
    };
  };

  const number = (await ctx.db.numbers.find({ where: { e164: to as E164, removedAt: null }, limit: 1 })).items[0] ?? null;
  const onShortCode = settings.shortCode !== null && sameAddress(to, settings.shortCode);
  const billTo = number?.extensionIds[0] ?? null;

  // Opt-out, opt-in and HELP apply to a sender with a real number, whichever of our numbers it wrote to.
  if (kind !== 'none' && fromE164) await applyCompliance(ctx, kind, fromE164, inbound.body, number ? { from: number.e164, numberId: number.id, billTo } : onShortCode ? { from: settings.shortCode!, numberId: null, billTo: null } : null);

  if (onShortCode && kind === 'none') {
    const rule = await matchKeyword(ctx, inbound.body, settings.keywordPrefix);
    if (rule) return routeKeyword(ctx, rule, from, inbound.body, received, settings.shortCode!);
  }
  if (!number) {
    const orphan = received(null, null);
    await ctx.db.messages.insert(orphan);
    return orphan;
  }
  return deliverToNumber(ctx, number, from, inbound.body, kind === 'none', received);
}

async function applyCompliance(
  ctx: EngineContext,
  kind: 'opt-out' | 'opt-in' | 'help',
  from: E164,
  body: string,
  reply: { from: string; numberId: string | null; billTo: string | null } | null,
): Promise<void> {
  const settings = await ctx.settings();
  let text: string | null = null;
  if (kind === 'opt-out') {
    const { added } = await blockNumber(ctx, { e164: from, source: 'opt-out', reason: 'Replied with an opt-out keyword', by: SYSTEM_ACTOR, message: body });
    text = added ? settings.optOutConfirmation : null;
  } else if (kind === 'opt-in') {
    const removed = await unblockNumber(ctx, from, { by: SYSTEM_ACTOR, reason: 'Replied with an opt-in keyword', message: body, onlySource: 'opt-out' });
    text = removed ? settings.optInConfirmation : null;
  } else {
    text = settings.helpReply;
  }
  if (text && reply) sendSystem(ctx, { conversation: null, from: reply.from, to: from, body: text, numberId: reply.numberId, billTo: reply.billTo });
}

async function matchKeyword(ctx: EngineContext, body: string, prefix: string | null): Promise<KeywordRule | null> {
  const words = body.trim().split(/\s+/);
  if (prefix) {
    if ((words.shift() ?? '').toUpperCase() !== prefix.toUpperCase()) return null;
  }
  const keyword = (words[0] ?? '').toUpperCase().replace(/[^\p{L}\p{N}-]/gu, '');
  if (!keyword) return null;
  const rules = await ctx.db.keywords.find({ where: { keyword, enabled: true }, limit: 1 });
  return rules.items[0] ?? null;
}

async function routeKeyword(
  ctx: EngineContext,
  rule: KeywordRule,
  from: string,
  body: string,
  received: (conversationId: string | null, numberId: string | null) => MessageRecord,
  shortCode: string,
): Promise<MessageRecord> {
  let conversation: ConversationRecord | null = null;
  if (rule.routes.portal) {
    conversation = await getOrCreateThread(ctx, {
      channel: 'sms', numberId: null, peer: from, participants: [rule.routes.portal], threadKey: `keyword:${rule.id}:${from}`, alphaTag: null, keyword: rule.keyword,
    });
  }
  const message = received(conversation?.id ?? null, null);
  await ctx.db.messages.insert(message);
  if (conversation) {
    const touched = await touchThread(ctx, conversation, previewOf(message), { unreadFor: [rule.routes.portal!], reveal: [rule.routes.portal!] });
    emitReceived(ctx, message, touched);
    emitConversationUpdated(ctx, touched.id);
  }
  if (rule.routes.email) {
    await ctx.notifier.sendEmail({ to: rule.routes.email, subject: `SMS keyword ${rule.keyword} from ${from}`, text: body });
  }
  if (rule.routes.mobile) {
    sendSystem(ctx, { conversation: null, from: shortCode, to: rule.routes.mobile, body: `${rule.keyword} from ${from}: ${body}`.slice(0, 1600), numberId: null, billTo: null });
  }
  if (rule.autoReply && !(await ctx.db.blocklist.get(from))) {
    sendSystem(ctx, { conversation, from: shortCode, to: from, body: rule.autoReply, numberId: null, billTo: null });
  }
  await countInbound(ctx, null, message.createdAt);
  return message;
}

async function deliverToNumber(
  ctx: EngineContext,
  number: SmsNumber,
  from: string,
  body: string,
  mayAutoReply: boolean,
  received: (conversationId: string | null, numberId: string | null) => MessageRecord,
): Promise<MessageRecord> {
  const conversation = await getOrCreateThread(ctx, {
    channel: 'sms', numberId: number.id, peer: from, participants: [], threadKey: numberThreadKey(number.id, from), alphaTag: null, keyword: null,
  });
  const message = received(conversation.id, number.id);
  await ctx.db.messages.insert(message);
  const { routing } = number;
  const viewers = routing.portal ? await viewersOfNumber(ctx, number) : [];
  const touched = await touchThread(ctx, conversation, previewOf(message), { unreadFor: viewers, reveal: viewers });
  emitReceived(ctx, message, touched);
  emitConversationUpdated(ctx, touched.id);
  const billTo = number.extensionIds[0] ?? null;
  if (routing.email) {
    const contact = (await matchContacts(ctx, null, [from])).get(from);
    await ctx.notifier.sendEmail({ to: routing.email, subject: `SMS from ${contact?.display ?? from} to ${number.e164}`, text: body });
  }
  if (routing.mobile) {
    sendSystem(ctx, { conversation: null, from: number.e164, to: routing.mobile, body: `From ${from}: ${body}`.slice(0, 1600), numberId: number.id, billTo });
  }
  if (routing.autoReply && mayAutoReply && !(await ctx.db.blocklist.get(from))) {
    sendSystem(ctx, { conversation, from: number.e164, to: from, body: routing.autoReply, numberId: number.id, billTo });
  }
  await countInbound(ctx, billTo, message.createdAt);
  return message;
}
