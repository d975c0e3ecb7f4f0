import type { SmsBackend } from '../ports/backend.js';
import type { StatusReport } from '../ports/carrier.js';
import { createBlocklistApi } from './blocklist.js';
import { createCampaignsApi } from './campaigns.js';
import { importContacts } from './contact-import.js';
import { createContactsApi } from './contacts.js';
import { EngineContext } from './context.js';
import type { EngineCore } from './core.js';
import { createConversationsApi } from './conversations.js';
import { createDirectoryApi } from './directory.js';
import { CampaignRunner, emitCampaign } from './dispatch.js';
import { createKeywordsApi } from './keywords.js';
import { createListsApi } from './lists.js';
import { createMessagesApi, nextDueMessage, releaseDueMessages } from './messages.js';
import { createNumbersApi } from './numbers.js';
import type { OrganisationDirectory } from './organisation-directory.js';
import { applyStatusReport } from './reports.js';
import { Scheduler } from './scheduler.js';
import { createSettingsApi } from './settings.js';
import { createTemplatesApi } from './templates.js';
import { createUsageApi } from './usage.js';

/** The resource groups of the backend, as one organisation's engine implements them. */
export type OrganisationApis = Omit<SmsBackend, 'subscribe' | 'close' | 'organisations'>;

/**
 * The engine of one organisation: its context (its scope of the store, its events and settings), its campaign runner
 * and scheduler, and the API groups working on them. Made once per organisation, on first use or at start.
 */
export class OrganisationEngine {
  readonly ctx: EngineContext;
  readonly runner: CampaignRunner;
  readonly scheduler: Scheduler;
  readonly apis: OrganisationApis;

  constructor(core: EngineCore, organisationId: string, organisations: OrganisationDirectory) {
    const ctx = (this.ctx = new EngineContext(core, organisationId, organisations));
    this.runner = new CampaignRunner(ctx);
    this.scheduler = new Scheduler(ctx);
    this.scheduler.add({ release: () => releaseDueMessages(ctx), next: () => nextDueMessage(ctx) });
    const messages = createMessagesApi(ctx, this.scheduler);
    this.apis = {
      directory: createDirectoryApi(ctx),
      numbers: createNumbersApi(ctx, organisations),
      contacts: { ...createContactsApi(ctx), import: (principal, input) => importContacts(ctx, principal, input) },
      conversations: createConversationsApi(ctx),
      messages,
      campaigns: createCampaignsApi(ctx, this.runner, this.scheduler),
      lists: createListsApi(ctx),
      blocklist: createBlocklistApi(ctx),
      templates: createTemplatesApi(ctx),
      keywords: createKeywordsApi(ctx),
      usage: createUsageApi(ctx),
      settings: createSettingsApi(ctx, organisations),
    };
  }

  /** Takes up what a previous engine left on the same store: campaigns to resume, schedules to arm. */
  async start(): Promise<void> {
    await this.runner.recover();
    await this.scheduler.tick();
  }

  /** Applies a delivery report whose message this organisation sent. */
  applyReport(report: StatusReport): Promise<boolean> {
    return applyStatusReport(this.ctx, this.runner, report);
  }

  /**
   * Holds everything back while the organisation is suspended: its running campaigns stop (a restart resumes them
   * after `resume`), and its scheduler waits, so that no scheduled message is released.
   */
  async suspend(): Promise<void> {
    const { ctx } = this;
    this.scheduler.stop();
    for (;;) {
      const running = await ctx.db.campaigns.find({ where: { status: 'running' }, limit: 100 });
      if (running.items.length === 0) return;
      for (const campaign of running.items) {
        const stopped = await ctx.db.campaigns.update(campaign.id, { status: 'stopped', error: 'The organisation was suspended.', updatedAt: ctx.nowIso() }, { if: { status: 'running' } });
        await this.runner.halt(campaign.id);
        if (stopped) emitCampaign(ctx, 'campaign.status', () => ({ campaign: stopped }));
      }
    }
  }

  /** Releases what fell due while the organisation was suspended, and arms its scheduler again. */
  async resume(): Promise<void> {
    await this.scheduler.tick();
  }

  /** Stops its timers and its campaigns (sends in flight settle within the carrier timeout). */
  async close(): Promise<void> {
    this.scheduler.stop();
    await this.runner.close();
    this.ctx.core.buses.delete(this.ctx.events);
  }
}
