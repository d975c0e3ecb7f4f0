import { validateAlphaTag } from '../alpha-tag.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { StateError } from '../errors/state-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Campaign, CampaignEstimate, CampaignIssue, CampaignStatus, Principal } from '../model/index.js';
import { CampaignDraft, CampaignQuery, CampaignUpdate, RecipientFileInput, RecipientQuery, Timestamp, UploadCreate, emptyCounts } from '../model/index.js';
import type { CampaignsApi } from '../ports/backend.js';
import type { UploadRecipientRecord } from '../ports/store.js';
import { templateFields } from '../template.js';
import { type Actor, canSeeList, loadActor, mayCharge, requireSender, sendableNumbers } from './access.js';
import { copiedCounts, estimateCampaign, materialiseCampaign } from './campaign-estimate.js';
import { sourceColumns } from './campaign-source.js';
import type { EngineContext } from './context.js';
import { type CampaignRunner, emitCampaign } from './dispatch.js';
import { campaignMessageId, uploadRowId } from './ids.js';
import { mapPage } from './paging.js';
import type { Scheduler } from './scheduler.js';
import { uploadRecipientFile } from './upload-file.js';
import { parseInput } from './validate.js';

const EDITABLE: readonly CampaignStatus[] = ['draft', 'scheduled'];

const CHARGE_REFUSED = 'You may bill a campaign only to your own extensions or those of your department.';

function chargeRefused(): PermissionError {
  return new PermissionError(CHARGE_REFUSED, { action: 'campaigns.ratingExtensionId', code: 'permission.rating_extension' });
}

