import { html, nothing, svg, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Organisation, OrganisationStatus, OrganisationUsage } from '../../src/model/organisation.js';
import { SmsSupportAccessEvent } from '../events/sms-support-access-event.js';
import { Announcer } from '../internal/announcer.js';
import { ClientChangeController } from '../internal/client-change.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { dataTableStyles } from '../internal/data-table.styles.js';
import { renderEditButton, renderEntryTable, renderRemoveButton } from '../internal/entry-table.js';
import { describeError } from '../internal/error-text.js';
import { FormDialogController } from '../internal/form-dialog.js';
import { icon } from '../internal/icon.js';
import { reloadAndFocus, reloadListing } from '../internal/listing-reload.js';
import { renderListingState } from '../internal/listing-state.js';
import { LocalizeController } from '../internal/localize.js';
import { managerStyles } from '../internal/manager.styles.js';
import { formatMinorUnits } from '../internal/money.js';
import { NoticeController } from '../internal/notice.js';
import { PagedListController } from '../internal/paged-list.js';
import { takeOutRow } from '../internal/remove-row.js';
import { RowWindowController } from '../internal/row-window.js';
import { SearchFieldController } from '../internal/search-field.js';
import { sharedStyles } from '../internal/theme.js';
import { OrganisationFormController } from './organisation-form.js';
import styles from './organisation-manager.styles.js';
import { organisationManagerTerms } from './organisation-manager.terms.js';
import { OrganisationRemovalController } from './organisation-removal.js';

const PAGE = 100;
const SEARCH_DELAY = 300;
const COLUMNS = 6;

const supportIcon = icon(svg`<path d="M12 3a8 8 0 0 0-8 8v6a3 3 0 0 0 3 3h2v-7H6v-2a6 6 0 0 1 12 0v2h-3v7h3v1h-5v2h5a2 2 0 0 0 2-2v-9a8 8 0 0 0-8-8Z"/>`);
const pauseIcon = icon(svg`<path d="M7 5h4v14H7zm6 0h4v14h-4z"/>`);
const playIcon = icon(svg`<path d="M8 5v14l11-7z"/>`);

/**
 * @tagname sms-organisation-manager
 * @summary The hosting vendor's customer organisations, for its operators (principals with role `operator` and no
 * organisation): each with its status (suspended since when), this month's messages and cost, and the caps on what
 * it sends; search by name or id, filter by status. Operators create an organisation (its name, their own id if they
 * have one, its caps), rename it and change its caps, suspend it and resume it (each confirmed, saying what it does),
 * remove it with all its data once its name is typed, and act as support in it: after a confirmation saying that the
 * look is read-only and recorded in the organisation's support access trail, the element fires `sms-support-access`
 * and the host switches into the organisation with the principal it carries. Anyone else (an organisation's
 * administrators and users, an operator already acting for support) sees a note that only operators manage
 * organisations, and the element asks the backend nothing. Columns leave the table as the element narrows.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @event {SmsSupportAccessEvent} sms-support-access - The operator confirmed acting as support in an organisation:
 * `detail.organisationId`, `detail.name` and `detail.principal` (`{ organisationId, userId, role: 'operator' }`), the
 * principal of a client that reads as its administrators do, every call recorded (`directory.supportAccess()`). The
 * host switches into it; the element changes nothing.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - Search, the status filter and "Create an organisation".
 * @csspart search - The search field.
 * @csspart status-filter - The status filter.
 * @csspart add-button - "Create an organisation".
 * @csspart operators-only - The note telling anyone but an operator that only operators manage organisations.
 * @csspart entries - The scrolling table of organisations.
 * @csspart edit-button - An organisation's name in the table, a button that opens its form.
 * @csspart suspended-badge - The mark of a suspended organisation.
 * @csspart support-button - "Support" in a row: act as support in the organisation.
 * @csspart suspend-button - "Suspend" or "Resume" in a row.
 * @csspart remove-button - The remove button of a row.
 * @csspart name-input - The name field of the form.
 * @csspart id-input - The id field of the form (when creating).
 * @csspart caps-field - The caps of the form.
 * @csspart cap-input - A cap field (sends per second, per day).
 * @csspart remove-warning - What removing deletes, in the removal dialog.
 * @csspart confirm-name-input - The field the organisation's name is typed in to remove it.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 * @csspart form-dialog - The dialogs to create, edit and remove an organisation.
 * @csspart dialog - The confirmation dialog (suspend, resume, support).
 *
 * @cssproperty --sms-organisation-manager-height - Height the table grows to before it scrolls. Default: `28rem`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Hover background, the operators-only note.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Secondary text: hints, headers, ids, suspended organisations.
 * @cssproperty --sms-color-border - Borders and separators.
 * @cssproperty --sms-color-accent - Primary buttons, names.
 * @cssproperty --sms-color-on-accent - Text on primary buttons.
 * @cssproperty --sms-color-warning - The suspended mark.
 * @cssproperty --sms-color-danger - Errors, the remove button.
 * @cssproperty --sms-color-success - Confirmations.
 * @cssproperty --sms-focus-ring-color - Colour of the keyboard focus ring.
 * @cssproperty --sms-focus-ring-width - Width of the keyboard focus ring.
 * @cssproperty --sms-font-family - Font; inherited from the page by default.
 * @cssproperty --sms-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --sms-radius - Corner radius.
 * @cssproperty --sms-spacing - Base spacing unit. Default: `0.5rem`.
 * @cssproperty --sms-transition-duration - Hover and focus transitions. Default: `150ms`.
 *
 * @example
 * ```html
 * <sms-organisation-manager .client=${operatorClient}></sms-organisation-manager>
 * <script>
 *   manager.addEventListener('sms-support-access', (event) => portal.openForSupport(event.detail));
 * </script>
 * ```
 */
