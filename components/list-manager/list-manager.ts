import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SmsClient } from '../../src/client.js';
import { toCsv } from '../../src/csv.js';
import type { ListEntry, ListImportReport, PredefinedList } from '../../src/model/list.js';
import { formatPhone } from '../internal/phone.js';
import { SmsListChangeEvent, type SmsListChangeAction } from '../events/sms-list-change-event.js';
import { SmsListSelectEvent } from '../events/sms-list-select-event.js';
import { Announcer } from '../internal/announcer.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { CsvExportController } from '../internal/csv-export.js';
import { dataTableStyles } from '../internal/data-table.styles.js';
import { DefaultCountryController } from '../internal/default-country.js';
import { downloadText } from '../internal/download.js';
import { renderEntryTable, renderRemoveButton } from '../internal/entry-table.js';
import { describeError } from '../internal/error-text.js';
import { FormDialogController } from '../internal/form-dialog.js';
import { importReportStyles } from '../internal/import-report.js';
import { LocalizeController } from '../internal/localize.js';
import { managerStyles } from '../internal/manager.styles.js';
import { NoticeController } from '../internal/notice.js';
import { PagedListController } from '../internal/paged-list.js';
import { PhoneFieldController } from '../internal/phone-field.js';
import { RowWindowController } from '../internal/row-window.js';
import { SearchFieldController } from '../internal/search-field.js';
import { renderEmpty, renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import { ListImportController, renderListReport } from './list-import.js';
import styles from './list-manager.styles.js';
import { listManagerTerms } from './list-manager.terms.js';

/** Merge-field columns shown in the table; the others are in the edit dialog. */
const SHOWN_COLUMNS = 4;
const ENTRY_PAGE = 100;
const EXPORT_PAGE = 500;
const SEARCH_DELAY = 250;

/**
 * @tagname sms-list-manager
 * @summary Predefined recipient lists for campaigns: create, rename and delete lists; import a CSV or Excel file
 * with a preview, the phone column and a report of invalid rows and duplicates by line; download the template;
 * search, add, edit and remove numbers (paged, for lists of any size); export a list as CSV.
 *
 * @event {SmsListSelectEvent} sms-list-select - The user opened a list (`detail.list`).
 * @event {SmsListChangeEvent} sms-list-change - A list was created, renamed, deleted, imported into, or its numbers
 * changed (`detail.action`, `detail.listId`, `detail.list`).
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart lists - The pane of lists, with its search and "New list" button.
 * @csspart list-item - One list in the pane (a button).
 * @csspart new-list-button - The "New list" button.
 * @csspart view-only - The note telling a user that a shared list is read-only to them.
 * @csspart detail - The open list: its header, numbers or import panel.
 * @csspart last-import - The report of the list's last import (a disclosure).
 * @csspart entries - The scrolling table of numbers.
 * @csspart add-button - The "Add a number" button.
 * @csspart export-button - The "Export CSV" button.
 * @csspart import - The import panel.
 * @csspart drop-zone - Where a file is dropped.
 * @csspart import-progress - The progress bar while a file is read.
 * @csspart import-counts - Valid numbers, invalid rows, duplicates.
 * @csspart import-preview - The first rows of the file.
 * @csspart import-problems - The rows that will not be (or were not) imported, by line.
 * @csspart import-report - The saved report of an import.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 * @csspart form-dialog - The dialog to create or rename a list, or add or edit a number.
 * @csspart dialog - The confirmation dialog.
 *
 * @cssproperty --sms-list-manager-height - Height of the element in its two-pane layout. Default: `36rem`.
 * @cssproperty --sms-list-manager-lists-width - Width of the pane of lists. Default: `16rem`.
 * @cssproperty --sms-import-table-max-height - Height of the preview and problem tables. Default: `16rem`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Hover and selection background.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Secondary text: counts, hints, headers.
 * @cssproperty --sms-color-border - Borders and separators.
 * @cssproperty --sms-color-accent - Primary buttons, the open list, the progress bar.
 * @cssproperty --sms-color-on-accent - Text on primary buttons.
 * @cssproperty --sms-color-warning - Duplicates in a report.
 * @cssproperty --sms-color-warning-surface - Background of duplicate counts.
 * @cssproperty --sms-color-danger - Errors, invalid rows, destructive buttons.
 * @cssproperty --sms-color-success - Added and valid counts.
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
 *   <sms-list-manager default-country="AU"></sms-list-manager>
 * </sms-provider>
 * ```
 */
export class SmsListManager extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, dataTableStyles, importReportStyles, managerStyles, styles];

  /** The open list's id. Set it to open a list; it follows the list the user opens. */
  @property({ attribute: 'list-id', reflect: true }) listId?: string;

  /**
   * The country numbers typed or imported without a country code are read in (ISO 3166-1 alpha-2, e.g. `AU`).
   * Unset, the backend's setting is used.
   */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  @state() private selected: PredefinedList | null = null;
  @state() private selectError: unknown = null;
  @state() private view: 'entries' | 'import' = 'entries';
  @state() private navIndex = 0;
  @state() private formName = '';
  @state() private formFields: Record<string, string> = {};
  @state() private formTouched = false;

  private readonly localize = new LocalizeController(this, listManagerTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly confirm = new ConfirmController(this);
  private readonly form = new FormDialogController(this, (error) => this.describe(error));
  private readonly defaults = new DefaultCountryController(this, { client: () => this.smsClient, attribute: () => this.defaultCountry });
  private readonly phone = new PhoneFieldController(this, { localize: this.localize, country: () => this.defaults.country, recipient: true });
  private readonly exporter = new CsvExportController(this);
  private readonly listSearch = new SearchFieldController(this, {
    delay: SEARCH_DELAY,
    search: () => {
      this.navIndex = 0;
      void this.lists.reload();
    },
  });
  private readonly entrySearch = new SearchFieldController(this, {
    delay: SEARCH_DELAY,
    search: () => {
      this.rows.reset();
      void this.entries.reload();
    },
  });
  private readonly lists = new PagedListController<PredefinedList>(this, (cursor) => {
    const client = this.smsClient;
    return client ? client.lists.list({ query: this.listSearch.query || undefined, cursor, limit: 50 }) : null;
  });
  private readonly entries = new PagedListController<ListEntry>(this, (cursor) => {
    const client = this.smsClient;
    const list = this.selected;
    return client && list ? client.lists.entries(list.id, { query: this.entrySearch.query || undefined, cursor, limit: ENTRY_PAGE }) : null;
  });
  private readonly rows = new RowWindowController(this, { onNearEnd: () => void this.entries.loadMore() });
  private readonly importer = new ListImportController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    defaultCountry: () => this.defaults.country,
    describe: (error) => this.describe(error),
    imported: (report) => this.afterImport(report),
  });
  private loadedFor: SmsClient | undefined;
  private openingId: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.smsClient;
    if (client !== this.loadedFor) {
      this.loadedFor = client;
      this.selected = null;
      this.openingId = undefined;
      if (client) {
        void this.defaults.load(client);
        void this.loadLists(true);
        if (this.listId) void this.open(this.listId);
      }
    } else if (changed.has('listId') && this.listId && this.listId !== this.openingId) {
      void this.open(this.listId);
    }
  }

  /** Loads the lists; the first time, opens the first one when none is asked for. */
  private async loadLists(openFirst = false): Promise<void> {
    await this.lists.reload();
    const first = this.lists.items[0];
    if (openFirst && !this.listId && !this.openingId && first) void this.open(first.id);
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  private changed(action: SmsListChangeAction, listId: string, list: PredefinedList | null): void {
    this.dispatchEvent(new SmsListChangeEvent({ action, listId, list }));
  }

  // --- lists ---

  /** Opens a list: its header and first page of numbers. */
  private async open(id: string, byUser = false): Promise<void> {
    const client = this.smsClient;
    if (!client) return;
    this.openingId = id;
    this.listId = id;
    this.view = 'entries';
    this.importer.reset();
    this.entrySearch.set('');
    this.selectError = null;
    this.rows.reset();
    try {
      const list = await client.lists.get(id);
      if (this.openingId !== id) return;
      this.selected = list;
      void this.entries.reload();
      if (byUser) this.dispatchEvent(new SmsListSelectEvent({ list }));
    } catch (error) {
      if (this.openingId !== id) return;
      this.selected = null;
      this.selectError = error;
    }
  }

  /** Reads the open list again (its count and last import) and updates it in the pane. */
  private async refreshSelected(): Promise<PredefinedList | null> {
    const client = this.smsClient;
    const current = this.selected;
    if (!client || !current) return null;
    const list = await client.lists.get(current.id);
    if (this.selected?.id !== list.id) return list;
    this.selected = list;
    this.lists.update((items) => items.map((item) => (item.id === list.id ? list : item)));
    return list;
  }

  private onListKeydown(event: KeyboardEvent): void {
    const count = this.lists.items.length;
    const index = this.navIndex;
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined || count === 0) return;
    event.preventDefault();
    this.navIndex = Math.max(0, Math.min(count - 1, next));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-list-index="${this.navIndex}"]`)?.focus());
  }

  private onListScroll(event: Event): void {
    const list = event.target as HTMLElement;
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - 48) void this.lists.loadMore();
  }

  private nameField(): TemplateResult {
    const empty = this.formTouched && this.formName.trim() === '';
    return html`<div class="field">
      <label for="list-name">${this.localize.term('listName')}</label>
      <input
        id="list-name"
        class="input"
        maxlength="200"
        autocomplete="off"
        .value=${this.formName}
        aria-invalid=${empty ? 'true' : 'false'}
        aria-describedby="list-name-error"
        @input=${(event: Event) => (this.formName = (event.target as HTMLInputElement).value)}
      />
      <span id="list-name-error" class="field-error" aria-live="polite">${empty ? this.localize.term('required') : ''}</span>
    </div>`;
  }

  /** The dialog to create or rename a list: its name, required. */
  private openNameForm(title: string, submitLabel: string, name: string, save: (client: SmsClient, name: string) => Promise<void>): void {
    this.formName = name;
    this.formTouched = false;
    void this.form.open({
      title,
      submitLabel,
      cancelLabel: this.localize.term('cancel'),
      body: () => this.nameField(),
      submit: async () => {
        const client = this.smsClient;
        this.formTouched = true;
        if (!client || this.formName.trim() === '') return false;
        await save(client, this.formName.trim());
        return true;
      },
    });
  }

  private createList(): void {
    const { localize } = this;
    this.openNameForm(localize.term('newList'), localize.term('createList'), '', async (client, name) => {
      const list = await client.lists.create({ name });
      this.notice.say(localize.term('listCreated', list.name));
      this.changed('created', list.id, list);
      this.listSearch.set('');
      await this.loadLists();
      await this.open(list.id, true);
    });
  }

  private renameList(list: PredefinedList): void {
    const { localize } = this;
    this.openNameForm(localize.term('renameListTitle'), localize.term('save'), list.name, async (client, name) => {
      const renamed = await client.lists.rename(list.id, name);
      if (this.selected?.id === renamed.id) this.selected = renamed;
      this.lists.update((items) => items.map((item) => (item.id === renamed.id ? renamed : item)));
      this.notice.say(localize.term('listRenamed', renamed.name));
      this.changed('renamed', renamed.id, renamed);
    });
  }

  private async deleteList(list: PredefinedList): Promise<void> {
    const { localize } = this;
    const yes = await this.confirm.ask({
      title: localize.term('deleteListTitle', list.name),
      message: localize.term('deleteListMessage', list.entryCount),
      confirmLabel: localize.term('deleteList'),
      cancelLabel: localize.term('cancel'),
      danger: true,
    });
    const client = this.smsClient;
    if (!yes || !client || !(await this.notice.attempt(() => client.lists.remove(list.id)))) return;
    this.notice.say(localize.term('listDeleted', list.name));
    this.changed('deleted', list.id, null);
    this.selected = null;
    this.listId = undefined;
    this.openingId = undefined;
    this.navIndex = 0;
    await this.lists.reload();
    const next = this.renderRoot.querySelector<HTMLElement>('[data-list-index="0"]') ?? this.renderRoot.querySelector<HTMLElement>('[part~="new-list-button"]');
    next?.focus();
  }

  // --- numbers ---

  private entryForm(columns: readonly string[]): TemplateResult {
    const { localize } = this;
    return html`
      ${this.phone.render('entry-phone')}
      ${columns.length > 0
        ? html`<fieldset class="merge-fields">
            <legend>${localize.term('mergeFields')}</legend>
            ${columns.map(
              (column, index) => html`<div class="field">
                <label for="entry-field-${index}"><bdi>${column}</bdi></label>
                <input
                  id="entry-field-${index}"
                  class="input"
                  maxlength="1000"
                  autocomplete="off"
                  .value=${this.formFields[column] ?? ''}
                  @input=${(event: Event) => (this.formFields = { ...this.formFields, [column]: (event.target as HTMLInputElement).value })}
                />
              </div>`,
            )}
          </fieldset>`
        : nothing}
    `;
  }

  /** The add and edit dialog: a number validated as it is typed, and the list's merge fields. */
  private editEntry(list: PredefinedList, entry: ListEntry | null): void {
    const { localize } = this;
    const columns = [...new Set([...list.columns, ...Object.keys(entry?.fields ?? {})])];
    this.phone.reset(entry ? formatPhone(entry.e164) : '');
    this.formFields = { ...(entry?.fields ?? {}) };
    const display = entry ? formatPhone(entry.e164) : '';
    void this.form.open({
      title: entry ? localize.term('editNumber', display) : localize.term('listAddNumber'),
      submitLabel: entry ? localize.term('save') : localize.term('add'),
      cancelLabel: localize.term('cancel'),
      body: () => this.entryForm(columns),
      submit: async () => {
        const client = this.smsClient;
        const check = this.phone.submit();
        if (!client || check.status !== 'valid') return false;
        try {
          if (entry) {
            const saved = await client.lists.updateEntry(list.id, entry.id, { e164: check.e164, fields: this.formFields });
            this.entries.update((items) => items.map((item) => (item.id === entry.id ? saved : item)));
            this.notice.say(localize.term('numberSaved', formatPhone(saved.e164)));
          } else {
            const fields = Object.fromEntries(Object.entries(this.formFields).filter(([, value]) => value.trim() !== ''));
            const added = await client.lists.addEntry(list.id, { e164: check.e164, fields });
            this.notice.say(localize.term('numberAdded', formatPhone(added.e164)));
            void this.entries.reload();
          }
        } catch (error) {
          return this.phone.refused(error);
        }
        const fresh = await this.refreshSelected();
        this.changed('entries', list.id, fresh);
        return true;
      },
    });
  }

  private async removeEntry(list: PredefinedList, entry: ListEntry): Promise<void> {
    const { localize } = this;
    const display = formatPhone(entry.e164);
    const yes = await this.confirm.ask({
      title: localize.term('removeNumberTitle', display),
      message: localize.term('removeNumberMessage'),
      confirmLabel: localize.term('remove'),
      cancelLabel: localize.term('cancel'),
      danger: true,
    });
    const client = this.smsClient;
    if (!yes || !client || !(await this.notice.attempt(() => client.lists.removeEntry(list.id, entry.id)))) return;
    const index = this.entries.items.findIndex((item) => item.id === entry.id);
    this.entries.update((items) => items.filter((item) => item.id !== entry.id));
    this.notice.say(localize.term('listNumberRemoved', display));
    const fresh = await this.refreshSelected().catch(() => null);
    this.changed('entries', list.id, fresh);
    if (index >= 0) void this.rows.focusRow(Math.min(index, this.entries.items.length - 1));
  }

  /** Every number of the list, page after page, as CSV: `phone` and the merge-field columns. */
  private async exportCsv(list: PredefinedList): Promise<void> {
    const client = this.smsClient;
    if (!client) return;
    await this.notice.attempt(() =>
      this.exporter.run(
        (cursor) => client.lists.entries(list.id, { cursor, limit: EXPORT_PAGE }),
        (entries) => {
          const columns = new Set(list.columns);
          const rows = entries.map((entry) => {
            // Fields are prefixed so that a column called "phone" cannot overwrite the number.
            const row: Record<string, string> = { '#phone': entry.e164 };
            for (const [key, value] of Object.entries(entry.fields)) {
              row[`.${key}`] = value;
              columns.add(key);
            }
            return row;
          });
          const csv = toCsv(rows, [{ key: '#phone', header: 'phone' }, ...[...columns].map((column) => ({ key: `.${column}`, header: column }))]);
          downloadText(`${list.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'list'}.csv`, csv);
          this.notice.say(this.localize.term('listExported', rows.length));
        },
      ),
    );
  }

  private async afterImport(report: ListImportReport): Promise<void> {
    const list = await this.refreshSelected().catch(() => null);
    this.announcer.announce(`${this.localize.term('importDone')}: ${this.localize.term('importAdded', report.added)}`);
    this.changed('imported', this.selected?.id ?? '', list);
    this.rows.reset();
    void this.entries.reload();
  }

  private closeImport(): void {
    this.view = 'entries';
    this.importer.reset();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="import-open-button"]')?.focus());
  }

  // --- rendering ---

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const { lists, localize } = this;
    const empty = lists.status === 'ready' && lists.items.length === 0 && this.listSearch.query === '' && !this.selected;
    return html`<div part="base" class="base ${empty ? 'is-empty' : ''}">
      ${this.notice.render(localize.term('close'))}
      ${lists.status === 'error'
        ? renderError(this.describe(lists.error), { label: localize.term('retry'), onRetry: () => void this.loadLists(true) })
        : lists.status === 'loading' && lists.items.length === 0
          ? renderLoading(localize.term('loading'))
          : empty
            ? renderEmpty(
                localize.term('listsEmpty'),
                html`<button class="button primary" part="new-list-button" @click=${() => this.createList()}>${localize.term('newList')}</button>`,
              )
            : html`<div class="panes">${this.renderLists()}${this.renderDetail()}</div>`}
      ${this.form.render()} ${this.confirm.render()} ${this.announcer.render()}
    </div>`;
  }

  private renderLists(): TemplateResult {
    const { lists, localize } = this;
    const navIndex = Math.min(this.navIndex, Math.max(0, lists.items.length - 1));
    return html`<nav part="lists" class="lists" aria-labelledby="lists-title">
      <div class="pane-header">
        <h2 id="lists-title">${localize.term('listsTitle')}</h2>
        <button class="button primary" part="new-list-button" @click=${() => this.createList()}>${localize.term('newList')}</button>
      </div>
      ${this.listSearch.render({ part: 'list-search', label: localize.term('searchLists') })}
      ${lists.items.length === 0
        ? renderEmpty(localize.term('noListsFound', this.listSearch.query))
        : html`<ul class="list-nav" @keydown=${this.onListKeydown} @scroll=${this.onListScroll}>
            ${repeat(
              lists.items,
              (list) => list.id,
              (list, index) => html`<li>
                <button
                  type="button"
                  part="list-item"
                  class="list-item"
                  data-list-index=${index}
                  tabindex=${index === navIndex ? 0 : -1}
                  aria-current=${list.id === this.selected?.id ? 'true' : 'false'}
                  @focus=${() => (this.navIndex = index)}
                  @click=${() => void this.open(list.id, true)}
                >
                  <span class="list-name"><bdi>${list.name}</bdi></span>
                  <span class="list-count">${localize.term('listEntryCount', list.entryCount)}${list.departmentId === null
                    ? html`<span class="list-shared">${localize.term('listShared')}</span>`
                    : nothing}</span>
                </button>
              </li>`,
            )}
          </ul>`}
      ${lists.loadingMore ? html`<p class="hint" role="status">${localize.term('loadingMore')}</p>` : nothing}
    </nav>`;
  }

  /** Users send to a shared list (an administrator's, of no department) but cannot change it; the engine says the same. */
  private editable(list: PredefinedList): boolean {
    return this.smsClient?.principal.role === 'admin' || list.departmentId !== null;
  }

  private renderDetail(): TemplateResult {
    const { localize } = this;
    const list = this.selected;
    let body: TemplateResult;
    if (list) body = this.renderList(list);
    else if (this.selectError) body = renderError(this.describe(this.selectError), { label: localize.term('retry'), onRetry: () => void this.open(this.listId ?? '') });
    else if (this.openingId) body = renderLoading(localize.term('loading'));
    else body = renderEmpty(localize.term('listChoose'));
    return html`<section part="detail" class="detail" aria-labelledby=${list ? 'detail-title' : 'lists-title'}>${body}</section>`;
  }

  private renderList(list: PredefinedList): TemplateResult {
    const { localize } = this;
    return html`
      <header class="detail-header">
        <div class="detail-title">
          <h2 id="detail-title"><bdi>${list.name}</bdi></h2>
          <span class="hint">${localize.term('listEntryCount', list.entryCount)}</span>
        </div>
        ${this.editable(list)
          ? html`<div class="toolbar">
              <button class="button" part="rename-button" @click=${() => this.renameList(list)}>${localize.term('renameList')}</button>
              <button class="button danger" part="delete-button" @click=${() => void this.deleteList(list)}>${localize.term('deleteList')}</button>
            </div>`
          : nothing}
      </header>
      ${this.editable(list) ? nothing : html`<p part="view-only" class="view-only">${localize.term('listSharedViewOnly')}</p>`}
      ${list.lastImport && this.view === 'entries' ? this.renderLastImport(list.lastImport) : nothing}
      ${this.view === 'import' ? this.importer.render(list, () => this.closeImport()) : this.renderEntries(list)}
    `;
  }

  private renderLastImport(report: ListImportReport): TemplateResult {
    const { localize } = this;
    const when = localize.date(report.at, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<details part="last-import" class="last-import">
      <summary>${localize.term('lastImport', report.fileName, when)}</summary>
      ${renderListReport(localize, report)}
    </details>`;
  }

  private renderEntries(list: PredefinedList): TemplateResult {
    const { localize, entries } = this;
    return html`
      <div class="toolbar entries-toolbar">
        ${this.entrySearch.render({ part: 'entry-search', label: localize.term('searchNumbers'), classes: 'input search' })}
        ${this.editable(list)
          ? html`<button class="button primary" part="add-button" @click=${() => this.editEntry(list, null)}>${localize.term('listAddNumber')}</button>
              <button class="button" part="import-open-button" @click=${() => (this.view = 'import')}>${localize.term('listImportFile')}</button>`
          : nothing}
        ${this.exporter.render(localize, () => void this.exportCsv(list))}
      </div>
      ${entries.status === 'error'
        ? renderError(this.describe(entries.error), { label: localize.term('retry'), onRetry: () => void entries.reload() })
        : entries.status !== 'ready'
          ? renderLoading(localize.term('loading'))
          : entries.items.length === 0
            ? renderEmpty(this.entrySearch.query ? localize.term('listNoEntriesFound', this.entrySearch.query) : localize.term('listNoEntries'))
            : this.renderTable(list)}
    `;
  }

  private renderTable(list: PredefinedList): TemplateResult {
    const { localize, entries } = this;
    const editable = this.editable(list);
    const columns = list.columns.slice(0, SHOWN_COLUMNS);
    const total = !this.entrySearch.query ? list.entryCount : entries.hasMore ? entries.total : entries.items.length;
    return renderEntryTable({
      localize,
      rows: this.rows,
      entries,
      rowCount: total !== undefined ? total + 1 : -1,
      caption: localize.term('listEntriesCaption', list.name),
      head: html`<th scope="col">${localize.term('columnNumber')}</th>
        ${columns.map((column) => html`<th scope="col"><bdi>${column}</bdi></th>`)}`,
      columns: columns.length + 2,
      key: (entry) => entry.id,
      cells: (entry, tabindex) => {
        const display = formatPhone(entry.e164);
        return html`<th scope="row" class="cell-number">
            ${editable
              ? html`<button class="link-button" data-row-focus tabindex=${tabindex} aria-label=${localize.term('editNumber', display)} @click=${() => this.editEntry(list, entry)}>
                  ${display}
                </button>`
              : html`<span data-row-focus tabindex=${tabindex}>${display}</span>`}
          </th>
          ${columns.map((column) => html`<td title=${entry.fields[column] ?? ''}><bdi>${entry.fields[column] ?? ''}</bdi></td>`)}
          <td class="cell-actions">
            ${editable ? renderRemoveButton({ label: localize.term('listRemoveNumber', display), tabindex, onClick: () => void this.removeEntry(list, entry) }) : nothing}
          </td>`;
      },
    });
  }
}
