import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { SmsClient } from '../../src/client.js';
import type { Campaign, CampaignDraft, CampaignEstimate, CampaignIssue, Extension, Settings, Template } from '../../src/model/index.js';
import type { SendCapabilities } from '../../src/ports/backend.js';
import { templateFields } from '../../src/template.js';
import { SmsCampaignSavedEvent } from '../events/sms-campaign-saved-event.js';
import { SmsCampaignScheduledEvent } from '../events/sms-campaign-scheduled-event.js';
import { SmsCampaignStartedEvent } from '../events/sms-campaign-started-event.js';
import { Announcer } from '../internal/announcer.js';
import { fitTextarea, replaceAsTyped } from '../internal/text-box.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { describeError } from '../internal/error-text.js';
import { importReportStyles } from '../internal/import-report.js';
import { LocalizeController } from '../internal/localize.js';
import { mergeFieldStyles } from '../internal/merge-field.styles.js';
import { formatMinorUnits } from '../internal/money.js';
import { nestedTheme } from '../internal/nested-theme.js';
import { renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import styles from './campaign-editor.styles.js';
import { campaignEditorTerms } from './campaign-editor.terms.js';
import { fieldOfError, fieldOfFormKey, FIELD_KEYS, formOf, ISSUE_TERMS, type CampaignForm, type FieldKey } from './campaign-form.js';
import { renderMessageField } from './message-field.js';
import { RecipientSourceController } from './recipient-source.js';
import { fromLocalInput } from './schedule.js';
import { renderScheduleField } from './schedule-field.js';
import { renderSenderField } from './sender-field.js';
import { renderSummary } from './summary.js';

interface EditorData {
  capabilities: SendCapabilities;
  templates: Template[];
  extensions: Extension[];
  settings: Settings;
  campaign: Campaign | null;
}

type Busy = 'saving' | 'checking' | 'starting' | null;

/** Where focus goes for a problem with a field. */
const FIELD_TARGETS: Record<FieldKey, string> = {
  name: '#name',
  sender: '#sender-number, #alpha-tag',
  recipients: '#list, .drop-zone input[type="file"]',
  body: '#body',
  ratingExtensionId: '#rating',
  scheduledAt: '#scheduled-at, input[name="when"]',
};

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };
/** Reference data is read in one page each; beyond this many the rest are not offered. */
const REFERENCE_LIMIT = 500;

