import type { RecipientState, Settings } from '../model/index.js';
import type { CampaignRecipientRecord, MessageRecord } from '../ports/store.js';
import type { EngineContext } from './context.js';
import { refusal, transition } from './outbound.js';
import { type BillTo, chargeFor, storeCharge } from './usage.js';

/** A claimed recipient and its message, stored `sending`. */
export interface Claim {
  recipient: CampaignRecipientRecord;
  message: MessageRecord;
}

/** The charge of a batch's messages: to whom, at which price. */
export interface BatchCharge {
  billTo: BillTo;
  settings: Settings;
}

/** The campaign counts a late answer moves, and their progress (the runner's). */
export interface CampaignCounter {
  move(campaignId: string, from: RecipientState, to: RecipientState): Promise<void>;
  /** Runs a change of recipients stored and then counted (see `CampaignRunner.changing`). */
  changing<T>(work: () => Promise<T>): Promise<T>;
  progress(campaignId: string): Promise<void>;
}

/**
 * The carrier accepted a campaign message after all, after it was held `unknown` for want of an answer in time: it is
 * charged, recorded as sent with its provider id, and its recipient (still `unknown`) marked sent; reports held for it
 * then apply.
 */
export async function acceptLate(ctx: EngineContext, counter: CampaignCounter, { message, recipient }: Claim, providerId: string, charge: BatchCharge): Promise<void> {
  const { db } = ctx;
  await storeCharge(ctx, message.id, charge.billTo, ctx.nowIso(), chargeFor(charge.settings, [message.segments]));
  const moved = await transition(ctx, message.id, 'sent', { providerId, error: null });
  // Something moved the message on meanwhile: keep the provider id all the same.
  const status = moved?.status ?? (await db.messages.update(message.id, { providerId }))?.status ?? 'sent';
  ctx.rememberProvider(providerId, { id: message.id, status, campaignId: recipient.campaignId });
  await settleRecipient(ctx, counter, recipient, 'sent', null);
  await ctx.replayReports(providerId);
}

/** The carrier refused a campaign message after all, after it was held `unknown`: it fails with the reason, as its recipient. */
export async function refuseLate(ctx: EngineContext, counter: CampaignCounter, { message, recipient }: Claim, error: unknown): Promise<void> {
  const failure = await refusal(ctx, message.to, error);
  if (await transition(ctx, message.id, 'failed', { error: failure })) await settleRecipient(ctx, counter, recipient, 'failed', failure.message);
}

/** Moves a recipient held `unknown` on, with its count. */
async function settleRecipient(ctx: EngineContext, counter: CampaignCounter, recipient: CampaignRecipientRecord, state: RecipientState, error: string | null): Promise<void> {
  const moved = await counter.changing(async () => {
    const changed = await ctx.db.campaignRecipients.update(recipient.id, { state, error, updatedAt: ctx.nowIso() }, { if: { state: 'unknown' } });
    if (changed) await counter.move(recipient.campaignId, 'unknown', state);
    return changed;
  });
  if (!moved) return;
  await counter.progress(recipient.campaignId);
}
