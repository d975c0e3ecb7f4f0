import type { RecipientState } from '../model/index.js';
import type { StatusReport } from '../ports/carrier.js';
import type { EngineContext } from './context.js';
import type { CampaignRunner } from './dispatch.js';
import { emitMessageStatus, transition } from './outbound.js';

/**
 * Applies a carrier's delivery report. Status only moves forward: a late or duplicate report is ignored. A report
 * on a campaign message moves its recipient too (a report for a message left `unknown` by a crash settles it).
 * Returns whether anything changed.
 */
export async function applyStatusReport(ctx: EngineContext, runner: CampaignRunner, report: StatusReport): Promise<boolean> {
  const found = await ctx.db.messages.find({ where: { providerId: report.providerId }, limit: 1 });
  const message = found.items[0];
  if (!message) {
    ctx.holdReport(report);
    return false;
  }
  const updated = await transition(ctx, message.id, report.status, report.error ? { error: report.error } : {});
  if (!updated) return false;
  emitMessageStatus(ctx, updated);
  if (updated.campaignId && report.status !== 'sent') {
    const next: RecipientState = report.status === 'delivered' ? 'delivered' : 'failed';
    const error = report.status === 'delivered' ? null : report.error?.message ?? `The carrier reported ${report.status}.`;
    const recipients = await ctx.db.campaignRecipients.find({ where: { campaignId: updated.campaignId, messageId: message.id }, limit: 1 });
    const recipient = recipients.items[0];
    if (recipient) {
      for (const from of ['sent', 'sending', 'unknown'] as const) {
        const moved = await ctx.db.campaignRecipients.update(recipient.id, { state: next, error, updatedAt: ctx.nowIso() }, { if: { state: from } });
        if (moved) {
          await runner.move(updated.campaignId, from, next);
          await runner.progress(updated.campaignId);
          break;
        }
      }
    }
  }
  return true;
}