export class SmsOrganisationManager extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, dataTableStyles, managerStyles, styles];

  /** This month's usage, by organisation id; null when it could not be read. */
  @state() private usage: Map<string, OrganisationUsage> | null = new Map();
  @state() private status: OrganisationStatus | '' = '';

  private readonly localize = new LocalizeController(this, organisationManagerTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly confirm = new ConfirmController(this);
  private readonly form = new FormDialogController(this, (error) => this.describe(error));
  private readonly search = new SearchFieldController(this, { delay: SEARCH_DELAY, search: () => void this.reload() });
  private readonly organisations = new PagedListController<Organisation>(this, (cursor) => {
    const client = this.smsClient;
    if (!client || !this.isOperator) return null;
    const page = client.organisations.list({ query: this.search.query || undefined, status: this.status || undefined, cursor, limit: PAGE });
    if (cursor !== undefined) return page;
    // The first page shows once this month's usage is read too (or known to be unreadable: its cells say so).
    const usage = client.organisations.usage().then((rows) => new Map(rows.map((row) => [row.organisationId, row])), () => null);
    return Promise.all([page, usage]).then(([first, read]) => {
      if (client === this.smsClient) this.usage = read;
      return first;
    });
  });
  private readonly rows = new RowWindowController(this, { onNearEnd: () => void this.organisations.loadMore() });
  private readonly editor = new OrganisationFormController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    form: this.form,
    notice: this.notice,
    usage: (organisation) => this.usageLine(organisation),
    saved: (organisation) => void this.afterSave(organisation),
  });
  private readonly removal = new OrganisationRemovalController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    form: this.form,
    removed: (organisation) => this.afterRemove(organisation),
  });
  private readonly clientChange = new ClientChangeController(this, { client: () => this.smsClient, changed: () => this.load() });

  /** An operator managing organisations: the role, and no organisation named (that is acting for support). */
  private get isOperator(): boolean {
    const principal = this.smsClient?.principal;
    return principal?.role === 'operator' && principal.organisationId === undefined;
  }

  /** A new client: for an operator, the organisations. */
  private load(): void {
    this.usage = new Map();
    if (this.isOperator) void this.reload();
  }

  /** The organisations' first page and this month's usage of every organisation, read together. */
  private reload(): Promise<void> {
    return reloadListing(this.organisations, this.rows);
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  private replace(organisation: Organisation): void {
    this.organisations.update((items) => items.map((item) => (item.id === organisation.id ? organisation : item)));
  }

  /** "This month: 1,204 messages, 1,530 parts, A$61.20.", or null when the usage is not known. */
  private usageLine(organisation: Organisation): string | null {
    const { localize } = this;
    const usage = this.usage?.get(organisation.id);
    if (!usage) return null;
    return localize.term('usageThisMonth', localize.number(usage.messages), localize.number(usage.segments), formatMinorUnits(localize, usage.cost, usage.currency));
  }

  // --- actions ---

  private async afterSave(organisation: Organisation): Promise<void> {
    await reloadAndFocus(this.organisations, this.rows, (item) => item.id === organisation.id);
  }

  private afterRemove(organisation: Organisation): void {
    this.notice.say(this.localize.term('organisationRemoved', organisation.name));
    takeOutRow({ entries: this.organisations, rows: this.rows, is: (item) => item.id === organisation.id });
  }

  private async toggleSuspension(organisation: Organisation): Promise<void> {
    const { localize } = this;
    const suspending = organisation.status === 'active';
    const yes = await this.confirm.ask({
      title: localize.term(suspending ? 'suspendTitle' : 'resumeTitle', organisation.name),
      message: localize.term(suspending ? 'suspendMessage' : 'resumeMessage'),
      confirmLabel: localize.term(suspending ? 'suspendConfirm' : 'resumeConfirm'),
      cancelLabel: localize.term('cancel'),
      danger: suspending,
    });
    const client = this.smsClient;
    if (!yes || !client) return;
    let changed: Organisation | undefined;
    const done = await this.notice.attempt(async () => {
      changed = suspending ? await client.organisations.suspend(organisation.id) : await client.organisations.resume(organisation.id);
    });
    if (!done || !changed) return;
    this.notice.say(localize.term(suspending ? 'organisationSuspended' : 'organisationResumed', changed.name));
    // Under a status filter, the organisation leaves the listing; else it stays, in its new status.
    if (this.status && this.status !== changed.status) this.organisations.update((items) => items.filter((item) => item.id !== organisation.id));
    else this.replace(changed);
  }

  private async actAsSupport(organisation: Organisation): Promise<void> {
    const { localize } = this;
    const client = this.smsClient;
    const yes = await this.confirm.ask({
      title: localize.term('supportTitle', organisation.name),
      message: localize.term('supportMessage', organisation.name),
      confirmLabel: localize.term('supportConfirm'),
      cancelLabel: localize.term('cancel'),
    });
    if (!yes || !client || client !== this.smsClient) return;
    const principal = { organisationId: organisation.id, userId: client.principal.userId, role: 'operator' as const };
    this.dispatchEvent(new SmsSupportAccessEvent({ organisationId: organisation.id, name: organisation.name, principal }));
  }

  private onStatus(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value as OrganisationStatus | '';
    void this.reload();
  }

  // --- rendering ---

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const { localize } = this;
    return html`<div part="base" class="base">
      <div class="header">
        <h2 id="organisations-title">${localize.term('organisationsTitle')}</h2>
        ${this.isOperator ? html`<p class="hint">${localize.term('organisationsIntro')}</p>` : nothing}
      </div>
      ${this.isOperator
        ? html`${this.notice.render(localize.term('close'))} ${this.renderToolbar()}
            <div class="table-area">${this.renderBody()}</div>
            ${this.form.render()} ${this.confirm.render()} ${this.announcer.render()}`
        : html`<p part="operators-only" class="view-only">${localize.term('operatorsOnly')}</p>`}
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const { localize } = this;
    return html`<div part="toolbar" class="toolbar listing-toolbar odd">
      ${this.search.render({ part: 'search', label: localize.term('searchOrganisations'), classes: 'input search' })}
      <select class="input" part="status-filter" aria-label=${localize.term('organisationStatusFilter')} @change=${this.onStatus}>
        <option value="" ?selected=${this.status === ''}>${localize.term('organisationStatusAll')}</option>
        <option value="active" ?selected=${this.status === 'active'}>${localize.term('statusActive')}</option>
        <option value="suspended" ?selected=${this.status === 'suspended'}>${localize.term('statusSuspended')}</option>
      </select>
      <div class="toolbar-actions">
        <button class="button primary" part="add-button" @click=${() => this.editor.openAdd()}>${localize.term('addOrganisation')}</button>
      </div>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const { localize } = this;
    const state = renderListingState(this.organisations, {
      localize,
      retry: () => void this.reload(),
      empty: () => (this.search.query || this.status ? localize.term('organisationsNoMatch') : localize.term('organisationsEmpty')),
    });
    return state ?? this.renderTable();
  }

  /** The caps in short ("10/s · 5,000/day"), and in full for the cell's title. */
  private capsText(organisation: Organisation): { short: string; full: string } {
    const { localize } = this;
    const { sendsPerSecond, sendsPerDay } = organisation.limits;
    const short = [
      sendsPerSecond === null ? '' : localize.term('capPerSecond', localize.number(sendsPerSecond)),
      sendsPerDay === null ? '' : localize.term('capPerDay', localize.number(sendsPerDay)),
    ].filter(Boolean);
    const full = localize.term(
      'capsTitle',
      sendsPerSecond === null ? localize.term('capNone') : localize.number(sendsPerSecond),
      sendsPerDay === null ? localize.term('capNone') : localize.number(sendsPerDay),
    );
    return { short: short.length > 0 ? short.join(' · ') : localize.term('noCaps'), full };
  }

  private renderStatus(organisation: Organisation): TemplateResult {
    const { localize } = this;
    if (organisation.status === 'active') return html`${localize.term('statusActive')}`;
    const since = organisation.suspendedAt ? localize.term('suspendedSince', localize.date(organisation.suspendedAt, { dateStyle: 'medium' })) : localize.term('statusSuspended');
    return html`<span class="badge suspended-badge" part="suspended-badge" title=${since}>${localize.term('statusSuspended')}</span>`;
  }

  private renderUsage(organisation: Organisation): { messages: TemplateResult; cost: TemplateResult } {
    const { localize } = this;
    if (this.usage === null) {
      const unknown = html`<span class="none" title=${localize.term('usageUnknown')}>–</span>`;
      return { messages: unknown, cost: unknown };
    }
    const usage = this.usage.get(organisation.id);
    if (!usage) return { messages: html`${localize.number(0)}`, cost: html`–` };
    return {
      messages: html`<span title=${localize.term('organisationUsageTitle', localize.number(usage.messages), localize.number(usage.segments))}>${localize.number(usage.messages)}</span>`,
      cost: html`${formatMinorUnits(localize, usage.cost, usage.currency)}`,
    };
  }

  private renderActions(organisation: Organisation, tabindex: number): TemplateResult {
    const { localize } = this;
    const suspended = organisation.status === 'suspended';
    const toggle = localize.term(suspended ? 'resumeOrganisation' : 'suspendOrganisation', organisation.name);
    const support = localize.term('supportOrganisation', organisation.name);
    return html`<div class="row-actions">
      <button class="button quiet row-action" part="support-button" tabindex=${tabindex} aria-label=${support} title=${support} @click=${() => void this.actAsSupport(organisation)}>
        ${supportIcon}<span class="action-label">${localize.term('support')}</span>
      </button>
      <button class="button quiet row-action" part="suspend-button" tabindex=${tabindex} aria-label=${toggle} title=${toggle} @click=${() => void this.toggleSuspension(organisation)}>
        ${suspended ? playIcon : pauseIcon}<span class="action-label">${localize.term(suspended ? 'resume' : 'suspend')}</span>
      </button>
      ${renderRemoveButton({ label: localize.term('removeOrganisation', organisation.name), tabindex, onClick: () => this.removal.open(organisation) })}
    </div>`;
  }

  private renderTable(): TemplateResult {
    const { localize, organisations } = this;
    return renderEntryTable({
      localize,
      rows: this.rows,
      entries: organisations,
      shown: (count) => localize.term('organisationEntriesLoaded', count),
      labelledBy: 'organisations-title',
      head: html`<th scope="col" class="col-name">${localize.term('columnOrganisation')}</th>
        <th scope="col" class="col-status">${localize.term('columnStatus')}</th>
        <th scope="col" class="col-messages">${localize.term('organisationColumnMessages')}</th>
        <th scope="col" class="col-cost">${localize.term('organisationColumnCost')}</th>
        <th scope="col" class="col-caps">${localize.term('columnCaps')}</th>`,
      columns: COLUMNS,
      key: (organisation) => organisation.id,
      rowClass: (organisation) => organisation.status,
      cells: (organisation, tabindex) => {
        const caps = this.capsText(organisation);
        const usage = this.renderUsage(organisation);
        return html`<th scope="row" class="col-name">
            ${renderEditButton({
              label: localize.term('editOrganisation', organisation.name),
              tabindex,
              classes: 'name',
              title: organisation.name,
              content: html`<bdi>${organisation.name}</bdi>`,
              onClick: () => this.editor.openEdit(organisation),
            })}
            <span class="line id" title=${organisation.id}
              >${organisation.id}${organisation.status === 'suspended' ? html` <span class="badge suspended-badge status-inline">${localize.term('statusSuspended')}</span>` : nothing}</span
            >
          </th>
          <td class="col-status">${this.renderStatus(organisation)}</td>
          <td class="col-messages number">${usage.messages}</td>
          <td class="col-cost number">${usage.cost}</td>
          <td class="col-caps" title=${caps.full}>${caps.short}</td>
          <td class="cell-actions">${this.renderActions(organisation, tabindex)}</td>`;
      },
    });
  }
}
