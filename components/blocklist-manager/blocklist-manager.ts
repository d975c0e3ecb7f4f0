import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SmsClient } from '../../src/client.js';
import { toCsv } from '../../src/csv.js';
import { isNotFoundError } from '../../src/errors/not-found-error.js';
import type { BlocklistEntry, BlocklistSource } from '../../src/model/blocklist.js';
import type { SmsEventMap } from '../../src/model/events.js';
import { formatPhone } from '../internal/phone.js';
import { Announcer } from '../internal/announcer.js';
import { ClientChangeController } from '../internal/client-change.js';
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
import { reloadListing } from '../internal/listing-reload.js';
import { renderListingState } from '../internal/listing-state.js';
import { LiveEventsController } from '../internal/live-events.js';
import { LocalizeController } from '../internal/localize.js';
import { managerStyles } from '../internal/manager.styles.js';
import { NoticeController } from '../internal/notice.js';
import { PagedListController } from '../internal/paged-list.js';
import { searchQuery } from '../internal/phone-input.js';
import { removalQuestion, removeRow } from '../internal/remove-row.js';
import { RowWindowController } from '../internal/row-window.js';
import { SearchFieldController } from '../internal/search-field.js';
import { sharedStyles } from '../internal/theme.js';
import { BlocklistAddController } from './blocklist-add.js';
import { BlocklistDetailsController, renderSourceBadge, sourceLabel } from './blocklist-details.js';
import { BlocklistImportController, type BlocklistImportOutcome } from './blocklist-import.js';
import styles from './blocklist-manager.styles.js';
import { blocklistManagerTerms } from './blocklist-manager.terms.js';

const PAGE = 100;
const EXPORT_PAGE = 500;
const SEARCH_DELAY = 300;
/** Live changes arriving together are applied together. */
const LIVE_BATCH_MS = 150;
const COLUMNS = 7;
/** BLOCKLIST_SOURCES of src/model, repeated here: importing the model would bring zod into the element's bundle. */
const SOURCES: readonly BlocklistSource[] = ['manual', 'opt-out', 'import'];

type Change = SmsEventMap['blocklist.changed'];

/**
 * @tagname sms-blocklist-manager
 * @summary The opt-out blocklist that bulk sends honour: search it (on the server) and filter it by source; see who
 * blocked each number, when, and for opt-outs the message that triggered it; open a number's audit trail. Administrators
 * block a number (validated as typed) with a reason, unblock with confirmation, and import a CSV or Excel file with a
 * report by line; everyone can export it as CSV. Live: changes made elsewhere appear at once. Paged and windowed, so
 * it stays fast at 100k numbers. Columns leave the table as the element narrows (the details show them all), and
 * narrower than 40rem the search takes a row of its own above the other controls.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - Search, source filter and actions.
 * @csspart search - The search field.
 * @csspart source-filter - The source filter.
 * @csspart add-button - "Block a number" (administrators).
 * @csspart import-button-open - "Import CSV" (administrators).
 * @csspart export-button - "Export CSV".
 * @csspart view-only - The note telling a user why they cannot change the blocklist.
 * @csspart entries - The scrolling table of blocked numbers.
 * @csspart remove-button - The unblock button of a row.
 * @csspart details - The details panel of one number, with its history.
 * @csspart opt-out-message - The message that opted a number out, as text.
 * @csspart history - The audit trail of a number.
 * @csspart import - The import panel.
 * @csspart drop-zone - Where a file is dropped.
 * @csspart import-progress - The progress bar while a file is read or imported.
 * @csspart import-counts - Added, already blocked, refused, invalid and duplicate counts.
 * @csspart import-preview - The first rows of the file.
 * @csspart import-problems - The rows that will not be (or were not) imported, by line.
 * @csspart import-report - The report once imported.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 * @csspart form-dialog - The dialog to block a number.
 * @csspart dialog - The confirmation dialog.
 *
 * @cssproperty --sms-blocklist-manager-height - Height the table of numbers grows to before it scrolls. Default: `28rem`.
 * @cssproperty --sms-blocklist-manager-details-width - Width of the details panel beside the table. Default: `20rem`.
 * @cssproperty --sms-import-table-max-height - Height of the preview and problem tables. Default: `16rem`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Hover and selection background, the opt-out message.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Secondary text: dates, hints, headers.
 * @cssproperty --sms-color-border - Borders and separators.
 * @cssproperty --sms-color-accent - Primary buttons, numbers, the selected row.
 * @cssproperty --sms-color-on-accent - Text on primary buttons.
 * @cssproperty --sms-color-warning - Opt-out badges, duplicates in a report.
 * @cssproperty --sms-color-warning-surface - Background of opt-out badges and duplicate counts.
 * @cssproperty --sms-color-danger - Errors, refused rows, the unblock button.
 * @cssproperty --sms-color-success - Added counts.
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
 * <sms-provider .client=${adminClient}>
 *   <sms-blocklist-manager default-country="AU"></sms-blocklist-manager>
 * </sms-provider>
 * ```
 */
