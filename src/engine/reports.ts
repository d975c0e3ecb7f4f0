import type { MessageStatus, RecipientState } from '../model/index.js';
import { canTransition } from '../model/message.js';
import type { MessageRecord } from '../ports/store.js';
import type { StatusReport } from '../ports/carrier.js';
import type { EngineContext } from './context.js';
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
  let previous: MessageStatus | undefined;
  let updated: MessageRecord | null = null;
  if (known) {
    updated = await ctx.db.messages.update(known.id, { ...patch, status: report.status, updatedAt: ctx.nowIso() }, { if: { status: known.status } });
    if (updated) previous = known.status;
  }
  if (!updated) {
    const message = (known ? await ctx.db.messages.get(known.id) : null) ?? (await ctx.db.messages.find({ where: { providerId: report.providerId }, limit: 1 })).items[0];
    if (!message) {
      ctx.holdReport(report);
      return false;
    }
    previous = message.status;
    updated = await transitionFrom(ctx, message, report.status, patch);
    if (!updated) return false;
  }
  if (known) known.status = updated.status;
  const message = { id: updated.id, status: previous! };
  emitMessageStatus(ctx, updated);
  if (updated.campaignId && report.status !== 'sent') {
    const next = recipientStateOf(report.status, report.providerId);
    const error = report.status === 'delivered' ? null : report.error?.message ?? `The carrier reported ${report.status}.`;
    const recipientId = recipientIdOfMessage(message.id) ?? (await ctx.db.campaignRecipients.find({ where: { campaignId: updated.campaignId, messageId: message.id }, limit: 1 })).items[0]?.id;
    if (recipientId) {
      // The recipient's state follows its message's: try the likely one first (`pending`: claimed, not marked sent yet).
      const likely: RecipientState = message.status === 'sending' ? 'pending' : message.status === 'unknown' ? 'unknown' : 'sent';
      for (const from of [likely, ...(['sent', 'pending', 'unknown'] as const).filter((state) => state !== likely)]) {
        const moved = await ctx.db.campaignRecipients.update(recipientId, { state: next, messageId: message.id, error, updatedAt: ctx.nowIso() }, { if: { state: from } });
        if (moved) {
          await runner.moveReported(updated.campaignId, recipientId, from, next);
          await runner.progress(updated.campaignId);
          break;
        }
      }
    }
  }
  return true;
}
