import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SmsClient } from '../../src/client.js';
import type { ListImportReport, PredefinedList } from '../../src/model/list.js';
import { SmsListChangeEvent, type SmsListChangeAction } from '../events/sms-list-change-event.js';
import { SmsListSelectEvent } from '../events/sms-list-select-event.js';
import { Announcer } from '../internal/announcer.js';
import { ClientChangeController } from '../internal/client-change.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { dataTableStyles } from '../internal/data-table.styles.js';
import { DefaultCountryController } from '../internal/default-country.js';
import { describeError } from '../internal/error-text.js';
import { FormDialogController } from '../internal/form-dialog.js';
import { icon } from '../internal/icon.js';
import { importReportStyles } from '../internal/import-report.js';
import { LocalizeController } from '../internal/localize.js';
import { managerStyles } from '../internal/manager.styles.js';
import { NoticeController } from '../internal/notice.js';
import { PagedListController } from '../internal/paged-list.js';
import { SearchFieldController } from '../internal/search-field.js';
import { renderEmpty, renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import { ListEntriesController } from './list-entries.js';
import { ListImportController, renderListReport } from './list-import.js';
import styles from './list-manager.styles.js';
import { listManagerTerms } from './list-manager.terms.js';

const SEARCH_DELAY = 250;
/** The chevron of "Back to the lists" (mirrored right to left). */
const backIcon = icon(svg`<path d="M15.4 7.4 14 6l-6 6 6 6 1.4-1.4-4.6-4.6z"/>`);

/**
 * @tagname sms-list-manager
 * @summary Predefined recipient lists for campaigns: create, rename and delete lists; import a CSV or Excel file
 * with a preview, the phone column and a report of invalid rows and duplicates by line; download the template;
 * search, add, edit and remove numbers (paged, for lists of any size); export a list as CSV. Two panes side by side;
 * narrower than 40rem (by its own width, so in a side panel as on a phone) one at a time: the lists, then the open
 * list with "Back to the lists". A table narrower than its columns scrolls sideways under the number column.
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
 * @csspart back-button - "Back to the lists", above the open list when the panes are stacked.
 * @csspart last-import - The report of the list's last import (a disclosure).
 * @csspart entries - The scrolling table of numbers.
 * @csspart add-button - The "Add a number" button.
 * @csspart export-button - The "Export CSV" button.
 * @csspart import - The import panel.
 * @csspart drop-zone - Where a file is dropped.
 * @csspart import-progress - The progress bar while a file is read.
 * @csspart send-progress - The progress bar while a file is sent to a backend that reads it (`lists.importFile`).
 * @csspart import-counts - Valid numbers, invalid rows, duplicates.
 * @csspart import-preview - The first rows of the file.
 * @csspart import-problems - The rows that will not be (or were not) imported, by line.
 * @csspart import-report - The saved report of an import.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 * @csspart form-dialog - The dialog to create or rename a list, or add or edit a number.
 * @csspart dialog - The confirmation dialog.
 *
 * @cssproperty --sms-list-manager-height - Height of the element in its two-pane layout, and the most the pane of
 * lists grows to once the panes are stacked. Default: `36rem`.
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
 * @cssproperty --sms-color-danger - Errors, invalid rows, destructive buttons and the remove bin of a row.
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
  /** The pane shown when the element is too narrow for both (list-manager.styles.ts): the lists, or the open list. */
  @state() private pane: 'lists' | 'list' = 'lists';
  @state() private formName = '';
  @state() private formTouched = false;

  private readonly localize = new LocalizeController(this, listManagerTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly confirm = new ConfirmController(this);
  private readonly form = new FormDialogController(this, (error) => this.describe(error));
  private readonly defaults = new DefaultCountryController(this, { client: () => this.smsClient, attribute: () => this.defaultCountry });
  private readonly listSearch = new SearchFieldController(this, {
    delay: SEARCH_DELAY,
    search: () => {
      this.navIndex = 0;
      void this.lists.reload();
    },
  });
  private readonly lists = new PagedListController<PredefinedList>(this, (cursor) => {
    const client = this.smsClient;
    return client ? client.lists.list({ query: this.listSearch.query || undefined, cursor, limit: 50 }) : null;
  });
  private readonly numbers = new ListEntriesController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    list: () => this.selected,
    editable: (list) => this.editable(list),
    country: () => this.defaults.country,
    notice: this.notice,
    confirm: this.confirm,
    form: this.form,
    describe: (error) => this.describe(error),
    changed: async (list) => this.changed('entries', list.id, await this.refreshSelected().catch(() => null)),
  });
  private readonly importer = new ListImportController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    defaultCountry: () => this.defaults.country,
    describe: (error) => this.describe(error),
    imported: (report) => this.afterImport(report),
  });
  private readonly clientChange = new ClientChangeController(this, { client: () => this.smsClient, changed: (client) => this.load(client) });
  private openingId: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('listId') && this.listId && this.listId !== this.openingId && !this.clientChange.pending) void this.open(this.listId, 'host');
  }

  /** A new client: its settings and lists, and the list the host asks for. */
  private load(client: SmsClient): void {
    this.selected = null;
    this.openingId = undefined;
    void this.defaults.load(client);
    void this.loadLists(true);
    if (this.listId) void this.open(this.listId, 'host');
  }

  /** Loads the lists; the first time, opens the first one when none is asked for. */
  private async loadLists(openFirst = false): Promise<void> {
    await this.lists.reload();
    const first = this.lists.items[0];
    if (openFirst && !this.listId && !this.openingId && first) void this.open(first.id, 'first');
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  private changed(action: SmsListChangeAction, listId: string, list: PredefinedList | null): void {
    this.dispatchEvent(new SmsListChangeEvent({ action, listId, list }));
  }

  // --- lists ---

  /**
   * Opens a list: its header and first page of numbers. Opened by the user or the host page (`list-id`), it is the pane
   * shown once the panes stack; the first list, opened for the user, waits behind the lists.
   */
  private async open(id: string, by: 'user' | 'host' | 'first'): Promise<void> {
    const client = this.smsClient;
    if (!client) return;
    if (by !== 'first') this.pane = 'list';
    this.openingId = id;
    this.listId = id;
    this.view = 'entries';
    this.importer.reset();
    this.numbers.reset();
    this.selectError = null;
    try {
      const list = await client.lists.get(id);
      if (this.openingId !== id) return;
      this.selected = list;
      void this.numbers.reload();
      if (by === 'user') {
        this.dispatchEvent(new SmsListSelectEvent({ list }));
        // Stacked, the list replaces the lists: focus moves to its title.
        await this.updateComplete;
        if (this.stacked) this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
      }
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

  /** The panes are stacked (the element is narrow): one shows at a time, with a way back to the lists. */
  private get stacked(): boolean {
    const back = this.renderRoot.querySelector<HTMLElement>('[part~="back-button"]');
    return back !== null && getComputedStyle(back).display !== 'none';
  }

  /** Stacked, from the open list back to the lists; focus returns to the list that was open. */
  private async backToLists(): Promise<void> {
    this.pane = 'lists';
    const index = this.lists.items.findIndex((list) => list.id === this.selected?.id);
    if (index >= 0) this.navIndex = index;
    await this.updateComplete;
    const item = this.renderRoot.querySelector<HTMLElement>(`[data-list-index="${this.navIndex}"]`) ?? this.renderRoot.querySelector<HTMLElement>('[part~="new-list-button"]');
    item?.focus();
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
      await this.open(list.id, 'user');
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
    this.pane = 'lists';
    await this.lists.reload();
    await this.updateComplete;
    const next = this.renderRoot.querySelector<HTMLElement>('[data-list-index="0"]') ?? this.renderRoot.querySelector<HTMLElement>('[part~="new-list-button"]');
    next?.focus();
  }

  private async afterImport(report: ListImportReport): Promise<void> {
    const list = await this.refreshSelected().catch(() => null);
    this.announcer.announce(`${this.localize.term('importDone')}: ${this.localize.term('importAdded', report.added)}`);
    this.changed('imported', this.selected?.id ?? '', list);
    void this.numbers.reload();
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
            : html`<div class="panes ${this.pane === 'list' ? 'show-list' : 'show-lists'}">${this.renderLists()}${this.renderDetail()}</div>`}
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
                  @click=${() => void this.open(list.id, 'user')}
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
    else if (this.selectError) body = renderError(this.describe(this.selectError), { label: localize.term('retry'), onRetry: () => void this.open(this.listId ?? '', 'host') });
    else if (this.openingId) body = renderLoading(localize.term('loading'));
    else body = renderEmpty(localize.term('listChoose'));
    return html`<section part="detail" class="detail" aria-labelledby=${list ? 'detail-title' : 'lists-title'}>
      <button type="button" class="button quiet back-button" part="back-button" @click=${() => void this.backToLists()}>
        ${backIcon} ${localize.term('backToLists')}
      </button>
      ${body}
    </section>`;
  }

  private renderList(list: PredefinedList): TemplateResult {
    const { localize } = this;
    return html`
      <header class="detail-header">
        <div class="detail-title">
          <h2 id="detail-title" tabindex="-1"><bdi>${list.name}</bdi></h2>
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
      ${this.view === 'import' ? this.importer.render(list, () => this.closeImport()) : this.numbers.render(list, () => (this.view = 'import'))}
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
}
