import type { MessageStatus, RecipientState } from '../model/index.js';
import { canTransition } from '../model/message.js';
import type { MessageRecord } from '../ports/store.js';
import type { StatusReport } from '../ports/carrier.js';
import type { EngineContext, SentMessage } from './context.js';
import { followLastMessage } from './conversations.js';
import { type CampaignRunner, recipientStateOf } from './dispatch.js';
import { recipientIdOfMessage } from './ids.js';
import { emitMessageStatus, transitionFrom } from './outbound.js';

/**
 * Applies a carrier's delivery report. Status only moves forward: a late or duplicate report is ignored. A report
 * on a campaign message moves its recipient too (a report for a message left `unknown` by a crash settles it).
 * Returns whether anything changed.
 */
export async function applyStatusReport(ctx: EngineContext, runner: CampaignRunner, report: StatusReport): Promise<boolean> {
  const patch = report.error ? { error: report.error } : {};
  const known = ctx.messageOfProvider(report.providerId);
  // A status this engine gave the message is never ahead of the stored one: what it rules out needs no read.
  if (known && !canTransition(known.status, report.status)) return false;
  const moved = (known && (await moveKnown(ctx, known, report, patch))) || (await moveStored(ctx, known, report, patch));
  if (!moved) return false;
  if (known) known.status = moved.status;
  if (moved.record) {
    emitMessageStatus(ctx, moved.record);
    await followLastMessage(ctx, moved.record);
  }
  if (moved.campaignId && report.status !== 'sent') await moveRecipient(ctx, runner, moved, moved.campaignId, report);
  return true;
}

/** A message a report moved on. */
interface Moved {
  id: string;
  campaignId: string | null;
  previous: MessageStatus;
  status: MessageStatus;
  /** The message as stored now, when it was read back (a campaign's message is not: no conversation is told of it). */
  record: MessageRecord | null;
}

/** Moves a message this engine remembers: a compare-and-set on the status the engine gave it, with no read first. */
async function moveKnown(ctx: EngineContext, known: SentMessage, report: StatusReport, patch: Partial<MessageRecord>): Promise<Moved | null> {
  const change = { ...patch, status: report.status, updatedAt: ctx.nowIso() };
  const when = { if: { status: known.status } };
  if (known.campaignId) {
    const [changed] = await ctx.db.messages.updateEach([[known.id, change]], when);
    return changed ? { id: known.id, campaignId: known.campaignId, previous: known.status, status: report.status, record: null } : null;
  }
  const record = await ctx.db.messages.update(known.id, change, when);
  return record && { id: record.id, campaignId: record.campaignId, previous: known.status, status: record.status, record };
}

/**
 * Moves a message as stored (found by its provider id when this engine does not remember it, or changed since), or
 * holds the report until its message records the provider id.
 */
async function moveStored(ctx: EngineContext, known: SentMessage | undefined, report: StatusReport, patch: Partial<MessageRecord>): Promise<Moved | null> {
  const message = (known ? await ctx.db.messages.get(known.id) : null) ?? (await ctx.db.messages.find({ where: { providerId: report.providerId }, limit: 1 })).items[0];
  if (!message) {
    ctx.holdReport(report);
    return null;
  }
  const record = await transitionFrom(ctx, message, report.status, patch);
  return record && { id: record.id, campaignId: record.campaignId, previous: message.status, status: record.status, record };
}

/** The states a recipient waiting for its message's report goes through, in order. */
const RECIPIENT_LIFECYCLE: readonly RecipientState[] = ['pending', 'unknown', 'sent'];

/** A campaign recipient's state follows its message's. */
async function moveRecipient(ctx: EngineContext, runner: CampaignRunner, message: Moved, campaignId: string, report: StatusReport): Promise<void> {
  const recipientId = recipientIdOfMessage(message.id) ?? (await ctx.db.campaignRecipients.find({ where: { campaignId, messageId: message.id }, limit: 1 })).items[0]?.id;
  if (!recipientId) return;
  const next = recipientStateOf(report.status, report.providerId);
  const error = report.status === 'delivered' ? null : report.error?.message ?? `The carrier reported ${report.status}.`;
  const change = { state: next, messageId: message.id, error, updatedAt: ctx.nowIso() };
  // Try the likely state first (`pending`: claimed, not marked sent yet), then each in the order a recipient goes
  // through them, so that one moved on meanwhile (marked sent while this ran) is still found. `updateEach` gives back
  // no copy of the record.
  const likely: RecipientState = message.previous === 'sending' ? 'pending' : message.previous === 'unknown' ? 'unknown' : 'sent';
  for (const from of [likely, ...RECIPIENT_LIFECYCLE.filter((state, index) => index > 0 || state !== likely)]) {
    const moved = await runner.changing(async () => {
      const [changed] = await ctx.db.campaignRecipients.updateEach([[recipientId, change]], { if: { state: from } });
      if (changed) await runner.moveReported(campaignId, recipientId, from, next);
      return changed;
    });
    if (moved) {
      await runner.progress(campaignId);
      return;
    }
  }
}
