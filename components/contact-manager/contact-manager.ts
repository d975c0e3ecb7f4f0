import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SmsClient } from '../../src/client.js';
import { toCsv } from '../../src/csv.js';
import type { Contact, ContactScope } from '../../src/model/contact.js';
import { Announcer } from '../internal/announcer.js';
import { ClientChangeController } from '../internal/client-change.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { CsvExportController } from '../internal/csv-export.js';
import { dataTableStyles } from '../internal/data-table.styles.js';
import { DefaultCountryController } from '../internal/default-country.js';
import { downloadText } from '../internal/download.js';
import { renderEditButton, renderEntryTable, renderRemoveButton } from '../internal/entry-table.js';
import { describeError } from '../internal/error-text.js';
import { FormDialogController } from '../internal/form-dialog.js';
import { importReportStyles } from '../internal/import-report.js';
import { LiveEventsController } from '../internal/live-events.js';
import { reloadAndFocus, reloadListing } from '../internal/listing-reload.js';
import { renderListingState } from '../internal/listing-state.js';
import { LocalizeController } from '../internal/localize.js';
import { ltrText } from '../internal/ltr-text.js';
import { managerStyles } from '../internal/manager.styles.js';
import { NoticeController } from '../internal/notice.js';
import { PagedListController } from '../internal/paged-list.js';
import { displayPhone } from '../internal/phone.js';
import { searchQuery } from '../internal/phone-input.js';
import { removalQuestion, removeRow } from '../internal/remove-row.js';
import { RowWindowController } from '../internal/row-window.js';
import { SearchFieldController } from '../internal/search-field.js';
import { sharedStyles } from '../internal/theme.js';
import { ContactFormController } from './contact-form.js';
import { ContactImportController, type ContactImportOutcome } from './contact-import.js';
import styles from './contact-manager.styles.js';
import { contactManagerTerms } from './contact-manager.terms.js';

const PAGE = 100;
const EXPORT_PAGE = 500;
const SEARCH_DELAY = 300;
/** Live changes arriving together are read together. */
const LIVE_DELAY = 250;

/**
 * @tagname sms-contact-manager
 * @summary The organisation's shared contacts and a user's personal ones, each with its numbers and their labels,
 * by which conversations name a number ("Bob Smith – Mobile"). Search by name, company or number in any form (a
 * number typed in national form finds it); add and edit a contact with several numbers, each labelled Mobile, Work,
 * Home, Other or a word typed, checked as typed; remove it with confirmation; import a CSV or Excel file (rows of one
 * name make one contact) with the list manager's report of what was added and of the rows left out, by line; export
 * the contacts shown as CSV that imports again. Administrators keep the shared contacts; a user reads them, and keeps
 * their own. Live: contacts changed elsewhere show at once. Columns leave the table as the element narrows.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - Search, the choice of contacts shown, and actions.
 * @csspart search - The search field.
 * @csspart scope-filter - All, shared or the user's own contacts (users).
 * @csspart add-button - "Add a contact".
 * @csspart import-button-open - "Import CSV".
 * @csspart export-button - "Export CSV".
 * @csspart view-only - The note saying who keeps which contacts.
 * @csspart entries - The scrolling table of contacts.
 * @csspart edit-button - A contact's name in the table, a button that opens its form (contacts the user may change).
 * @csspart scope-badge - "Shared" or "Personal" (users).
 * @csspart remove-button - The remove button of a row.
 * @csspart name-input - The name field of the form.
 * @csspart company-input - The company field of the form.
 * @csspart numbers-field - The numbers of the form.
 * @csspart number-row - One number of the form: its label, the number, its remove button.
 * @csspart label-input - The label of a number in the form.
 * @csspart phone-input - A number in the form.
 * @csspart remove-number - The button that takes a number out of the form.
 * @csspart add-number - "Add a number", in the form.
 * @csspart import - The import panel.
 * @csspart drop-zone - Where a file is dropped.
 * @csspart column-choice - The choice of a column of the file (name, label, company, e-mail).
 * @csspart import-progress - The progress bar while a file is read or imported.
 * @csspart import-counts - Contacts added and updated, invalid rows, duplicates.
 * @csspart import-preview - The first rows of the file.
 * @csspart import-problems - The rows that will not be (or were not) imported, by line.
 * @csspart import-report - The report of an import.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 * @csspart form-dialog - The dialog to add or edit a contact.
 * @csspart dialog - The confirmation dialog.
 *
 * @cssproperty --sms-contact-manager-height - Height the table of contacts grows to before it scrolls. Default: `28rem`.
 * @cssproperty --sms-import-table-max-height - Height of the preview and problem tables. Default: `16rem`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Hover background, the view-only note.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Secondary text: hints, headers, labels of numbers, companies.
 * @cssproperty --sms-color-border - Borders and separators.
 * @cssproperty --sms-color-accent - Primary buttons, names, the progress bar.
 * @cssproperty --sms-color-on-accent - Text on primary buttons.
 * @cssproperty --sms-color-warning - Duplicates in a report.
 * @cssproperty --sms-color-warning-surface - Background of duplicate counts.
 * @cssproperty --sms-color-danger - Errors, invalid rows, the remove buttons.
 * @cssproperty --sms-color-success - Added counts, confirmations.
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
 * <sms-provider .client=${client}>
 *   <sms-contact-manager default-country="AU"></sms-contact-manager>
 * </sms-provider>
 * ```
 */