export function createCampaignsApi(ctx: EngineContext, runner: CampaignRunner, scheduler: Scheduler): CampaignsApi {
  /** Owners see their campaigns; administrators see all (and may stop them, never start them). */
  async function visible(principal: Principal, id: string): Promise<Campaign> {
    const campaign = await ctx.db.campaigns.get(id);
    if (!campaign || (principal.role !== 'admin' && campaign.ownerId !== principal.userId)) throw new NotFoundError('campaign', id);
    return withLiveCounts(campaign);
  }

  async function listVisible(actor: Actor, listId: string): Promise<boolean> {
    const list = await ctx.db.lists.get(listId);
    return list !== null && canSeeList(actor, list);
  }

  async function withLiveCounts(campaign: Campaign): Promise<Campaign> {
    if (campaign.status === 'draft' || campaign.status === 'scheduled') return campaign;
    let counts = await runner.countsOf(campaign.id);
    // Completed by another instance while the counts cached here still have recipients to go, or were cached before its
    // recipients were copied: read them again.
    if (campaign.status === 'completed' && (counts.pending + counts.sending > 0 || counts.total !== campaign.counts.total)) {
      runner.forgetCounts(campaign.id);
      counts = await runner.countsOf(campaign.id);
    }
    return { ...campaign, counts: { ...counts } };
  }

  async function owned(principal: Principal, id: string, action: string): Promise<Campaign> {
    requireSender(principal, action);
    const campaign = await visible(principal, id);
    if (campaign.ownerId !== principal.userId) throw new PermissionError('Only the campaign\'s owner can do this.', { action });
    return campaign;
  }

  async function setStatus(campaign: Campaign, from: readonly CampaignStatus[], patch: Partial<Campaign>): Promise<Campaign> {
    let updated: Campaign | null = null;
    for (const status of from) {
      updated = await ctx.db.campaigns.update(campaign.id, { ...patch, updatedAt: ctx.nowIso() }, { if: { status } });
      if (updated) break;
    }
    if (!updated) throw new StateError(`The campaign is ${campaign.status}.`, { resource: 'campaign', state: campaign.status });
    emitCampaign(ctx, 'campaign.status', () => ({ campaign: updated! }));
    return updated;
  }

  /** What keeps a campaign from starting; with `estimate` (computed for the start), also that someone can be sent to. */
  async function issuesOf(actor: Actor, campaign: Campaign, estimate: CampaignEstimate | null): Promise<CampaignIssue[]> {
    const forStart = estimate !== null;
    const issues: CampaignIssue[] = [];
    const add = (field: CampaignIssue['field'], code: string, message: string) => issues.push({ field, code, message });
    if (!campaign.sender) add('sender', 'sender.required', 'Choose a number or an alpha tag to send from.');
    else if (campaign.sender.type === 'number') {
      const numberId = campaign.sender.numberId;
      if (!sendableNumbers(actor).some((number) => number.id === numberId)) add('sender', 'sender.number', 'This number is not assigned to your extension or is out of service.');
    } else {
      const check = validateAlphaTag(campaign.sender.tag);
      if (!check.ok) add('sender', check.code, check.reason);
      else if (!ctx.carrier.capabilities.alphaTags) add('sender', 'sender.alpha_unsupported', 'The carrier does not support alpha tags.');
      else {
        const department = actor.user.departmentId ? await ctx.db.departments.get(actor.user.departmentId) : null;
        if (!department?.alphaTags.includes(campaign.sender.tag)) add('sender', 'sender.alpha_not_allowed', `Your department may not send as "${campaign.sender.tag}".`);
      }
    }
    if (!campaign.body.trim()) add('body', 'body.required', 'Write the message.');
    if (!campaign.ratingExtensionId) add('ratingExtensionId', 'rating.required', 'Choose the extension the campaign is billed to.');
    else {
      const extension = await ctx.db.extensions.get(campaign.ratingExtensionId);
      if (!extension) add('ratingExtensionId', 'rating.unknown', 'This extension does not exist.');
      else if (!mayCharge(actor, extension)) add('ratingExtensionId', 'rating.not_allowed', CHARGE_REFUSED);
    }
    if (!campaign.recipients) add('recipients', 'recipients.required', 'Choose a predefined list or upload a file.');
    else if ('listId' in campaign.recipients && !(await listVisible(actor, campaign.recipients.listId))) add('recipients', 'recipients.missing', 'The list or file no longer exists.');
    else {
      try {
        const columns = new Set((await sourceColumns(ctx, campaign.recipients)).map((column) => column.toLowerCase()));
        const missing = templateFields(campaign.body).filter((field) => !columns.has(field.toLowerCase()));
        if (missing.length > 0) add('body', 'body.unknown_field', `The recipients have no column for: ${missing.join(', ')}.`);
        if (estimate && estimate.deliverable === 0) add('recipients', 'recipients.none_deliverable', 'No recipient can be sent to.');
      } catch (error) {
        if (error instanceof NotFoundError) add('recipients', 'recipients.missing', 'The list or file no longer exists.');
        else throw error;
      }
    }
    if (campaign.scheduledAt && Date.parse(campaign.scheduledAt) <= ctx.clock.now() && campaign.status === 'draft' && forStart === false) {
      add('scheduledAt', 'schedule.past', 'The scheduled time has passed.');
    }
    return issues;
  }

  /** Throws the first issue that keeps the campaign from starting; returns its estimate. */
  async function assertValid(actor: Actor, campaign: Campaign): Promise<CampaignEstimate> {
    const estimate = await estimateCampaign(ctx, campaign);
    const issues = await issuesOf(actor, campaign, estimate);
    if (issues.length > 0) throw issuesError(issues);
    return estimate;
  }

  function issuesError(issues: readonly CampaignIssue[]): ValidationError {
    return new ValidationError(issues[0]!.message, { field: issues[0]!.field, issues: issues.map((issue) => ({ path: [issue.field], message: issue.message, code: issue.code })) });
  }

  /**
   * Checks a campaign that is about to run and returns its estimate. On a first start the recipient source is read
   * once: copied into the campaign and estimated in the same walk; a campaign that may not start keeps no recipients.
   */
  async function prepare(actor: Actor, campaign: Campaign): Promise<{ estimate: CampaignEstimate; copied: boolean }> {
    if (!campaign.recipients || (await ctx.db.campaignRecipients.count({ campaignId: campaign.id })) > 0) {
      return { estimate: await assertValid(actor, campaign), copied: false };
    }
    const early = await issuesOf(actor, campaign, null);
    if (early.length > 0) throw issuesError(early);
    const estimate = await materialiseCampaign(ctx, campaign);
    const issues = await issuesOf(actor, campaign, estimate);
    if (issues.length > 0) {
      await ctx.db.campaignRecipients.deleteMany({ campaignId: campaign.id });
      throw issuesError(issues);
    }
    return { estimate, copied: true };
  }

  /**
   * Prepares and runs a campaign. When it cannot run after all (its status changed meanwhile), the recipients this
   * start copied are dropped again, so that an edited draft never runs on an old copy.
   */
  async function begin(actor: Actor, campaign: Campaign, from: readonly CampaignStatus[]): Promise<Campaign> {
    const { estimate, copied } = await prepare(actor, campaign);
    try {
      if (copied) runner.knowCounts(campaign.id, copiedCounts(estimate));
      const counts = { ...(await runner.countsOf(campaign.id)) };
      const started = await setStatus(campaign, from, { status: 'running', startedAt: ctx.nowIso(), estimate, counts, error: null });
      runner.start(started.id);
      return started;
    } catch (error) {
      if (copied) {
        runner.forgetCounts(campaign.id);
        await ctx.db.campaignRecipients.deleteMany({ campaignId: campaign.id });
      }
      throw error;
    }
  }

  async function checkDraft(actor: Actor, draft: { sender?: Campaign['sender']; recipients?: Campaign['recipients']; ratingExtensionId?: string | null }): Promise<void> {
    // A number of the organisation, though perhaps not the user's (`validate` says so): another organisation's is unknown.
    if (draft.sender?.type === 'number' && !(await ctx.db.numbers.get(draft.sender.numberId))) throw new NotFoundError('number', draft.sender.numberId);
    if (draft.recipients && 'uploadId' in draft.recipients) {
      const upload = await ctx.db.uploads.get(draft.recipients.uploadId);
      if (!upload || upload.ownerId !== actor.user.id) throw new NotFoundError('upload', draft.recipients.uploadId);
    }
    if (draft.recipients && 'listId' in draft.recipients) {
      const list = await ctx.db.lists.get(draft.recipients.listId);
      if (!list || !canSeeList(actor, list)) throw new NotFoundError('list', draft.recipients.listId);
    }
    if (draft.ratingExtensionId) {
      const extension = await ctx.db.extensions.get(draft.ratingExtensionId);
      if (!extension) throw new NotFoundError('extension', draft.ratingExtensionId);
      if (!mayCharge(actor, extension)) throw chargeRefused();
    }
  }

  /** A new draft of `actor` from what they gave (stored by `create`, only checked by `estimateDraft`). */
  function draftCampaign(actor: Actor, id: string, draft: CampaignUpdate & { name: string }): Campaign {
    const now = ctx.nowIso();
    return {
      id, name: draft.name, ownerId: actor.user.id, departmentId: actor.user.departmentId, sender: draft.sender ?? null, body: draft.body ?? '',
      ratingExtensionId: draft.ratingExtensionId ?? actor.extensionIds[0] ?? null, recipients: draft.recipients ?? null, scheduledAt: draft.scheduledAt ?? null,
      status: 'draft', counts: emptyCounts(), estimate: null, createdAt: now, updatedAt: now, startedAt: null, completedAt: null, error: null,
    };
  }

  const api: CampaignsApi = {
    async list(principal, query = {}) {
      const input = parseInput(CampaignQuery, query, 'query');
      await loadActor(ctx, principal);
      const page = await ctx.db.campaigns.find({
        where: { ...(principal.role !== 'admin' && { ownerId: principal.userId }), ...(input.status && { status: input.status }) },
        search: input.query?.trim() ? { fields: ['name', 'body'], text: input.query.trim() } : undefined,
        orderBy: [['createdAt', 'desc'], ['id', 'desc']],
        cursor: input.cursor,
        limit: input.limit,
      });
      return { ...page, items: await Promise.all(page.items.map(withLiveCounts)) };
    },

    get: visible,

    async create(principal, input) {
      requireSender(principal, 'campaigns.create');
      const draft = parseInput(CampaignDraft, input, 'campaign');
      const actor = await loadActor(ctx, principal);
      await checkDraft(actor, draft);
      const campaign = draftCampaign(actor, ctx.id('cmp'), { ...draft, name: draft.name });
      await ctx.db.campaigns.insert(campaign);
      return campaign;
    },

    async update(principal, id, input) {
      const patch = parseInput(CampaignUpdate, input, 'campaign');
      const campaign = await owned(principal, id, 'campaigns.update');
      if (!EDITABLE.includes(campaign.status)) throw new StateError(`A ${campaign.status} campaign cannot be edited.`, { resource: 'campaign', state: campaign.status });
      await checkDraft(await loadActor(ctx, principal), patch);
      // Editing a scheduled campaign takes it back to draft: it must be scheduled again.
      return setStatus(campaign, EDITABLE, { ...patch, status: 'draft', ...(campaign.status === 'scheduled' && patch.scheduledAt === undefined && { scheduledAt: null }) } as Partial<Campaign>);
    },

    async remove(principal, id) {
      const campaign = await owned(principal, id, 'campaigns.remove');
      if (campaign.status !== 'draft') throw new StateError('Only a draft can be deleted.', { resource: 'campaign', state: campaign.status });
      await ctx.db.campaigns.delete(id);
    },

    async duplicate(principal, id) {
      const campaign = await owned(principal, id, 'campaigns.duplicate');
      return api.create(principal, {
        name: `${campaign.name} (copy)`.slice(0, 200), sender: campaign.sender, body: campaign.body, ratingExtensionId: campaign.ratingExtensionId, recipients: campaign.recipients,
      });
    },

    async validate(principal, id) {
      const campaign = await visible(principal, id);
      const issues = await issuesOf(await loadActor(ctx, principal), campaign, null);
      return { ok: issues.length === 0, issues };
    },

    async estimate(principal, id) {
      return estimateCampaign(ctx, await visible(principal, id));
    },

    async estimateDraft(principal, input) {
      requireSender(principal, 'campaigns.estimateDraft');
      const draft = parseInput(CampaignUpdate, input, 'campaign');
      const actor = await loadActor(ctx, principal);
      await checkDraft(actor, draft);
      const campaign = draftCampaign(actor, '', { ...draft, name: draft.name ?? '' });
      const estimate = await estimateCampaign(ctx, campaign);
      const issues = await issuesOf(actor, campaign, estimate);
      if (!campaign.name) issues.unshift({ field: 'name', code: 'name.required', message: 'Give the campaign a name.' });
      return { ok: issues.length === 0, issues, estimate };
    },

    async schedule(principal, id, at) {
      const when = parseInput(Timestamp, at, 'scheduledAt');
      const campaign = await owned(principal, id, 'campaigns.schedule');
      if (Date.parse(when) <= ctx.clock.now()) throw new ValidationError('Choose a time in the future.', { field: 'scheduledAt', value: when });
      const estimate = await assertValid(await loadActor(ctx, principal), campaign);
      const scheduled = await setStatus(campaign, ['draft', 'scheduled'], { status: 'scheduled', scheduledAt: new Date(Date.parse(when)).toISOString(), estimate });
      scheduler.due(Date.parse(scheduled.scheduledAt!));
      return scheduled;
    },

    async start(principal, id) {
      const campaign = await owned(principal, id, 'campaigns.start');
      if (!['draft', 'scheduled'].includes(campaign.status)) throw new StateError(`A ${campaign.status} campaign cannot be started.`, { resource: 'campaign', state: campaign.status });
      return begin(await loadActor(ctx, principal), campaign, ['draft', 'scheduled']);
    },

    async stop(principal, id) {
      const campaign = await visible(principal, id);
      if (principal.role !== 'admin') await owned(principal, id, 'campaigns.stop');
      if (campaign.status === 'scheduled') return setStatus(campaign, ['scheduled'], { status: 'draft' });
      const stopped = await setStatus(campaign, ['running'], { status: 'stopped' });
      await runner.halt(id);
      await runner.progress(id, true);
      return withLiveCounts((await ctx.db.campaigns.get(id)) ?? stopped);
    },

    async restart(principal, id) {
      const campaign = await owned(principal, id, 'campaigns.restart');
      if (campaign.status !== 'stopped' && campaign.status !== 'failed') {
        throw new StateError('Only a stopped or failed campaign can be restarted.', { resource: 'campaign', state: campaign.status });
      }
      await runner.stop(id);
      const restarted = await setStatus(campaign, ['stopped', 'failed'], { status: 'running', error: null, completedAt: null });
      runner.start(id);
      return withLiveCounts(restarted);
    },

    async recipients(principal, id, query = {}) {
      const input = parseInput(RecipientQuery, query, 'query');
      await visible(principal, id);
      const page = await ctx.db.campaignRecipients.find({
        where: { campaignId: id, ...(input.state && { state: input.state }) }, orderBy: [['index', 'asc']], cursor: input.cursor, limit: input.limit,
      });
      // Recipients marked sent in bulk do not store their message id: it is derived from theirs.
      return mapPage(page, ({ id, ...recipient }) => ({
        ...recipient,
        messageId: recipient.messageId ?? (['sent', 'delivered', 'unknown'].includes(recipient.state) ? campaignMessageId(id) : null),
      }));
    },

    async createUpload(principal, input) {
      requireSender(principal, 'campaigns.createUpload');
      const upload = parseInput(UploadCreate, input, 'upload');
      await loadActor(ctx, principal);
      const id = ctx.id('upl');
      const rows: Omit<UploadRecipientRecord, 'id' | 'index' | 'uploadId'>[] = [
        ...upload.recipients.map((row) => ({ e164: row.e164, fields: row.fields, line: row.line, state: 'valid' as const, error: null })),
        ...upload.errors.map((row) => ({ e164: row.value, fields: {}, line: row.line, state: 'invalid' as const, error: row.message })),
        ...upload.duplicates.map((row) => ({ e164: row.e164, fields: {}, line: row.line, state: 'duplicate' as const, error: `Same number as line ${row.firstLine}` })),
      ].sort((a, b) => a.line - b.line);
      const records = rows.map((row, index) => ({ ...row, id: uploadRowId(id, index), uploadId: id, index }));
      for (let start = 0; start < records.length; start += 5000) await ctx.db.uploadRecipients.insertMany(records.slice(start, start + 5000));
      const record = {
        id, ownerId: principal.userId, name: upload.name, columns: upload.columns, phoneColumn: upload.phoneColumn,
        stats: { recipients: upload.recipients.length, errors: upload.errors.length, duplicates: upload.duplicates.length }, createdAt: ctx.nowIso(),
      };
      await ctx.db.uploads.insert(record);
      return record;
    },

    async uploadFile(principal, input) {
      requireSender(principal, 'campaigns.uploadFile');
      const parsed = parseInput(RecipientFileInput, input, 'upload');
      await loadActor(ctx, principal);
      return uploadRecipientFile(ctx, principal.userId, parsed);
    },

    async getUpload(principal, id) {
      const upload = await ctx.db.uploads.get(id);
      if (!upload || (principal.role !== 'admin' && upload.ownerId !== principal.userId)) throw new NotFoundError('upload', id);
      return upload;
    },
  };

  scheduler.add({
    async release() {
      const dueCampaigns = await ctx.db.campaigns.find({ where: { status: 'scheduled', scheduledAt: { $lte: ctx.nowIso() } }, limit: 100 });
      for (const due of dueCampaigns.items) {
        // Released by one instance: the one whose conditional update marks it first. A mark older than a live instance
        // would leave it is taken again (its instance died).
        const mark = { startedAt: ctx.nowIso() };
        const campaign = (await ctx.db.campaigns.update(due.id, mark, { if: { status: 'scheduled', startedAt: null } }))
          ?? (await ctx.db.campaigns.update(due.id, mark, { if: { status: 'scheduled', startedAt: { $lt: ctx.core.orphanedBefore() } } }));
        if (!campaign) continue;
        const owner = await ctx.db.users.get(campaign.ownerId);
        const principal: Principal = { userId: campaign.ownerId, role: 'user', ...(owner?.departmentId && { departmentId: owner.departmentId }) };
        try {
          await begin(await loadActor(ctx, principal), campaign, ['scheduled']);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          const failed = await ctx.db.campaigns.update(campaign.id, { status: 'failed', error: reason, updatedAt: ctx.nowIso() }, { if: { status: 'scheduled' } });
          if (failed) emitCampaign(ctx, 'campaign.status', () => ({ campaign: failed }));
        }
      }
    },
    async next() {
      const next = await ctx.db.campaigns.find({ where: { status: 'scheduled' }, orderBy: [['scheduledAt', 'asc']], limit: 1 });
      return next.items[0]?.scheduledAt ? Date.parse(next.items[0].scheduledAt) : null;
    },
  });

  return api;
}

