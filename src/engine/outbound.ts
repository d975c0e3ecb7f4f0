import { countSegments } from '../segments.js';
import type { Message, MessageError, MessagePreview, MessageStatus } from '../model/index.js';
import { canTransition } from '../model/index.js';
import type { MessageRecord } from '../ports/store.js';
import type { EngineContext } from './context.js';
import { SYSTEM_ACTOR, blockNumber } from './blocklist.js';
import { tryPhone } from './phones.js';
import { followLastMessage } from './conversations.js';
import { billToOf, chargeFor, storeCharge } from './usage.js';
import { sendWithin, timeoutError, whenLate } from './carrier-call.js';

export interface OutboundInit {
  /** A given id (campaign messages derive theirs from the recipient); a new one otherwise. */
  id?: string;
  conversationId: string | null;
  channel: 'sms' | 'chat';
  from: string;
  to: string;
  body: string;
  status: MessageStatus;
  sendAt?: string | null;
  campaignId?: string | null;
  senderId?: string | null;
  numberId?: string | null;
}

/** A new outbound message record, with its encoding and segments. */
export function newOutbound(ctx: EngineContext, init: OutboundInit): MessageRecord {
  const { encoding, segments } = countSegments(init.body);
  const now = ctx.nowIso();
  return {
    id: init.id ?? ctx.id('msg'),
    conversationId: init.conversationId,
    direction: 'outbound',
    channel: init.channel,
    from: init.from,
    to: init.to,
    body: init.body,
    encoding,
    segments,
    status: init.status,
    error: null,
    createdAt: now,
    updatedAt: now,
    sendAt: init.sendAt ?? null,
    campaignId: init.campaignId ?? null,
    senderId: init.senderId ?? null,
    numberId: init.numberId ?? null,
    providerId: null,
  };
}

export function previewOf(message: Message): MessagePreview {
  return { id: message.id, body: message.body, direction: message.direction, status: message.status, createdAt: message.createdAt, senderId: message.senderId };
}

/**
 * Moves a message's status forward, never backwards: a compare-and-set on the status it had, retried when another
 * change got there first. Returns the new record, or null when the move is not allowed (late or duplicate report).
 */
export async function transition(
  ctx: EngineContext,
  id: string,
  to: MessageStatus,
  patch: Partial<MessageRecord> = {},
): Promise<MessageRecord | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await ctx.db.messages.get(id);
    if (!current || !canTransition(current.status, to)) return null;
    const updated = await ctx.db.messages.update(id, { ...patch, status: to, updatedAt: ctx.nowIso() }, { if: { status: current.status } });
    if (updated) return updated;
  }
  return null;
}

/**
 * `transition` from a record just read: one compare-and-set on the status it had, falling back to reading again only
 * when something else changed it in between. The hot path of dispatch and delivery reports.
 */
export async function transitionFrom(
  ctx: EngineContext,
  current: MessageRecord,
  to: MessageStatus,
  patch: Partial<MessageRecord> = {},
): Promise<MessageRecord | null> {
  if (!canTransition(current.status, to)) return null;
  const updated = await ctx.db.messages.update(current.id, { ...patch, status: to, updatedAt: ctx.nowIso() }, { if: { status: current.status } });
  return updated ?? transition(ctx, current.id, to, patch);
}

/** Tells the users who see the message's conversation that its status changed. */
export function emitMessageStatus(ctx: EngineContext, message: MessageRecord): void {
  if (!ctx.events.hasSubscribers || message.conversationId === null) return;
  ctx.events.emit('message.status', { message, conversationId: message.conversationId });
}

/**
 * Hands a queued message to the carrier once its turn comes (after the carrier has answered the message before it in
 * the same conversation, on this instance; then the organisation's caps on sends and a slot of the engine's, see
 * `SendCaps.directTurn`): queued → sending (before the carrier is called, so that a crash leaves a trace)
 * → charged to `billTo` and sent with the provider id; or failed with the carrier's reason, or with
 * `limit.sends_per_day` past the organisation's daily cap; or, when the carrier does not answer in time, `unknown`
 * until its answer comes (if ever).
 */
export async function transmit(ctx: EngineContext, message: MessageRecord, billTo: string | null): Promise<MessageRecord> {
  // The messages of a conversation reach the carrier in the order they were sent: each after its answer to the one before.
  const endTurn = message.conversationId ? await ctx.conversationTurns.take(message.conversationId) : () => {};
  try {
    return await transmitInTurn(ctx, message, billTo, endTurn);
  } finally {
    endTurn();
  }
}