/**
 * @tagname sms-campaign-editor
 * @summary Creates or edits a bulk campaign: its name, sender (an SMS number or an alpha tag checked as it is typed),
 * message (segment counter, merge fields inserted at the caret, templates), the extension it is billed to, its
 * recipients (a predefined list, or a CSV/XLSX file read in the page with a report of invalid rows, duplicates and
 * blocked numbers before anything is saved) and when it is sent. "Save draft" saves it at any point; "Check and
 * estimate" saves nothing: it shows every problem that keeps the campaign from starting at once, each next to its
 * field, or a summary (recipients, parts, cost). Starting checks the same way, asks for confirmation, then saves and
 * starts. Nothing typed is lost when a save fails. Administrators cannot create or start campaigns: the editor says so.
 * Its sections share one layout: a titled box each, labels above their fields, at any width.
 *
 * @event {SmsCampaignSavedEvent} sms-campaign-saved - The campaign was saved as a draft (`detail.campaign`): by "Save
 * draft", or just before it starts.
 * @event {SmsCampaignStartedEvent} sms-campaign-started - The campaign was started (`detail.campaign`, running).
 * @event {SmsCampaignScheduledEvent} sms-campaign-scheduled - The campaign was scheduled (`detail.campaign.scheduledAt`).
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The form.
 * @csspart notice - A notice instead of the form (administrator, a campaign that can no longer be edited), or above it.
 * @csspart name-section - The box of the name; `name` is its field.
 * @csspart name - The name field.
 * @csspart sender - The "Send from" group; `number-select` and `alpha-tag` are its controls.
 * @csspart recipients - The recipients group; `list-select`, `drop-zone`, `file-button`, `uploaded-file`, `phone-column`,
 * `file-report`, `import-progress`, `blocklist-progress`, `import-counts`, `import-preview`, `import-problems`, and
 * `send-progress` (how much of the file the backend has taken while a save sends it) are in it.
 * @csspart message - The message group; `body`, `template-select`, `merge-fields`, `segment-counter`, `preview` are in it.
 * @csspart rating - The "Billed to extension" box, with its select.
 * @csspart schedule - The "When" group; `scheduled-at` and `time-zone` are in it.
 * @csspart summary - The summary of the estimate before starting.
 * @csspart form-error - Why the last save or start failed, or how many problems keep the campaign from starting.
 * @csspart actions - The row of buttons: `save-button`, `estimate-button`, `start-button`.
 * @csspart done - What happened after a start or a schedule, with `new-button`.
 * @csspart status - The loading and error blocks; `retry-button` after an error.
 * @csspart dialog - The confirmation dialog; also `dialog-cancel`, `dialog-confirm`.
 * @csspart config-error - The message shown without a client.
 *
 * @cssproperty --sms-campaign-editor-max-width - Widest the form grows. Default: `48rem`.
 * @cssproperty --sms-import-table-max-height - Height of the file preview and problem tables before they scroll. Default: `16rem`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Background of the groups, the preview and the drop zone.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Hints and secondary text.
 * @cssproperty --sms-color-border - Borders of groups, inputs and tables.
 * @cssproperty --sms-color-accent - Primary buttons, the drop zone while a file is dragged over it, progress.
 * @cssproperty --sms-color-on-accent - Text on the accent colour.
 * @cssproperty --sms-color-success - A valid and allowed alpha tag, valid numbers in the report.
 * @cssproperty --sms-color-warning - A valid alpha tag the department may not use, duplicates and blocked numbers.
 * @cssproperty --sms-color-warning-surface - Background of warnings and notices.
 * @cssproperty --sms-color-danger - Problems next to fields, invalid rows.
 * @cssproperty --sms-focus-ring-color - Colour of the keyboard focus ring.
 * @cssproperty --sms-focus-ring-width - Width of the keyboard focus ring.
 * @cssproperty --sms-font-family - Font; inherited from the page by default.
 * @cssproperty --sms-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --sms-radius - Corner radius.
 * @cssproperty --sms-spacing - Base spacing unit. Default: `0.5rem`.
 * @cssproperty --sms-transition-duration - Speed of hover transitions.
 *
 * @example
 * ```html
 * <sms-provider .client=${client}>
 *   <sms-campaign-editor campaign-id="cmp_123" @sms-campaign-started=${(e) => showList()}></sms-campaign-editor>
 * </sms-provider>
 * ```
 */
