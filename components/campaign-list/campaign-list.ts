import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Campaign, CampaignCounts, CampaignStatus } from '../../src/model/index.js';
import { SmsCampaignEditEvent } from '../events/sms-campaign-edit-event.js';
import { Announcer } from '../internal/announcer.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { describeError } from '../internal/error-text.js';
import { LiveEventsController } from '../internal/live-events.js';
import { LocalizeController } from '../internal/localize.js';
import { formatMinorUnits } from '../internal/money.js';
import { PagedListController } from '../internal/paged-list.js';
import { renderEmpty, renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import { actionsFor, type CampaignAction } from './campaign-actions.js';
import styles from './campaign-list.styles.js';
import { campaignListTerms, type CampaignListTerms } from './campaign-list.terms.js';
import { renderCounts, renderProgress } from './campaign-progress.js';
import { CampaignRecipientsController } from './campaign-recipients.js';
import { renderShowMore } from './show-more.js';

const STATUSES = ['draft', 'scheduled', 'running', 'stopped', 'completed', 'failed'] as const satisfies readonly CampaignStatus[];

const STATUS_TERM = {
  draft: 'statusDraft',
  scheduled: 'statusScheduled',
  running: 'statusRunning',
  stopped: 'statusStopped',
  completed: 'statusCompleted',
  failed: 'statusFailed',
} as const satisfies Record<CampaignStatus, keyof CampaignListTerms>;

const ACTION_TERM = {
  edit: 'edit',
  start: 'start',
  stop: 'stop',
  unschedule: 'unschedule',
  restart: 'restart',
  duplicate: 'duplicate',
  delete: 'delete',
} as const satisfies Record<CampaignAction, keyof CampaignListTerms>;

const SEARCH_DELAY_MS = 300;
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** The status filter: one status, or every campaign. */
export type CampaignStatusFilter = CampaignStatus | 'all';

/**
 * @tagname sms-campaign-list
 * @summary Bulk campaigns: filtered by status and searchable, with their counts and a progress bar that moves live
 * while they run, the actions each status allows (edit, start, stop, unschedule, restart, duplicate, delete;
 * confirmed where they send, stop or delete), and each campaign's recipients by state with a CSV export.
 * Administrators see every campaign and may stop one, never start one.
 *
 * @event {SmsCampaignEditEvent} sms-campaign-edit - The user chose "Edit" on a draft or scheduled campaign
 * (`detail.campaignId`), or "New campaign" (`detail.campaignId` is null): the host opens `<sms-campaign-editor>`.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The row with the status filter, the search field and "New campaign".
 * @csspart status-tabs - The status filter tabs.
 * @csspart search - The search field.
 * @csspart new-button - The "New campaign" button.
 * @csspart notice - The administrator's notice.
 * @csspart list - The list of campaigns.
 * @csspart campaign - One campaign.
 * @csspart campaign-name - A campaign's name: the button that opens its recipients.
 * @csspart status-badge - A campaign's status.
 * @csspart progress - A campaign's progress bar.
 * @csspart counts - A campaign's counts: the total, then the parts that add up to it (delivered, sent and unconfirmed,
 * failed, held back; sending, pending and unknown when any).
 * @csspart actions - A campaign's action buttons.
 * @csspart action-error - Why the last action on a campaign failed.
 * @csspart more-button - "Show more" at the end of a page (campaigns or recipients).
 * @csspart recipients - The recipients view of an opened campaign.
 * @csspart back-button - "Back to campaigns" in the recipients view.
 * @csspart state-filter - The recipient state filter.
 * @csspart refresh-button - Reloads the recipients.
 * @csspart export-button - "Export CSV".
 * @csspart recipients-table - The table of recipients.
 * @csspart status - The loading, empty and error blocks.
 * @csspart retry-button - "Try again" after an error.
 * @csspart dialog - The confirmation dialog; also `dialog-cancel`, `dialog-confirm`.
 * @csspart config-error - The message shown without a client.
 *
 * @cssproperty --sms-campaign-list-max-height - Height of the list before it scrolls. Default: none.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Background of the campaigns and of the empty progress bar.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Dates, labels of the counts, the body preview.
 * @cssproperty --sms-color-border - Borders of campaigns, inputs and badges.
 * @cssproperty --sms-color-accent - The selected status tab, primary buttons, sent recipients in the bar.
 * @cssproperty --sms-color-on-accent - Text on the accent colour.
 * @cssproperty --sms-color-success - Delivered recipients, the running and completed badges.
 * @cssproperty --sms-color-warning - The scheduled and stopped badges.
 * @cssproperty --sms-color-warning-surface - Background of the administrator's notice.
 * @cssproperty --sms-color-danger - Failed recipients, the failed badge, errors and destructive buttons.
 * @cssproperty --sms-focus-ring-color - Colour of the keyboard focus ring.
 * @cssproperty --sms-focus-ring-width - Width of the keyboard focus ring.
 * @cssproperty --sms-font-family - Font; inherited from the page by default.
 * @cssproperty --sms-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --sms-radius - Corner radius.
 * @cssproperty --sms-spacing - Base spacing unit. Default: `0.5rem`.
 * @cssproperty --sms-transition-duration - Speed of the progress bar and hover transitions.
 *
 * @example
 * ```html
 * <sms-provider .client=${client}>
 *   <sms-campaign-list @sms-campaign-edit=${(e) => openEditor(e.detail.campaignId)}></sms-campaign-list>
 * </sms-provider>
 * ```
 */
export class SmsCampaignList extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, styles];

  /** The status shown: `all` (the default) or one of draft, scheduled, running, stopped, completed, failed. */
  @property({ reflect: true }) status: CampaignStatusFilter = 'all';

  /** Campaigns per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  @state() private query = '';
  @state() private openedId: string | null = null;
  /** Campaigns with an action under way. */
  @state() private busy = new Set<string>();
  /** Why the last action on a campaign failed, by campaign id. */
  @state() private actionErrors = new Map<string, string>();

  private readonly localize = new LocalizeController(this, campaignListTerms);
  private readonly announcer = new Announcer(this, { delay: 150 });
  private readonly confirm = new ConfirmController(this);
  private readonly campaigns = new PagedListController<Campaign>(this, (cursor) => {
    const client = this.smsClient;
    if (!client) return null;
    return client.campaigns.list({
      ...(this.status !== 'all' && { status: this.status }),
      ...(this.query.trim() && { query: this.query.trim() }),
      cursor,
      limit: this.pageSize,
    });
  });
  private readonly recipients = new CampaignRecipientsController(this, {
    getClient: () => this.smsClient,
    localize: this.localize,
    announce: (message) => this.announcer.announce(message),
  });
  /** The opened campaign, kept apart from the page: it stays open when a live change moves it out of the filter. */
  private opened: Campaign | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private loadedKey: unknown[] = [];

  constructor() {
    super();
    new LiveEventsController(this, () => this.smsClient, {
      'campaign.progress': ({ campaignId, counts }) => this.applyCounts(campaignId, counts),
      'campaign.status': ({ campaign }) => this.applyCampaign(campaign),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  /** Loads the campaigns again (after the host changed something they depend on). */
  reload(): Promise<void> {
    return this.campaigns.reload();
  }

  protected override willUpdate(): void {
    const key = [this.smsClient, this.status, this.query, this.pageSize];
    if (key.some((value, index) => value !== this.loadedKey[index])) {
      if (key[0] !== this.loadedKey[0]) this.closeRecipients(false);
      this.loadedKey = key;
      void this.campaigns.reload();
    }
  }

  // --- live updates ---------------------------------------------------------------------------------------------

  private applyCounts(campaignId: string, counts: CampaignCounts): void {
    if (this.opened?.id === campaignId) this.opened = { ...this.opened, counts };
    if (this.campaigns.items.some((item) => item.id === campaignId)) {
      this.campaigns.update((items) => items.map((item) => (item.id === campaignId ? { ...item, counts } : item)));
    } else if (this.opened?.id === campaignId) {
      this.requestUpdate();
    }
  }

  private applyCampaign(campaign: Campaign): void {
    const known = this.campaigns.items.find((item) => item.id === campaign.id);
    if (this.opened?.id === campaign.id) this.opened = campaign;
    if (known && known.status !== campaign.status) {
      this.announcer.announce(this.localize.term('statusAnnouncement', campaign.name, this.localize.term(STATUS_TERM[campaign.status])));
    }
    if (known) this.replace(campaign);
    else this.requestUpdate();
  }

  /** Puts a changed campaign in place, or takes it out when it no longer matches the status filter. */
  private replace(campaign: Campaign): void {
    const matches = this.status === 'all' || this.status === campaign.status;
    this.campaigns.update((items) =>
      matches ? items.map((item) => (item.id === campaign.id ? campaign : item)) : items.filter((item) => item.id !== campaign.id),
    );
  }

  // --- actions ----------------------------------------------------------------------------------------------------

  private async act(campaign: Campaign, action: CampaignAction): Promise<void> {
    const client = this.smsClient;
    if (!client || this.busy.has(campaign.id)) return;
    if (action === 'edit') {
      this.dispatchEvent(new SmsCampaignEditEvent({ campaignId: campaign.id }));
      return;
    }
    this.setBusy(campaign.id, true);
    this.setActionError(campaign.id, null);
    try {
      if (!(await this.confirmAction(campaign, action))) return;
      switch (action) {
        case 'start':
          this.replace(await client.campaigns.start(campaign.id));
          break;
        case 'stop':
        case 'unschedule':
          this.replace(await client.campaigns.stop(campaign.id));
          break;
        case 'restart':
          this.replace(await client.campaigns.restart(campaign.id));
          break;
        case 'duplicate': {
          const copy = await client.campaigns.duplicate(campaign.id);
          if (this.status === 'all' || this.status === 'draft') this.campaigns.update((items) => [copy, ...items]);
          this.announcer.announce(this.localize.term('duplicated', copy.name));
          break;
        }
        case 'delete':
          await client.campaigns.remove(campaign.id);
          this.removeItem(campaign);
          this.announcer.announce(this.localize.term('deleted', campaign.name));
          break;
      }
    } catch (error) {
      this.setActionError(campaign.id, describeError(error, this.localize).message);
    } finally {
      this.setBusy(campaign.id, false);
    }
  }

  /** Asks before actions that send, stop or delete; starting says how many messages and what they cost. */
  private async confirmAction(campaign: Campaign, action: CampaignAction): Promise<boolean> {
    const { localize } = this;
    const ask = (title: string, message: string, confirmLabel: string, danger = false) =>
      this.confirm.ask({ title, message, confirmLabel, cancelLabel: localize.term('cancel'), danger });
    switch (action) {
      case 'start': {
        const estimate = await this.smsClient!.campaigns.estimate(campaign.id);
        const cost = formatMinorUnits(localize, estimate.cost, estimate.currency);
        return ask(
          localize.term('confirmStartTitle', campaign.name),
          localize.term('confirmStartMessage', estimate.deliverable, localize.number(estimate.totalSegments), cost),
          localize.term('start'),
        );
      }
      case 'stop':
        return ask(localize.term('confirmStopTitle', campaign.name), localize.term('confirmStopMessage'), localize.term('stop'), true);
      case 'unschedule':
        return ask(localize.term('confirmUnscheduleTitle', campaign.name), localize.term('confirmUnscheduleMessage'), localize.term('unschedule'), true);
      case 'restart':
        return ask(localize.term('confirmRestartTitle', campaign.name), localize.term('confirmRestartMessage'), localize.term('restart'));
      case 'delete':
        return ask(localize.term('confirmDeleteTitle', campaign.name), localize.term('confirmDeleteMessage'), localize.term('delete'), true);
      default:
        return true;
    }
  }

  /** Removes a deleted campaign and moves focus to its neighbour, so that keyboard users are not dropped. */
  private removeItem(campaign: Campaign): void {
    const index = this.campaigns.items.findIndex((item) => item.id === campaign.id);
    this.campaigns.update((items) => items.filter((item) => item.id !== campaign.id));
    void this.updateComplete.then(() => {
      const buttons = this.openButtons();
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('.new-button, [role="tab"][aria-selected="true"]'))?.focus();
    });
  }

  private setBusy(id: string, busy: boolean): void {
    const next = new Set(this.busy);
    if (busy) next.add(id);
    else next.delete(id);
    this.busy = next;
  }

  private setActionError(id: string, message: string | null): void {
    if (message === null && !this.actionErrors.has(id)) return;
    const next = new Map(this.actionErrors);
    if (message === null) next.delete(id);
    else next.set(id, message);
    this.actionErrors = next;
  }

  // --- navigation -------------------------------------------------------------------------------------------------

  private setStatus(status: CampaignStatusFilter, focus = false): void {
    this.status = status;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  }

  private onTabKey(event: KeyboardEvent): void {
    const filters: CampaignStatusFilter[] = ['all', ...STATUSES];
    const index = filters.indexOf(this.status);
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: filters.length - 1 - index }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    this.setStatus(filters[(index + step + filters.length) % filters.length]!, true);
  }

  private onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = value), SEARCH_DELAY_MS);
  }

  private onSearchKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    clearTimeout(this.searchTimer);
    this.query = (event.target as HTMLInputElement).value;
  }

  private openButtons(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.campaign-name')];
  }

  /** Up and Down (Home, End) move between the campaigns' names. */
  private onListKey(event: KeyboardEvent): void {
    const buttons = this.openButtons();
    const index = buttons.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    if (index < 0) return;
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  }

  private openRecipients(campaign: Campaign): void {
    this.opened = campaign;
    this.openedId = campaign.id;
    this.recipients.open(campaign.id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.recipients-title')?.focus());
  }

  private closeRecipients(focus = true): void {
    const id = this.openedId;
    if (id === null) return;
    this.openedId = null;
    this.opened = null;
    this.recipients.close();
    if (focus) {
      void this.updateComplete.then(() =>
        (this.renderRoot.querySelector<HTMLElement>(`.campaign-name[data-id="${CSS.escape(id)}"]`) ?? this.openButtons()[0])?.focus(),
      );
    }
  }

  // --- rendering --------------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    return html`<div part="base" class="base">
      ${this.openedId && this.opened ? this.renderRecipientsView(this.opened) : this.renderListView()}
      ${this.confirm.render()} ${this.announcer.render()}
    </div>`;
  }

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin';
  }

  private renderListView(): TemplateResult {
    const { localize } = this;
    const filters: CampaignStatusFilter[] = ['all', ...STATUSES];
    return html`
      <div part="toolbar" class="toolbar list-toolbar">
        <div part="status-tabs" class="tabs" role="tablist" aria-label=${localize.term('statusFilter')} @keydown=${this.onTabKey}>
          ${filters.map((filter) => {
            const selected = filter === this.status;
            return html`<button
              role="tab"
              id="tab-${filter}"
              class="tab"
              aria-selected=${selected ? 'true' : 'false'}
              aria-controls="campaign-panel"
              tabindex=${selected ? 0 : -1}
              @click=${() => this.setStatus(filter)}
            >
              ${filter === 'all' ? localize.term('statusAll') : localize.term(STATUS_TERM[filter])}
            </button>`;
          })}
        </div>
        <input
          part="search"
          class="input search"
          type="search"
          aria-label=${localize.term('searchCampaigns')}
          placeholder=${localize.term('searchCampaigns')}
          .value=${this.query}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKey}
        />
        ${this.isAdmin
          ? nothing
          : html`<button part="new-button" class="button primary new-button" @click=${() => this.dispatchEvent(new SmsCampaignEditEvent({ campaignId: null }))}>
              ${localize.term('newCampaign')}
            </button>`}
      </div>
      ${this.isAdmin ? html`<p part="notice" class="notice">${localize.term('adminNotice')}</p>` : nothing}
      <div id="campaign-panel" class="panel" role="tabpanel" aria-labelledby="tab-${this.status}">${this.renderCampaigns()}</div>
    `;
  }

  private renderCampaigns(): TemplateResult {
    const { localize, campaigns } = this;
    if (campaigns.status === 'loading' || campaigns.status === 'idle') return renderLoading(localize.term('loading'));
    if (campaigns.status === 'error') {
      const { message } = describeError(campaigns.error, localize);
      return renderError(message, { label: localize.term('retry'), onRetry: () => void campaigns.reload() });
    }
    if (campaigns.items.length === 0) {
      const filtered = this.status !== 'all' || this.query.trim() !== '';
      return renderEmpty(localize.term(filtered ? 'noCampaignsMatch' : 'noCampaigns'));
    }
    return html`
      <ul part="list" class="list" aria-label=${localize.term('campaigns')} @keydown=${this.onListKey}>
        ${campaigns.items.map((campaign) => this.renderCampaign(campaign))}
      </ul>
      ${renderShowMore(campaigns, localize)}
    `;
  }

  private renderCampaign(campaign: Campaign): TemplateResult {
    const { localize } = this;
    const principal = this.smsClient!.principal;
    const actions = actionsFor(campaign, principal);
    const busy = this.busy.has(campaign.id);
    const error = this.actionErrors.get(campaign.id);
    const statusId = `status-${campaign.id}`;
    return html`<li part="campaign" class="campaign ${campaign.status}" aria-busy=${busy ? 'true' : 'false'}>
      <div class="head">
        <h3 class="title">
          <button class="campaign-name" part="campaign-name" data-id=${campaign.id} aria-describedby=${statusId} @click=${() => this.openRecipients(campaign)}>
            ${campaign.name}
          </button>
        </h3>
        <span part="status-badge" id=${statusId} class="badge status-badge ${campaign.status}">${localize.term(STATUS_TERM[campaign.status])}</span>
      </div>
      ${campaign.body ? html`<p class="body">${campaign.body}</p>` : nothing}
      <p class="meta">${this.renderWhen(campaign)}</p>
      ${this.renderProgressOrEstimate(campaign)}
      ${campaign.status === 'failed' && campaign.error ? html`<p class="campaign-error">${localize.term('failedBecause', campaign.error)}</p>` : nothing}
      ${error ? html`<p part="action-error" class="field-error" role="alert">${error}</p>` : nothing}
      ${actions.length > 0
        ? html`<div part="actions" class="actions" role="group" aria-label=${localize.term('actionsFor', campaign.name)}>
            ${actions.map(
              (action) => html`<button
                class="button ${action === 'start' ? 'primary' : ''} ${action === 'delete' || action === 'stop' ? 'danger' : ''}"
                data-action=${action}
                ?disabled=${busy}
                @click=${() => void this.act(campaign, action)}
              >
                ${localize.term(ACTION_TERM[action])}
              </button>`,
            )}
          </div>`
        : nothing}
    </li>`;
  }

  private renderWhen(campaign: Campaign): TemplateResult {
    const { localize } = this;
    const at = (value: string, text: string) => html`<time datetime=${value} title=${localize.date(value, DATE_TIME)}>${text}</time>`;
    if (campaign.status === 'scheduled' && campaign.scheduledAt) {
      return at(campaign.scheduledAt, localize.term('scheduledFor', localize.date(campaign.scheduledAt, DATE_TIME)));
    }
    if (campaign.completedAt) return at(campaign.completedAt, localize.term('completedAt', localize.relativeTime(campaign.completedAt)));
    if (campaign.startedAt) return at(campaign.startedAt, localize.term('startedAt', localize.relativeTime(campaign.startedAt)));
    return at(campaign.createdAt, localize.term('createdAt', localize.relativeTime(campaign.createdAt)));
  }

  private renderProgressOrEstimate(campaign: Campaign): TemplateResult {
    const { localize } = this;
    if (campaign.status === 'draft' || campaign.status === 'scheduled') {
      const { estimate } = campaign;
      const text = estimate
        ? localize.term('estimateLine', estimate.deliverable, formatMinorUnits(localize, estimate.cost, estimate.currency))
        : localize.term('notStarted');
      return html`<p class="estimate">${text}</p>`;
    }
    return html`${renderProgress(campaign, localize)} ${renderCounts(campaign, localize)}`;
  }

  private renderRecipientsView(campaign: Campaign): TemplateResult {
    const { localize } = this;
    return html`<section
      part="recipients"
      class="recipients"
      aria-labelledby="recipients-title"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape' && !this.confirm.open) {
          event.preventDefault();
          this.closeRecipients();
        }
      }}
    >
      <div class="recipients-head">
        <button part="back-button" class="button quiet back" @click=${() => this.closeRecipients()}>
          <span aria-hidden="true">←</span> ${localize.term('backToCampaigns')}
        </button>
        <h2 id="recipients-title" class="recipients-title" tabindex="-1">${localize.term('recipientsOf', campaign.name)}</h2>
        <span class="badge status-badge ${campaign.status}">${localize.term(STATUS_TERM[campaign.status])}</span>
      </div>
      ${campaign.status === 'draft' || campaign.status === 'scheduled'
        ? nothing
        : html`${renderProgress(campaign, localize)} ${renderCounts(campaign, localize)}`}
      ${this.recipients.render(campaign)}
    </section>`;
  }
}