async function transmitInTurn(ctx: EngineContext, message: MessageRecord, billTo: string | null, endTurn: () => void): Promise<MessageRecord> {
  if (await ctx.suspended()) {
    const held = { code: 'organisation.suspended', message: 'Not sent: the organisation is suspended.' };
    return settle(ctx, message, await transition(ctx, message.id, 'failed', { error: held }));
  }
  const turn = await ctx.caps.directTurn();
  if ('refused' in turn) return settle(ctx, message, await transition(ctx, message.id, 'failed', { error: turn.refused }));
  let sending: MessageRecord | null;
  let outcome: { answer: Awaited<ReturnType<typeof sendWithin>> } | { error: unknown };
  // The turn's slot is the engine's until the carrier answers (or the time allowed for it runs out).
  try {
    sending = await transitionFrom(ctx, message, 'sending');
    if (!sending) {
      await ctx.caps.uncount(turn.day, turn.count);
      return (await ctx.db.messages.get(message.id)) ?? message;
    }
    emitMessageStatus(ctx, sending);
    outcome = await sendWithin(ctx, {
      messageId: sending.id, from: sending.from, to: sending.to, body: sending.body, encoding: sending.encoding, segments: sending.segments,
    }).then((answer) => ({ answer }), (error: unknown) => ({ error }));
  } finally {
    ctx.sendSlots.release();
    endTurn();
  }
  if ('error' in outcome) return settle(ctx, sending, await transition(ctx, sending.id, 'failed', { error: await refusal(ctx, sending.to, outcome.error) }));
  const { answer } = outcome;
  if ('late' in answer) {
    const unknown = settle(ctx, sending, await transition(ctx, sending.id, 'unknown', { error: timeoutError(ctx) }));
    whenLate(ctx, answer, {
      accepted: (providerId) => accept(ctx, sending, providerId, billTo),
      refused: async (error) => settle(ctx, sending, await transition(ctx, sending.id, 'failed', { error: await refusal(ctx, sending.to, error) })),
    });
    return unknown;
  }
  return accept(ctx, sending, answer.providerId, billTo);
}

/**
 * A message the carrier accepted (at once, or late after it was held `unknown`): charged as the carrier accepted it,
 * before it is marked sent, so that a crash in between leaves it charged; then sent with its provider id.
 */
async function accept(ctx: EngineContext, sending: MessageRecord, providerId: string, billTo: string | null): Promise<MessageRecord> {
  await storeCharge(ctx, sending.id, await billToOf(ctx, billTo), sending.createdAt, chargeFor(await ctx.settings(), [sending.segments]));
  let result = await transitionFrom(ctx, sending, 'sent', { providerId, error: null });
  // A report may have overtaken the answer to send(): keep the provider id all the same.
  if (!result) result = await ctx.db.messages.update(sending.id, { providerId });
  ctx.rememberProvider(providerId, { id: sending.id, status: result?.status ?? 'sent', campaignId: null });
  await ctx.replayReports(providerId);
  return settle(ctx, sending, result);
}

/** Tells those who see it of the message's status now (as moved, or as stored when the move was not allowed). */
async function settle(ctx: EngineContext, sending: MessageRecord, moved: MessageRecord | null): Promise<MessageRecord> {
  const final = moved ?? (await ctx.db.messages.get(sending.id)) ?? sending;
  emitMessageStatus(ctx, final);
  await followLastMessage(ctx, final);
  return final;
}

/**
 * The failure a carrier's refusal of a message to `to` gives it. A refusal because the recipient unsubscribed at the
 * carrier (`carrier.opted_out`) also records the opt-out in the sending organisation's blocklist.
 */
export async function refusal(ctx: EngineContext, to: string, error: unknown): Promise<MessageError> {
  const failure = carrierFailure(error);
  const e164 = failure.code === 'carrier.opted_out' ? tryPhone(to, (await ctx.settings()).defaultCountry) : null;
  if (e164) {
    await blockNumber(ctx, { e164, source: 'opt-out', reason: 'The carrier reports that the recipient unsubscribed', by: SYSTEM_ACTOR, message: null });
  }
  return failure;
}

export function carrierFailure(error: unknown): MessageError {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'carrier.error';
  const message = error instanceof Error ? error.message : 'The carrier did not accept the message.';
  return { code, message };
}