export class SmsBlocklistManager extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, dataTableStyles, importReportStyles, managerStyles, styles];

  /**
   * The country numbers typed or imported without a country code are read in (ISO 3166-1 alpha-2, e.g. `AU`).
   * Unset, the backend's setting is used.
   */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /** Shows only the numbers of one source: `manual`, `opt-out` or `import`. Empty for all. */
  @property() source: BlocklistSource | '' = '';

  @state() private importing = false;
  @state() private names = new Map<string, string>();
  /** Changes this element asked for (`added:+61...`), whose live events are not announced again. */
  private readonly ownChanges = new Set<string>();

  private readonly localize = new LocalizeController(this, blocklistManagerTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly confirm = new ConfirmController(this);
  private readonly form = new FormDialogController(this, (error) => this.describe(error));
  private readonly defaults = new DefaultCountryController(this, { client: () => this.smsClient, attribute: () => this.defaultCountry });
  private readonly exporter = new CsvExportController(this);
  private readonly search = new SearchFieldController(this, { delay: SEARCH_DELAY, search: () => void this.reload() });
  private readonly entries = new PagedListController<BlocklistEntry>(this, (cursor) => {
    const client = this.smsClient;
    if (!client) return null;
    return client.blocklist.list({ query: this.searchQuery, source: this.source || undefined, cursor, limit: PAGE });
  });
  private readonly rows = new RowWindowController(this, { onNearEnd: () => void this.entries.loadMore() });
  private readonly details = new BlocklistDetailsController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    who: (userId, name) => this.who(userId, name),
    describe: (error) => this.describe(error),
    canSeeHistory: () => this.isAdmin,
  });
  private readonly adder = new BlocklistAddController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    country: () => this.defaults.country,
    form: this.form,
    notice: this.notice,
    ownChanges: this.ownChanges,
    added: (entry) => this.apply([{ e164: entry.e164, action: 'added', entry }], false),
  });
  private readonly importer = new BlocklistImportController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    defaultCountry: () => this.defaults.country,
    describe: (error) => this.describe(error),
    started: () => (this.bulk = true),
    finished: (outcome) => this.afterImport(outcome),
  });
  private readonly live = new LiveEventsController(this, () => this.smsClient, {
    'blocklist.changed': (change) => this.onChanged(change),
  });
  private readonly clientChange = new ClientChangeController(this, { client: () => this.smsClient, changed: (client) => this.load(client) });
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: Change[] = [];
  /** An import of ours is running: its thousands of live events are skipped, the list reloads at the end. */
  private bulk = false;

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin';
  }

  /**
   * The search as the server reads it. Numbers are stored in E.164, so a number typed as people write it is matched
   * on its E.164 digits: in full ("0412 345 678" is +61412345678 in Australia), or in part without its trunk or
   * international prefix ("0412 34" looks for 41234).
   */
  private get searchQuery(): string | undefined {
    return searchQuery(this.search.query, this.defaults.country);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.liveTimer);
    this.pending = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source') && !this.clientChange.pending) void this.reload();
  }

  /** A new client: a fresh start, its settings, names and numbers. */
  private load(client: SmsClient): void {
    this.details.close();
    this.importing = false;
    this.names = new Map();
    void this.defaults.load(client);
    void this.loadNames(client);
    void this.reload();
  }

  /** Administrators see people's names instead of their ids ("Added by"). */
  private async loadNames(client: SmsClient): Promise<void> {
    if (client.principal.role !== 'admin') return;
    try {
      const page = await client.directory.users({ limit: 500 });
      if (client === this.smsClient) this.names = new Map(page.items.map((user) => [user.id, user.name]));
    } catch {
      // Ids are shown instead.
    }
  }

  /**
   * Who added an entry: automatic, the name recorded with it, a name the directory gives an administrator, "You", or
   * "An administrator" (only administrators change the blocklist); never an id, nor a name that is only the id (the
   * one a first administrator gets until someone names them).
   */
  private who(userId: string, recorded?: string | null): string {
    if (userId === 'system') return this.localize.term('addedBySystem');
    const name = [recorded, this.names.get(userId)].find((known) => known && known !== userId);
    if (name) return name;
    return userId === this.smsClient?.principal.userId ? this.localize.term('addedByYou') : this.localize.term('addedByAdministrator');
  }

  private reload(): Promise<void> {
    return reloadListing(this.entries, this.rows);
  }

  /** "Try again": the numbers, and the settings and names if they failed with them. */
  private retry(): Promise<void> {
    const client = this.smsClient;
    if (client) {
      this.defaults.retry(client);
      if (this.names.size === 0) void this.loadNames(client);
    }
    return this.reload();
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  // --- live changes ---

  private onChanged(change: Change): void {
    if (this.bulk) return;
    this.pending.push(change);
    this.liveTimer ??= setTimeout(() => {
      this.liveTimer = undefined;
      this.apply(this.pending.splice(0), true);
    }, LIVE_BATCH_MS);
  }

  /** Whether an entry belongs in the current view (the server's filter, approximated for live additions). */
  private inView(entry: BlocklistEntry): boolean {
    if (this.source && entry.source !== this.source) return false;
    const query = (this.searchQuery ?? '').toLowerCase();
    if (!query) return true;
    const digits = query.replace(/[^\d+]/g, '');
    if (digits.length >= 3) return entry.e164.includes(digits);
    return [entry.e164, entry.reason, entry.addedBy, entry.addedByName ?? '', entry.message ?? ''].join(' ').toLowerCase().includes(query);
  }

  /** Applies changes in order: removed numbers leave the table, added ones come first (newest first). */
  private apply(changes: readonly Change[], fromElsewhere: boolean): void {
    if (changes.length === 0) return;
    const final = new Map<string, BlocklistEntry | null>();
    for (const change of changes) {
      final.delete(change.e164);
      final.set(change.e164, change.action === 'added' ? change.entry : null);
    }
    const added = [...final.values()].filter((entry): entry is BlocklistEntry => entry !== null && this.inView(entry)).reverse();
    this.entries.update((items) => [...added, ...items.filter((item) => !final.has(item.e164))]);
    const open = this.details.entry;
    if (open && final.has(open.e164)) this.details.refresh(final.get(open.e164) ?? null);
    // A change this element made comes back as a live event too: its own notice has said it already.
    const others = fromElsewhere ? changes.filter((change) => !this.ownChanges.delete(`${change.action}:${change.e164}`)) : [];
    if (others.length === 1) {
      const [change] = others;
      this.announcer.announce(this.localize.term(change!.action === 'added' ? 'liveAdded' : 'liveRemoved', formatPhone(change!.e164)));
    }
  }

  // --- actions ---

  private onSource(event: Event): void {
    this.source = (event.target as HTMLSelectElement).value as BlocklistSource | '';
  }

  private async unblock(entry: BlocklistEntry): Promise<void> {
    const { localize } = this;
    const display = formatPhone(entry.e164);
    const client = this.smsClient;
    if (!client) return;
    const own = `removed:${entry.e164}`;
    await removeRow({
      confirm: this.confirm,
      notice: this.notice,
      entries: this.entries,
      rows: this.rows,
      ask: removalQuestion(localize, display, { title: 'blocklistUnblockTitle', message: 'blocklistUnblockMessage', confirm: 'blocklistUnblockConfirm' }),
      is: (item) => item.e164 === entry.e164,
      // Someone else may have unblocked it since the list was read: that is the outcome asked for, said as such.
      remove: async () => {
        this.ownChanges.add(own);
        try {
          await client.blocklist.remove(entry.e164);
          return false;
        } catch (error) {
          this.ownChanges.delete(own);
          if (!isNotFoundError(error)) throw error;
          return true;
        }
      },
      removed: (gone) => localize.term(gone ? 'alreadyUnblocked' : 'blocklistNumberRemoved', display),
      update: () => this.apply([{ e164: entry.e164, action: 'removed', entry }], false),
    });
  }

  private openDetails(entry: BlocklistEntry): void {
    this.details.open(entry);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="details-close"]')?.focus());
  }

  private closeDetails(): void {
    const open = this.details.entry;
    this.details.close();
    if (!open) return;
    const index = this.entries.items.findIndex((item) => item.e164 === open.e164);
    if (index >= 0) void this.rows.focusRow(index);
  }

  private openImport(): void {
    this.importing = true;
    this.details.close();
  }

  private closeImport(): void {
    this.importing = false;
    this.importer.reset();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="import-button-open"]')?.focus());
  }

  private afterImport(outcome: BlocklistImportOutcome): void {
    this.bulk = false;
    this.pending = [];
    this.announcer.announce(
      `${this.localize.term('importDone')}: ${this.localize.term('importAdded', outcome.added)}, ${this.localize.term('importExisting', outcome.existing)}`,
    );
    void this.reload();
  }

  /** The numbers in view (source filter and search), page after page, as CSV. */
  private async exportCsv(): Promise<void> {
    const client = this.smsClient;
    if (!client) return;
    await this.notice.attempt(() =>
      this.exporter.run(
        (cursor) => client.blocklist.list({ query: this.searchQuery, source: this.source || undefined, cursor, limit: EXPORT_PAGE }),
        (rows) => {
          const csv = toCsv(rows, [
            { key: 'e164', header: 'phone' },
            'source',
            'reason',
            { key: 'addedBy', header: 'added_by' },
            { key: 'addedAt', header: 'added_at' },
            'message',
          ]);
          downloadText(`blocklist${this.source ? `-${this.source}` : ''}.csv`, csv);
          this.notice.say(this.localize.term('blocklistExported', rows.length));
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
        <h2 id="blocklist-title">${localize.term('blocklistTitle')}</h2>
        <p class="hint">${localize.term('blocklistIntro')}</p>
      </div>
      ${this.isAdmin ? nothing : html`<p part="view-only" class="view-only">${localize.term('viewOnly')}</p>`}
      ${this.notice.render(localize.term('close'))} ${this.renderToolbar()}
      ${this.importing ? this.importer.render(() => this.closeImport()) : nothing}
      <div class="content ${this.details.entry ? 'with-details' : ''}">
        <div class="table-area">${this.renderBody()}</div>
        ${this.details.render(() => this.closeDetails())}
      </div>
      ${this.form.render()} ${this.confirm.render()} ${this.announcer.render()}
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const { localize } = this;
    const admin = this.isAdmin;
    return html`<div part="toolbar" class="toolbar listing-toolbar">
      ${this.search.render({ part: 'search', label: localize.term('searchBlocklist'), classes: 'input search' })}
      <select class="input" part="source-filter" aria-label=${localize.term('sourceFilter')} @change=${this.onSource}>
        <option value="" ?selected=${this.source === ''}>${localize.term('sourceAll')}</option>
        ${SOURCES.map((source) => html`<option value=${source} ?selected=${this.source === source}>${sourceLabel(localize, source)}</option>`)}
      </select>
      <div class="toolbar-actions">
        ${admin
          ? html`<button class="button primary" part="add-button" @click=${() => this.adder.open()}>${localize.term('blocklistAddNumber')}</button>
              <button class="button" part="import-button-open" ?disabled=${this.importing} @click=${() => this.openImport()}>${localize.term('blocklistImportFile')}</button>`
          : nothing}
        ${this.exporter.render(localize, () => void this.exportCsv(), (count) => localize.term('exporting', count))}
      </div>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const { localize } = this;
    const state = renderListingState(this.entries, {
      localize,
      retry: () => void this.retry(),
      empty: () => (this.search.query || this.source ? localize.term('blocklistNoMatch') : localize.term('blocklistEmpty')),
    });
    return state ?? this.renderTable();
  }

  private renderTable(): TemplateResult {
    const { localize, entries } = this;
    const admin = this.isAdmin;
    const selected = this.details.entry?.e164;
    return renderEntryTable({
      localize,
      rows: this.rows,
      entries,
      shown: (count) => localize.term('entriesLoaded', count),
      labelledBy: 'blocklist-title',
      head: html`<th scope="col" class="col-number">${localize.term('columnNumber')}</th>
        <th scope="col" class="col-source">${localize.term('columnSource')}</th>
        <th scope="col" class="col-reason optional">${localize.term('columnReason')}</th>
        <th scope="col" class="col-by optional">${localize.term('columnAddedBy')}</th>
        <th scope="col" class="col-at">${localize.term('columnAddedAt')}</th>
        <th scope="col" class="col-message optional">${localize.term('columnMessage')}</th>`,
      columns: COLUMNS,
      key: (entry) => entry.e164,
      rowClass: (entry) => (entry.e164 === selected ? 'selected' : ''),
      cells: (entry, tabindex) => {
        const display = formatPhone(entry.e164);
        return html`<th scope="row">
            <button
              class="link-button"
              data-row-focus
              tabindex=${tabindex}
              aria-label=${localize.term('details', display)}
              aria-expanded=${entry.e164 === selected ? 'true' : 'false'}
              @click=${() => this.openDetails(entry)}
            >
              ${display}
            </button>
          </th>
          <td class="col-source">${renderSourceBadge(localize, entry.source)}</td>
          <td class="optional col-reason" title=${entry.reason}>${entry.reason}</td>
          <td class="optional"><bdi>${this.who(entry.addedBy, entry.addedByName)}</bdi></td>
          <td class="col-at"><time datetime=${entry.addedAt} title=${localize.date(entry.addedAt, { dateStyle: 'full', timeStyle: 'short' })}
            >${localize.date(entry.addedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time
          ></td>
          <td class="optional col-message message-cell" title=${entry.message ?? ''}>${entry.message ?? ''}</td>
          <td class="cell-actions">
            ${admin ? renderRemoveButton({ label: localize.term('blocklistRemoveNumber', display), tabindex, onClick: () => void this.unblock(entry) }) : nothing}
          </td>`;
      },
    });
  }
}