export class SmsContactManager extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, dataTableStyles, importReportStyles, managerStyles, styles];

  /**
   * The home country (ISO 3166-1 alpha-2, e.g. `AU`): its numbers are shown in national form, and numbers typed or
   * imported without a country code are read in it. Unset, the backend's setting is used.
   */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /**
   * The contacts shown to a user: `all` (shared and their own), `global` (shared) or `personal` (their own); the user
   * can change it. Administrators keep only shared contacts and see those.
   * @default 'all'
   */
  @property({ reflect: true }) show: 'all' | ContactScope = 'all';

  private readonly localize = new LocalizeController(this, contactManagerTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly confirm = new ConfirmController(this);
  private readonly form = new FormDialogController(this, (error) => this.describe(error));
  private readonly defaults = new DefaultCountryController(this, { client: () => this.smsClient, attribute: () => this.defaultCountry });
  private readonly search = new SearchFieldController(this, { delay: SEARCH_DELAY, search: () => void this.reload() });
  private readonly contacts = new PagedListController<Contact>(this, (cursor) => {
    const client = this.smsClient;
    return client ? client.contacts.list({ query: this.searchQuery, scope: this.scopeShown, cursor, limit: PAGE }) : null;
  });
  private readonly rows = new RowWindowController(this, { onNearEnd: () => void this.contacts.loadMore() });
  private readonly exporter = new CsvExportController(this);
  private readonly editor = new ContactFormController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    country: () => this.defaults.country,
    scope: () => this.ownScope,
    form: this.form,
    notice: this.notice,
    saved: (contact) => void this.afterSave(contact),
  });
  private readonly importer = new ContactImportController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    defaultCountry: () => this.defaults.country,
    describe: (error) => this.describe(error),
    scope: () => this.ownScope,
    started: () => (this.bulk = true),
    finished: (outcome) => this.afterImport(outcome),
  });
  private readonly live = new LiveEventsController(this, () => this.smsClient, {
    'contact.changed': () => this.onChanged(),
  });
  private readonly clientChange = new ClientChangeController(this, { client: () => this.smsClient, changed: (client) => this.load(client) });
  private importing = false;
  /** An import of ours is running: its many live events are skipped, the list reloads at the end. */
  private bulk = false;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin';
  }

  /** The scope this principal writes: shared contacts for administrators, their own for users. */
  private get ownScope(): ContactScope {
    return this.isAdmin ? 'global' : 'personal';
  }

  private get scopeShown(): ContactScope | undefined {
    if (this.isAdmin) return 'global';
    return this.show === 'all' ? undefined : this.show;
  }

  /** A number typed as people write it is searched by its E.164 digits; a name as typed. */
  private get searchQuery(): string | undefined {
    return searchQuery(this.search.query, this.defaults.country);
  }

  /** Whether this principal may change a contact: administrators the shared ones, users their own. */
  private editable(contact: Contact): boolean {
    return contact.scope === this.ownScope;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.liveTimer);
    this.liveTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('show') && changed.get('show') !== undefined && !this.clientChange.pending) void this.reload();
  }

  /** A new client: its settings and contacts. */
  private load(client: SmsClient): void {
    this.importing = false;
    void this.defaults.load(client);
    void this.reload();
  }

  private reload(): Promise<void> {
    return reloadListing(this.contacts, this.rows);
  }

  /** "Try again": the contacts, and the settings if they failed with them. */
  private retry(): Promise<void> {
    const client = this.smsClient;
    if (client) this.defaults.retry(client);
    return this.reload();
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  /** National form for numbers of the home country, E.164 (grouped) for the others. */
  private display(e164: string): string {
    return displayPhone(e164, this.defaults.country);
  }

  // --- live changes ---

  /** A contact changed here or elsewhere: the page shown is read again once the changes pause. */
  private onChanged(): void {
    if (this.bulk || this.contacts.status !== 'ready') return;
    this.liveTimer ??= setTimeout(() => {
      this.liveTimer = undefined;
      void this.contacts.reload();
    }, LIVE_DELAY);
  }

  // --- actions ---

  private async afterSave(contact: Contact): Promise<void> {
    clearTimeout(this.liveTimer);
    this.liveTimer = undefined;
    await reloadAndFocus(this.contacts, this.rows, (item) => item.id === contact.id);
  }

  private async removeContact(contact: Contact): Promise<void> {
    const { localize } = this;
    const client = this.smsClient;
    if (!client) return;
    await removeRow({
      confirm: this.confirm,
      notice: this.notice,
      entries: this.contacts,
      rows: this.rows,
      ask: removalQuestion(localize, contact.name, { title: 'removeTitle', message: 'removeMessage', confirm: 'removeConfirm' }),
      is: (item) => item.id === contact.id,
      remove: () => client.contacts.remove(contact.id),
      removed: localize.term('contactRemoved', contact.name),
    });
  }

  private onShow(event: Event): void {
    this.show = (event.target as HTMLSelectElement).value as SmsContactManager['show'];
  }

  private openImport(): void {
    this.importing = true;
    this.requestUpdate();
  }

  private closeImport(): void {
    this.importing = false;
    this.importer.reset();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="import-button-open"]')?.focus());
  }

  private afterImport(outcome: ContactImportOutcome): void {
    this.bulk = false;
    const { localize } = this;
    this.announcer.announce(`${localize.term('importDone')}: ${localize.term('contactImportAdded', outcome.added)}, ${localize.term('contactImportUpdated', outcome.updated)}`);
    void this.reload();
  }

  /** The contacts shown (search and choice), page after page, as CSV: one row per number, as the import reads it. */
  private async exportCsv(): Promise<void> {
    const client = this.smsClient;
    if (!client) return;
    await this.notice.attempt(() =>
      this.exporter.run(
        (cursor) => client.contacts.list({ query: this.searchQuery, scope: this.scopeShown, cursor, limit: EXPORT_PAGE }),
        (contacts) => {
          const rows = contacts.flatMap((contact) =>
            contact.numbers.map((number) => ({ name: contact.name, phone: number.e164, label: number.label, company: contact.company, email: contact.email ?? '', scope: contact.scope })),
          );
          downloadText('contacts.csv', toCsv(rows, ['name', 'phone', 'label', 'company', 'email', 'scope']));
          this.notice.say(this.localize.term('contactsExported', contacts.length));
        },
      ),
    );
  }

  // --- rendering ---

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const { localize } = this;
    return html`<div part="base" class="base">
      <div class="header">
        <h2 id="contacts-title">${localize.term('contactsTitle')}</h2>
        <p class="hint">${localize.term('contactsIntro')}</p>
      </div>
      <p part="view-only" class="view-only">${localize.term(this.isAdmin ? 'adminNote' : 'userNote')}</p>
      ${this.notice.render(localize.term('close'))} ${this.renderToolbar()}
      ${this.importing ? this.importer.render(() => this.closeImport()) : nothing}
      <div class="table-area">${this.renderBody()}</div>
      ${this.form.render()} ${this.confirm.render()} ${this.announcer.render()}
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const { localize } = this;
    const admin = this.isAdmin;
    return html`<div part="toolbar" class="toolbar listing-toolbar ${admin ? 'odd' : ''}">
      ${this.search.render({ part: 'search', label: localize.term('searchContacts'), classes: 'input search' })}
      ${admin
        ? nothing
        : html`<select class="input" part="scope-filter" aria-label=${localize.term('scopeFilter')} @change=${this.onShow}>
            <option value="all" ?selected=${this.show === 'all'}>${localize.term('scopeAll')}</option>
            <option value="global" ?selected=${this.show === 'global'}>${localize.term('scopeGlobal')}</option>
            <option value="personal" ?selected=${this.show === 'personal'}>${localize.term('scopePersonal')}</option>
          </select>`}
      <div class="toolbar-actions">
        <button class="button primary" part="add-button" @click=${() => this.editor.openAdd()}>${localize.term('addContact')}</button>
        <button class="button" part="import-button-open" ?disabled=${this.importing} @click=${() => this.openImport()}>${localize.term('importOpen')}</button>
        ${this.exporter.render(localize, () => void this.exportCsv(), (count) => localize.term('contactExporting', count))}
      </div>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const { localize } = this;
    const state = renderListingState(this.contacts, {
      localize,
      retry: () => void this.retry(),
      empty: () =>
        this.search.query || this.show !== 'all' ? localize.term('contactsNoMatch') : localize.term(this.isAdmin ? 'contactsEmpty' : 'contactsEmptyUser'),
    });
    return state ?? this.renderTable();
  }

  /** A number with its label after it, on one line: "0412 345 678 Mobile" (a narrow cell cuts the label first). */
  private renderNumber(number: Contact['numbers'][number]): TemplateResult {
    return html`<span class="number">${ltrText(this.display(number.e164))}</span> <span class="number-label"><bdi>${number.label}</bdi></span>`;
  }

  private renderTable(): TemplateResult {
    const { localize, contacts } = this;
    const admin = this.isAdmin;
    return renderEntryTable({
      localize,
      rows: this.rows,
      entries: contacts,
      shown: (count) => localize.term('contactEntriesLoaded', count),
      labelledBy: 'contacts-title',
      head: html`<th scope="col" class="col-name">${localize.term('columnName')}</th>
        <th scope="col" class="col-numbers">${localize.term('columnNumbers')}</th>
        ${admin ? nothing : html`<th scope="col" class="col-scope">${localize.term('columnScope')}</th>`}`,
      columns: admin ? 3 : 4,
      key: (contact) => contact.id,
      cells: (contact, tabindex) => {
        const editable = this.editable(contact);
        const [first, second, ...rest] = contact.numbers;
        const all = contact.numbers.map((number) => `${this.display(number.e164)} ${number.label}`).join('\n');
        return html`<th scope="row" class="col-name" tabindex=${editable ? nothing : tabindex} ?data-row-focus=${!editable}>
            ${editable
              ? renderEditButton({
                  label: localize.term('editContact', contact.name),
                  tabindex,
                  classes: 'line contact-name',
                  content: html`<bdi>${contact.name}</bdi>`,
                  onClick: () => this.editor.openEdit(contact),
                })
              : html`<bdi class="line contact-name">${contact.name}</bdi>`}
            ${contact.company ? html`<bdi class="line company" title=${contact.company}>${contact.company}</bdi>` : nothing}
          </th>
          <td class="col-numbers" title=${all}>
            ${first ? html`<span class="line">${this.renderNumber(first)}</span>` : nothing}
            ${second
              ? html`<span class="line">${this.renderNumber(second)}${rest.length > 0 ? html` <span class="more">${localize.term('moreNumbers', rest.length)}</span>` : nothing}</span>`
              : nothing}
          </td>
          ${admin
            ? nothing
            : html`<td class="col-scope">
                <span class="badge scope-badge ${contact.scope}" part="scope-badge">${localize.term(contact.scope === 'global' ? 'scopeGlobalBadge' : 'scopePersonalBadge')}</span>
              </td>`}
          <td class="cell-actions">
            ${editable ? renderRemoveButton({ label: localize.term('removeContact', contact.name), tabindex, onClick: () => void this.removeContact(contact) }) : nothing}
          </td>`;
      },
    });
  }
}
