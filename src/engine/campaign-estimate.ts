import { type Campaign, type CampaignCounts, type CampaignEstimate, emptyCounts, type Settings } from '../model/index.js';
import type { CampaignRecipientRecord } from '../ports/store.js';
import { countSegments, type SegmentCount } from '../segments.js';
import { compileTemplate, type CompiledTemplate } from '../template.js';
import { type SourceRow, sourceRows } from './campaign-source.js';
import type { EngineContext } from './context.js';
import { campaignRecipientId } from './ids.js';
import { priceFor } from './usage.js';

/**
 * The estimate of a campaign, added up page by page of its recipient source: deliverable recipients (valid, not a
 * duplicate, not on the blocklist), segments per message with merge fields rendered, total segments and cost.
 */
class EstimateTally {
  private readonly estimate: CampaignEstimate;
  private readonly template: CompiledTemplate;
  private readonly fixed: SegmentCount;
  private maxSegments = 0;
  private ucs2 = false;
  /** The numbers of valid rows seen so far: a valid row repeating one is a duplicate. */
  private readonly seen = new Set<string>();

  constructor(
    body: string,
    private readonly settings: Settings,
  ) {
    this.fixed = countSegments(body);
    this.template = compileTemplate(body);
    this.estimate = {
      deliverable: 0, total: 0, invalid: 0, duplicate: 0, blocked: 0, encoding: this.fixed.encoding,
      segmentsPerMessage: this.fixed.segments, totalSegments: 0, cost: 0, currency: settings.currency,
    };
  }

  /** Adds one page of rows; returns the valid rows that repeat an earlier number (duplicates). */
  async add(ctx: EngineContext, rows: readonly SourceRow[]): Promise<Set<SourceRow>> {
    const { estimate } = this;
    estimate.total += rows.length;
    const valid: SourceRow[] = [];
    const repeated = new Set<SourceRow>();
    for (const row of rows) {
      if (row.state === 'invalid') estimate.invalid += 1;
      else if (row.state === 'duplicate') estimate.duplicate += 1;
      else if (this.seen.has(row.e164)) {
        estimate.duplicate += 1;
        repeated.add(row);
      } else {
        this.seen.add(row.e164);
        valid.push(row);
      }
    }
    const blocked = new Set<string>((await ctx.db.blocklist.getMany(valid.map((row) => row.e164))).map((entry) => entry.e164));
    const merge = this.template.fields.length > 0;
    for (const row of valid) {
      if (blocked.has(row.e164)) {
        estimate.blocked += 1;
        continue;
      }
      const rendered = merge ? this.template.render(row.fields) : null;
      const count = rendered && rendered.ok ? countSegments(rendered.text) : this.fixed;
      estimate.deliverable += 1;
      estimate.totalSegments += count.segments;
      estimate.cost += priceFor(this.settings, count.segments);
      this.maxSegments = Math.max(this.maxSegments, count.segments);
      this.ucs2 ||= count.encoding === 'UCS-2';
    }
    return repeated;
  }

  result(): CampaignEstimate {
    return {
      ...this.estimate,
      segmentsPerMessage: this.estimate.deliverable > 0 ? this.maxSegments : this.fixed.segments,
      encoding: this.ucs2 ? 'UCS-2' : this.fixed.encoding,
    };
  }
}

/** The estimate of a campaign from its recipient source (a list or an upload), as it stands now. */
export async function estimateCampaign(ctx: EngineContext, campaign: Campaign): Promise<CampaignEstimate> {
  const tally = new EstimateTally(campaign.body, await ctx.settings());
  if (campaign.recipients) for await (const rows of sourceRows(ctx, campaign.recipients)) await tally.add(ctx, rows);
  return tally.result();
}

/**
 * Copies the recipient source into the campaign (invalid and duplicate rows are kept for the counts) and estimates
 * it in the same walk, so that starting a campaign reads its source once. Returns the estimate.
 */
export async function materialiseCampaign(ctx: EngineContext, campaign: Campaign): Promise<CampaignEstimate> {
  const tally = new EstimateTally(campaign.body, await ctx.settings());
  if (!campaign.recipients) return tally.result();
  const now = ctx.nowIso();
  for await (const rows of sourceRows(ctx, campaign.recipients)) {
    const repeated = await tally.add(ctx, rows);
    const records: CampaignRecipientRecord[] = rows.map((row) => ({
      id: campaignRecipientId(campaign.id, row.index), campaignId: campaign.id, index: row.index, e164: row.e164, fields: row.fields, line: row.line,
      state: row.state === 'valid' ? (repeated.has(row) ? 'duplicate' : 'pending') : row.state, messageId: null, error: row.error, updatedAt: now,
    }));
    await ctx.db.campaignRecipients.insertMany(records);
  }
  return tally.result();
}

/**
 * The counts of a campaign whose recipients `materialiseCampaign` has just copied, from its estimate: every row is
 * pending but the invalid and duplicate ones (blocked recipients are found when their turn comes).
 */
export function copiedCounts(estimate: CampaignEstimate): CampaignCounts {
  const { total, invalid, duplicate } = estimate;
  return { ...emptyCounts(), total, invalid, duplicate, pending: total - invalid - duplicate };
}
