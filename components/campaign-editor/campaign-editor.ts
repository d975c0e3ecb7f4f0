import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { SmsClient } from '../../src/client.js';
import type { Campaign, CampaignDraft, CampaignEstimate, CampaignIssue, Extension, Settings, Template } from '../../src/model/index.js';
import type { SendCapabilities } from '../../src/ports/backend.js';
import { renderTemplate, templateFields } from '../../src/template.js';
import type { SmsGsmReplaceEvent } from '../events/sms-gsm-replace-event.js';
import { SmsCampaignSavedEvent } from '../events/sms-campaign-saved-event.js';
import { SmsCampaignScheduledEvent } from '../events/sms-campaign-scheduled-event.js';
import { SmsCampaignStartedEvent } from '../events/sms-campaign-started-event.js';
import { Announcer } from '../internal/announcer.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { describeError } from '../internal/error-text.js';
import { importReportStyles } from '../internal/import-report.js';
import { LocalizeController } from '../internal/localize.js';
import { formatMinorUnits } from '../internal/money.js';
import { renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import styles from './campaign-editor.styles.js';
import { campaignEditorTerms } from './campaign-editor.terms.js';
import { fieldOfError, fieldOfFormKey, formOf, ISSUE_TERMS, type CampaignForm, type FieldKey } from './campaign-form.js';
import { RecipientSourceController } from './recipient-source.js';
import { describeTimeZone, fromLocalInput, toLocalInput } from './schedule.js';
import { renderSenderField } from './sender-field.js';

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
 * blocked numbers before anything is saved) and when it is sent. Saves a draft at any point; before starting, shows
 * a summary (recipients, parts, cost) and asks for confirmation. Problems show next to their field, and nothing
 * typed is lost when a save fails. Administrators cannot create or start campaigns: the editor says so.
 *
 * @event {SmsCampaignSavedEvent} sms-campaign-saved - The campaign was saved as a draft (`detail.campaign`).
 * @event {SmsCampaignStartedEvent} sms-campaign-started - The campaign was started (`detail.campaign`, running).
 * @event {SmsCampaignScheduledEvent} sms-campaign-scheduled - The campaign was scheduled (`detail.campaign.scheduledAt`).
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The form.
 * @csspart notice - A notice instead of the form (administrator, a campaign that can no longer be edited), or above it.
 * @csspart name - The name field.
 * @csspart sender - The "Send from" group; `number-select` and `alpha-tag` are its controls.
 * @csspart recipients - The recipients group; `list-select`, `drop-zone`, `file-button`, `uploaded-file`, `phone-column`,
 * `file-report`, `import-progress`, `blocklist-progress`, `import-counts`, `import-preview`, `import-problems` are in it.
 * @csspart message - The message group; `body`, `template-select`, `merge-fields`, `segment-counter`, `preview` are in it.
 * @csspart rating - The "Billed to extension" field.
 * @csspart schedule - The "When" group; `scheduled-at` and `time-zone` are in it.
 * @csspart summary - The summary of the estimate before starting.
 * @csspart form-error - Why the last save or start failed.
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
  static override styles = [sharedStyles, controlStyles, importReportStyles, styles];

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
    this.set('body', body.slice(0, start) + token + body.slice(end));
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
    this.set('body', template.body);
    void this.updateComplete.then(() => this.body.value?.focus());
  }

  // --- saving and starting ----------------------------------------------------------------------------------------

  private setIssues(issues: Iterable<[FieldKey, string]>): void {
    this.issues = new Map(issues);
    const first = [...this.issues.keys()][0];
    if (first) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(FIELD_TARGETS[first])?.focus());
  }

  /** Checks what the backend cannot be asked without: a name, and for a later send a time in the future. */
  private checkLocally(forStart: boolean): boolean {
    const { localize, form } = this;
    const issues: [FieldKey, string][] = [];
    if (form.name.trim() === '') issues.push(['name', localize.term('nameRequired')]);
    if (forStart && form.when === 'later') {
      const at = fromLocalInput(form.scheduledAt);
      if (!at) issues.push(['scheduledAt', localize.term('scheduleRequired')]);
      else if (Date.parse(at) <= Date.now()) issues.push(['scheduledAt', localize.term('schedulePast')]);
    }
    if (issues.length > 0) {
      this.formError = null;
      this.setIssues(issues);
    }
    return issues.length === 0;
  }

  private showError(error: unknown): void {
    const described = describeError(error, this.localize);
    const field = fieldOfError(described.field);
    if (field) {
      this.formError = null;
      this.setIssues([[field, described.message]]);
    } else {
      this.formError = this.localize.term('saveFailed', described.message);
    }
  }

  private issueText(issue: CampaignIssue): string {
    if (issue.code === 'sender.alpha_not_allowed' && this.form.senderType === 'alpha') {
      return this.localize.term('alphaTagNotAllowed', this.form.alphaTag.trim());
    }
    const key = ISSUE_TERMS[issue.code];
    return key ? this.localize.term(key as 'issueBodyRequired') : issue.message;
  }

  /** Creates or updates the campaign from the form (uploading a new file first). The form is never reset. */
  private async persist(client: SmsClient): Promise<Campaign> {
    const { form } = this;
    const recipients = await this.source.prepare(client);
    const tag = form.alphaTag.trim();
    const draft: CampaignDraft = {
      name: form.name.trim(),
      sender: form.senderType === 'number' ? (form.numberId ? { type: 'number', numberId: form.numberId } : null) : tag ? { type: 'alpha', tag } : null,
      body: form.body,
      ratingExtensionId: form.ratingExtensionId || null,
      recipients,
      scheduledAt: form.when === 'later' ? fromLocalInput(form.scheduledAt) : null,
    };
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
    if (!this.checkLocally(false)) return;
    const campaign = await this.run('saving', (client) => this.persist(client));
    if (campaign) this.announcer.announce(this.localize.term('saved'));
  }

  /** Saves, asks the backend what keeps the campaign from starting, and estimates it: the summary. */
  private async review(): Promise<{ campaign: Campaign; estimate: CampaignEstimate } | null> {
    if (!this.checkLocally(true)) return null;
    return this.run('checking', async (client) => {
      const campaign = await this.persist(client);
      const validation = await client.campaigns.validate(campaign.id);
      if (!validation.ok) {
        const issues = new Map<FieldKey, string>();
        for (const issue of validation.issues) if (!issues.has(issue.field)) issues.set(issue.field, this.issueText(issue));
        this.setIssues(issues);
        this.formError = this.localize.term('fixIssues', issues.size);
        return null;
      }
      const estimate = await client.campaigns.estimate(campaign.id);
      this.estimate = estimate;
      this.summaryStale = false;
      return { campaign, estimate };
    });
  }

  private async start(): Promise<void> {
    const reviewed = await this.review();
    if (!reviewed) return;
    const { campaign, estimate } = reviewed;
    const { localize } = this;
    const later = this.form.when === 'later';
    const at = later ? fromLocalInput(this.form.scheduledAt) : null;
    const cost = this.money(estimate.cost, estimate.currency);
    const parts = localize.number(estimate.totalSegments);
    const confirmed = await this.confirm.ask(
      later
        ? {
            title: localize.term('confirmScheduleTitle', campaign.name),
            message: localize.term('confirmScheduleMessage', estimate.deliverable, parts, cost, localize.date(at!, DATE_TIME)),
            confirmLabel: localize.term('scheduleConfirm'),
            cancelLabel: localize.term('cancel'),
          }
        : {
            title: localize.term('confirmStartTitle', campaign.name),
            message: localize.term('confirmStartMessage', estimate.deliverable, parts, cost),
            confirmLabel: localize.term('start'),
            cancelLabel: localize.term('cancel'),
          },
    );
    if (!confirmed) return;
    const result = await this.run('starting', (client) => (at ? client.campaigns.schedule(campaign.id, at) : client.campaigns.start(campaign.id)));
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
      ${this.renderMessage(data)} ${this.renderRating(data)} ${this.renderSchedule()} ${this.renderSummary()}
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
    return html`<div class="field">
      <label for="name">${this.localize.term('campaignName')}</label>
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

  private renderMessage(data: EditorData): TemplateResult {
    const { localize, form } = this;
    const issue = this.issueFor('body');
    const columns = this.source.columns;
    const fields = templateFields(form.body);
    const known = new Set(columns.map((column) => column.toLowerCase()));
    const unknown = columns.length > 0 ? fields.filter((field) => !known.has(field.toLowerCase())) : [];
    const sample = this.source.sample;
    const preview = fields.length > 0 && sample ? renderTemplate(form.body, sample, { fallback: (name) => `[${name}]` }) : null;
    const describedBy = [issue?.id, unknown.length > 0 ? 'unknown-fields' : ''].filter(Boolean).join(' ');
    return html`<fieldset class="fieldset" part="message">
      <legend>${localize.term('message')}</legend>
      ${data.templates.length > 0
        ? html`<div class="field inline">
            <label for="template">${localize.term('useTemplate')}</label>
            <select id="template" class="input" part="template-select" @change=${(event: Event) => void this.applyTemplate(event.target as HTMLSelectElement)}>
              <option value="">${localize.term('chooseTemplate')}</option>
              ${data.templates.map((template) => html`<option value=${template.id}>${template.name}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="body">${localize.term('message')}</label>
        <textarea
          ${ref(this.body)}
          id="body"
          class="input"
          part="body"
          rows="6"
          maxlength="1600"
          .value=${form.body}
          aria-invalid=${issue ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @input=${(event: Event) => this.set('body', (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${this.renderIssue('body')}
        ${unknown.length > 0 ? html`<p class="field-warning" id="unknown-fields">${localize.term('unknownFields', unknown.join(', '))}</p>` : nothing}
      </div>
      <sms-segment-counter
        part="segment-counter"
        compact
        max-segments="10"
        .text=${form.body}
        @sms-gsm-replace=${(event: SmsGsmReplaceEvent) => this.set('body', event.detail.text)}
      ></sms-segment-counter>
      ${columns.length > 0
        ? html`<div class="merge-fields" part="merge-fields" role="group" aria-label=${localize.term('insertField')}>
            <span class="hint" aria-hidden="true">${localize.term('insertField')}</span>
            ${columns.map(
              (column) => html`<button type="button" class="button chip" title=${localize.term('insertFieldButton', column)} @click=${() => this.insertField(column)}>
                {{${column}}}
              </button>`,
            )}
          </div>`
        : html`<p class="hint">${localize.term('mergeFieldsAfterRecipients')}</p>`}
      ${preview?.ok
        ? html`<div class="preview" part="preview">
            <span class="hint">${localize.term('previewFor')}</span>
            <p class="preview-text">${preview.text}</p>
          </div>`
        : nothing}
    </fieldset>`;
  }

  private renderRating(data: EditorData): TemplateResult {
    const { localize, form } = this;
    const issue = this.issueFor('ratingExtensionId');
    return html`<div class="field" part="rating">
      <label for="rating">${localize.term('ratingExtension')}</label>
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

  private renderSchedule(): TemplateResult {
    const { localize, form } = this;
    const issue = this.issueFor('scheduledAt');
    const at = form.when === 'later' ? fromLocalInput(form.scheduledAt) : null;
    const zone = form.when === 'later' ? describeTimeZone(localize.lang, at ? new Date(at) : new Date()) : null;
    return html`<fieldset class="fieldset" part="schedule">
      <legend>${localize.term('when')}</legend>
      <div class="choices">
        ${(['now', 'later'] as const).map(
          (when) => html`<label class="choice">
            <input type="radio" name="when" value=${when} .checked=${form.when === when} @change=${() => this.set('when', when)} />
            ${localize.term(when === 'now' ? 'sendNow' : 'sendLater')}
          </label>`,
        )}
      </div>
      ${form.when === 'later'
        ? html`<div class="field">
            <label for="scheduled-at">${localize.term('scheduleAt')}</label>
            <input
              id="scheduled-at"
              class="input"
              part="scheduled-at"
              type="datetime-local"
              min=${toLocalInput(Date.now())}
              .value=${form.scheduledAt}
              aria-invalid=${issue ? 'true' : 'false'}
              aria-describedby=${issue ? `time-zone ${issue.id}` : 'time-zone'}
              @input=${this.onScheduleInput}
              @change=${this.onScheduleInput}
            />
            <p class="hint" id="time-zone" part="time-zone">${localize.term('timeZone', zone!.name, zone!.offset)}</p>
            ${at ? html`<p class="hint">${localize.term('sendsOn', localize.date(at, DATE_TIME))}</p>` : nothing}
          </div>`
        : nothing}
      ${this.renderIssue('scheduledAt')}
    </fieldset>`;
  }

  private onScheduleInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value !== this.form.scheduledAt) this.set('scheduledAt', value);
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const { estimate, localize } = this;
    if (!estimate) return nothing;
    const row = (label: string, value: string, className = '') => html`<div class=${`summary-row ${className}`}><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<section part="summary" class="summary ${this.summaryStale ? 'stale' : ''}" aria-labelledby="summary-title">
      <h3 id="summary-title" class="summary-title">${localize.term('summary')}</h3>
      ${this.summaryStale ? html`<p class="field-warning">${localize.term('summaryStale')}</p>` : nothing}
      <dl>
        ${row(localize.term('deliverable'), localize.number(estimate.deliverable), 'deliverable')}
        ${row(
          localize.term('excluded'),
          localize.term('excludedCounts', localize.number(estimate.invalid), localize.number(estimate.duplicate), localize.number(estimate.blocked)),
          'excluded',
        )}
        ${row(localize.term('encoding'), localize.term(estimate.encoding === 'GSM-7' ? 'encodingGsm' : 'encodingUcs2'), 'encoding')}
        ${row(localize.term('segmentsPerMessage'), localize.number(estimate.segmentsPerMessage), 'segments-per-message')}
        ${row(localize.term('totalSegments'), localize.number(estimate.totalSegments), 'total-segments')}
        ${row(localize.term('estimatedCost'), this.money(estimate.cost, estimate.currency), 'cost')}
      </dl>
    </section>`;
  }
}