export class SmsCampaignEditor extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, importReportStyles, mergeFieldStyles, nestedTheme('.base', 'sms-segment-counter'), styles];

  /**
   * The campaign to edit: a draft (or a scheduled campaign, which goes back to draft when saved). Without it the
   * editor creates a new campaign, and sets this property to the new campaign's id on its first save.
   */
  @property({ attribute: 'campaign-id' }) campaignId?: string;

  @state() private loadStatus: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private form!: CampaignForm;
  @state() private issues = new Map<FieldKey, string>();
  @state() private formError: string | null = null;
  @state() private busy: Busy = null;
  @state() private estimate: CampaignEstimate | null = null;
  @state() private summaryStale = false;
  @state() private done: Campaign | null = null;

  private readonly localize = new LocalizeController(this, campaignEditorTerms);
  private readonly announcer = new Announcer(this, { delay: 150 });
  private readonly confirm = new ConfirmController(this);
  private readonly source = new RecipientSourceController(this, {
    localize: this.localize,
    getClient: () => this.smsClient,
    defaultCountry: () => this.data?.capabilities.defaultCountry ?? this.data?.settings.defaultCountry,
    changed: () => this.touched('recipients'),
  });
  private readonly body = createRef<HTMLTextAreaElement>();
  private data: EditorData | null = null;
  private loadError: unknown = null;
  private loadGeneration = 0;
  private loadedKey: [SmsClient | undefined, string | undefined] | null = null;
  /** The id of the campaign as saved: the edited one, or the one the first save created. */
  private savedId: string | null = null;

  protected override updated(): void {
    fitTextarea(this.body.value);
  }

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin';
  }

  protected override willUpdate(): void {
    const client = this.smsClient;
    if (this.loadedKey && this.loadedKey[0] === client && this.loadedKey[1] === this.campaignId) return;
    this.loadedKey = [client, this.campaignId];
    if (client && !this.isAdmin) void this.load(client, this.campaignId);
  }

  // --- loading ----------------------------------------------------------------------------------------------------

  private async load(client: SmsClient, campaignId: string | undefined): Promise<void> {
    const generation = ++this.loadGeneration;
    this.loadStatus = 'loading';
    this.loadError = null;
    try {
      const page = { limit: REFERENCE_LIMIT };
      const [capabilities, lists, templates, extensions, settings, campaign] = await Promise.all([
        client.messages.capabilities(),
        client.lists.list(page),
        client.templates.list(page),
        client.directory.extensions({ ...page, chargeable: true }),
        client.settings.get(),
        campaignId ? client.campaigns.get(campaignId) : Promise.resolve(null),
      ]);
      const recipients = campaign?.recipients ?? null;
      const upload = recipients && 'uploadId' in recipients ? await client.campaigns.getUpload(recipients.uploadId).catch(() => null) : null;
      if (generation !== this.loadGeneration) return;
      this.data = { capabilities, templates: templates.items, extensions: extensions.items, settings, campaign };
      this.form = formOf(campaign, capabilities, extensions.items, client.principal);
      this.source.reset(lists.items, recipients, upload);
      this.savedId = campaign?.id ?? null;
      this.issues = new Map();
      this.formError = null;
      this.estimate = null;
      this.done = null;
      this.loadStatus = 'ready';
    } catch (error) {
      if (generation !== this.loadGeneration) return;
      this.loadError = error;
      this.loadStatus = 'error';
    }
  }

  private retry(): void {
    const client = this.smsClient;
    if (client) void this.load(client, this.campaignId);
  }

  // --- editing ----------------------------------------------------------------------------------------------------

  private set<K extends keyof CampaignForm>(key: K, value: CampaignForm[K]): void {
    this.form = { ...this.form, [key]: value };
    this.touched(fieldOfFormKey(key));
  }

  /** A field changed: its problem goes, and a summary shown is out of date. */
  private touched(field: FieldKey): void {
    if (this.issues.has(field)) {
      const issues = new Map(this.issues);
      issues.delete(field);
      this.issues = issues;
    }
    if (this.estimate) this.summaryStale = true;
    this.requestUpdate();
  }

  /** Inserts `{{field}}` at the caret (or over the selection) and puts the caret after it. */
  private insertField(field: string): void {
    const textarea = this.body.value;
    const body = this.form.body;
    const start = textarea?.selectionStart ?? body.length;
    const end = textarea?.selectionEnd ?? start;
    const token = `{{${field}}}`;
    this.replaceBody(body.slice(0, start) + token + body.slice(end));
    void this.updateComplete.then(() => {
      const caret = start + token.length;
      textarea?.focus();
      textarea?.setSelectionRange(caret, caret);
    });
  }

  private async applyTemplate(select: HTMLSelectElement): Promise<void> {
    const template = this.data?.templates.find((candidate) => candidate.id === select.value);
    select.value = '';
    if (!template) return;
    const { localize } = this;
    const current = this.form.body.trim();
    if (current !== '' && current !== template.body.trim()) {
      const replace = await this.confirm.ask({
        title: localize.term('replaceWithTemplateTitle', template.name),
        message: localize.term('replaceWithTemplateMessage'),
        confirmLabel: localize.term('replaceMessage'),
        cancelLabel: localize.term('cancel'),
      });
      if (!replace) return;
    }
    this.replaceBody(template.body);
    void this.updateComplete.then(() => this.body.value?.focus());
  }

  /** Changes the message for the user (a template, a merge field, the GSM-safe text) as typing does: with `input`. */
  private replaceBody(text: string): void {
    const textarea = this.body.value;
    if (!textarea) {
      this.set('body', text);
      return;
    }
    replaceAsTyped(textarea, text);
  }

  // --- saving and starting ----------------------------------------------------------------------------------------

  private setIssues(issues: Iterable<[FieldKey, string]>): void {
    this.issues = new Map(issues);
    const first = FIELD_KEYS.find((field) => this.issues.has(field));
    if (first) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(FIELD_TARGETS[first])?.focus());
  }

  /** What the form says without the backend: a name is needed to save, and a later send needs a time to come. */
  private localIssues(forStart: boolean): [FieldKey, string][] {
    const { localize, form } = this;
    const issues: [FieldKey, string][] = [];
    if (form.name.trim() === '') issues.push(['name', localize.term('campaignNameRequired')]);
    if (forStart && form.when === 'later') {
      const at = fromLocalInput(form.scheduledAt);
      if (!at) issues.push(['scheduledAt', localize.term('scheduleRequired')]);
      else if (Date.parse(at) <= Date.now()) issues.push(['scheduledAt', localize.term('schedulePast')]);
    }
    return issues;
  }

  /** Shows problems next to their fields, and how many there are above the buttons when there are several. */
  private showIssues(issues: Map<FieldKey, string>, count: boolean): void {
    this.setIssues(issues);
    this.formError = count ? this.localize.term('fixIssues', issues.size) : null;
  }

  private showError(error: unknown): void {
    const described = describeError(error, this.localize);
    const field = fieldOfError(described.field);
    if (field) {
      const code = described.problem && ISSUE_TERMS[described.problem] ? described.problem : null;
      this.formError = null;
      this.setIssues([[field, code ? this.issueText({ field, code, message: described.message }) : described.message]]);
    } else {
      this.formError = this.localize.term('saveFailed', described.message);
    }
  }

  private issueText(issue: CampaignIssue): string {
    if (issue.code === 'sender.alpha_not_allowed' && this.form.senderType === 'alpha') {
      return this.localize.term('alphaTagNotAllowed', this.form.alphaTag.trim());
    }
    if (issue.code === 'body.unknown_field') {
      const columns = new Set(this.source.columns.map((column) => column.toLowerCase()));
      const missing = templateFields(this.form.body).filter((field) => !columns.has(field.toLowerCase()));
      if (missing.length > 0) return this.localize.term('unknownFields', missing.join(', '));
    }
    const key = ISSUE_TERMS[issue.code];
    return this.localize.term(key ?? 'issueOther');
  }

  /** The campaign as the form has it (uploading a new file first): a draft to save or to check. */
  private async draftOf(client: SmsClient): Promise<CampaignDraft> {
    const { form } = this;
    const recipients = await this.source.prepare(client);
    const tag = form.alphaTag.trim();
    return {
      name: form.name.trim(),
      sender: form.senderType === 'number' ? (form.numberId ? { type: 'number', numberId: form.numberId } : null) : tag ? { type: 'alpha', tag } : null,
      body: form.body,
      ratingExtensionId: form.ratingExtensionId || null,
      recipients,
      scheduledAt: form.when === 'later' ? fromLocalInput(form.scheduledAt) : null,
    };
  }

  /** Creates or updates the campaign from the form. The form is never reset. */
  private async persist(client: SmsClient): Promise<Campaign> {
    const draft = await this.draftOf(client);
    const campaign = this.savedId ? await client.campaigns.update(this.savedId, draft) : await client.campaigns.create(draft);
    this.savedId = campaign.id;
    if (this.campaignId !== campaign.id) {
      this.loadedKey = [client, campaign.id];
      this.campaignId = campaign.id;
    }
    if (this.data) this.data = { ...this.data, campaign };
    this.dispatchEvent(new SmsCampaignSavedEvent({ campaign }));
    return campaign;
  }

  private async run<T>(busy: Busy, work: (client: SmsClient) => Promise<T>): Promise<T | null> {
    const client = this.smsClient;
    if (!client || this.busy || this.source.busy) return null;
    this.busy = busy;
    this.formError = null;
    try {
      return await work(client);
    } catch (error) {
      this.showError(error);
      return null;
    } finally {
      this.busy = null;
    }
  }

  private async saveDraft(): Promise<void> {
    const issues = this.localIssues(false);
    if (issues.length > 0) {
      this.showIssues(new Map(issues), false);
      return;
    }
    const campaign = await this.run('saving', (client) => this.persist(client));
    if (campaign) this.announcer.announce(this.localize.term('saved'));
  }

  /**
   * Asks the backend what keeps the campaign as typed from starting, and what it would cost: every problem at once,
   * next to its field, or the summary. Saves nothing.
   */
  private async review(): Promise<CampaignEstimate | null> {
    return this.run('checking', async (client) => {
      const draft = await this.draftOf(client);
      const checked = await client.campaigns.estimateDraft({ ...draft, name: draft.name || undefined });
      const issues = new Map(this.localIssues(true));
      for (const issue of checked.issues) if (!issues.has(issue.field)) issues.set(issue.field, this.issueText(issue));
      if (issues.size > 0) {
        this.estimate = null;
        this.showIssues(issues, true);
        return null;
      }
      this.issues = new Map();
      this.estimate = checked.estimate;
      this.summaryStale = false;
      this.announcer.announce(this.localize.term('checked'));
      return checked.estimate;
    });
  }

  private async start(): Promise<void> {
    const estimate = await this.review();
    if (!estimate) return;
    const name = this.form.name.trim();
    const { localize } = this;
    const later = this.form.when === 'later';
    const at = later ? fromLocalInput(this.form.scheduledAt) : null;
    const cost = this.money(estimate.cost, estimate.currency);
    const parts = localize.number(estimate.totalSegments);
    const confirmed = await this.confirm.ask(
      later
        ? {
            title: localize.term('confirmScheduleTitle', name),
            message: localize.term('confirmScheduleMessage', estimate.deliverable, parts, cost, localize.date(at!, DATE_TIME)),
            confirmLabel: localize.term('scheduleConfirm'),
            cancelLabel: localize.term('cancel'),
          }
        : {
            title: localize.term('confirmStartTitle', name),
            message: localize.term('confirmStartMessage', estimate.deliverable, parts, cost),
            confirmLabel: localize.term('start'),
            cancelLabel: localize.term('cancel'),
          },
    );
    if (!confirmed) return;
    const result = await this.run('starting', async (client) => {
      const campaign = await this.persist(client);
      return at ? client.campaigns.schedule(campaign.id, at) : client.campaigns.start(campaign.id);
    });
    if (!result) return;
    this.done = result;
    this.dispatchEvent(at ? new SmsCampaignScheduledEvent({ campaign: result }) : new SmsCampaignStartedEvent({ campaign: result }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.done')?.focus());
  }

  /** Back to an empty editor, for another campaign. */
  private startOver(): void {
    this.loadedKey = null;
    this.campaignId = undefined;
  }

  private money(minor: number, currency?: string): string {
    return formatMinorUnits(this.localize, minor, this.data?.settings.currency ?? currency ?? 'USD');
  }

  // --- rendering --------------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    const { localize } = this;
    if (!this.smsClient) return this.renderMissingClient(localize.term('noClient'));
    let content: TemplateResult;
    if (this.isAdmin) content = html`<p part="notice" class="notice" role="note">${localize.term('adminCannotCreate')}</p>`;
    else if (this.loadStatus === 'error') {
      content = renderError(describeError(this.loadError, localize).message, { label: localize.term('retry'), onRetry: () => this.retry() });
    } else if (this.loadStatus !== 'ready' || !this.data) content = renderLoading(localize.term('loading'));
    else if (this.done) content = this.renderDone(this.done);
    else content = this.renderForm(this.data);
    return html`<div part="base" class="base">${content} ${this.confirm.render()} ${this.announcer.render()}</div>`;
  }

  private renderDone(campaign: Campaign): TemplateResult {
    const { localize } = this;
    const text = campaign.status === 'scheduled' && campaign.scheduledAt
      ? localize.term('scheduled', campaign.name, localize.date(campaign.scheduledAt, DATE_TIME))
      : localize.term('started', campaign.name);
    return html`<div part="done" class="done" role="status" tabindex="-1">
      <p>${text}</p>
      <button class="button" part="new-button" @click=${() => this.startOver()}>${localize.term('createAnother')}</button>
    </div>`;
  }

  private renderForm(data: EditorData): TemplateResult {
    const { localize, form } = this;
    const editing = data.campaign !== null;
    const status = data.campaign?.status;
    if (status && status !== 'draft' && status !== 'scheduled') {
      const name = { running: 'statusRunning', stopped: 'statusStopped', completed: 'statusCompleted', failed: 'statusFailed' } as const;
      return html`<p part="notice" class="notice" role="note">${localize.term('cannotEdit', localize.term(name[status]).toLowerCase())}</p>`;
    }
    const busy = this.busy !== null || this.source.busy;
    return html`<form part="form" class="form" novalidate aria-labelledby="editor-title" aria-busy=${busy ? 'true' : 'false'} @submit=${(event: Event) => event.preventDefault()}>
      <h2 id="editor-title" class="title">${localize.term(editing ? 'editCampaignTitle' : 'newCampaignTitle')}</h2>
      ${status === 'scheduled' ? html`<p part="notice" class="notice">${localize.term('scheduledGoesBackToDraft')}</p>` : nothing}
      ${this.renderName()}
      ${renderSenderField({ localize, form, capabilities: data.capabilities, issue: this.issues.get('sender'), set: (key, value) => this.set(key, value) })}
      ${this.source.render(this.issueFor('recipients'))}
      ${renderMessageField({
        localize,
        body: form.body,
        textarea: this.body,
        templates: data.templates,
        columns: this.source.columns,
        sample: this.source.sample,
        issue: this.issueFor('body'),
        onInput: (text) => this.set('body', text),
        replace: (text) => this.replaceBody(text),
        applyTemplate: (select) => void this.applyTemplate(select),
        insertField: (field) => this.insertField(field),
      })}
      ${this.renderRating(data)}
      ${renderScheduleField({ localize, form, issue: this.issueFor('scheduledAt'), set: (key, value) => this.set(key, value) })}
      ${this.estimate ? renderSummary({ localize, estimate: this.estimate, stale: this.summaryStale, money: (minor, currency) => this.money(minor, currency) }) : nothing}
      ${this.formError ? html`<p part="form-error" class="form-error" role="alert">${this.formError}</p>` : nothing}
      <div part="actions" class="actions">
        <button type="button" class="button" part="save-button" ?disabled=${busy} @click=${() => void this.saveDraft()}>
          ${localize.term(this.busy === 'saving' ? 'saving' : 'saveDraft')}
        </button>
        <button type="button" class="button" part="estimate-button" ?disabled=${busy} @click=${() => void this.review()}>
          ${localize.term(this.busy === 'checking' ? 'checking' : 'checkAndEstimate')}
        </button>
        <button type="button" class="button primary" part="start-button" ?disabled=${busy} @click=${() => void this.start()}>
          ${localize.term(this.busy === 'starting' ? 'starting' : form.when === 'later' ? 'schedule' : 'startNow')}
        </button>
      </div>
    </form>`;
  }

  private issueFor(field: FieldKey): { id: string; message: string } | null {
    const message = this.issues.get(field);
    return message ? { id: `${field}-issue`, message } : null;
  }

  private renderIssue(field: FieldKey): TemplateResult | typeof nothing {
    const issue = this.issueFor(field);
    return issue ? html`<p class="field-error" id=${issue.id}>${issue.message}</p>` : nothing;
  }

  private renderName(): TemplateResult {
    const issue = this.issueFor('name');
    return html`<div class="section field" part="name-section">
      <label for="name" class="section-title">${this.localize.term('campaignName')}</label>
      <input
        id="name"
        class="input"
        part="name"
        maxlength="200"
        autocomplete="off"
        .value=${this.form.name}
        aria-invalid=${issue ? 'true' : 'false'}
        aria-describedby=${issue ? issue.id : nothing}
        @input=${(event: Event) => this.set('name', (event.target as HTMLInputElement).value)}
      />
      ${this.renderIssue('name')}
    </div>`;
  }

  private renderRating(data: EditorData): TemplateResult {
    const { localize, form } = this;
    const issue = this.issueFor('ratingExtensionId');
    return html`<div class="section field" part="rating">
      <label for="rating" class="section-title">${localize.term('ratingExtension')}</label>
      <select
        id="rating"
        class="input"
        aria-invalid=${issue ? 'true' : 'false'}
        aria-describedby=${issue ? `rating-hint ${issue.id}` : 'rating-hint'}
        @change=${(event: Event) => this.set('ratingExtensionId', (event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${form.ratingExtensionId === ''}>${localize.term('chooseExtension')}</option>
        ${data.extensions.map(
          (extension) => html`<option value=${extension.id} ?selected=${extension.id === form.ratingExtensionId}>
            ${localize.term('extensionOption', extension.number, extension.name)}
          </option>`,
        )}
      </select>
      <p class="hint" id="rating-hint">${localize.term('ratingHint')}</p>
      ${this.renderIssue('ratingExtensionId')}
    </div>`;
  }
}
