import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import { toCsv } from '../../src/csv.js';
import type { ListEntry, PredefinedList } from '../../src/model/list.js';
import { columnLabel } from '../internal/column-label.js';
import type { ConfirmController } from '../internal/confirm.js';
import { CsvExportController } from '../internal/csv-export.js';
import { downloadText } from '../internal/download.js';
import { renderEntryTable, renderRemoveButton } from '../internal/entry-table.js';
import type { FormDialogController } from '../internal/form-dialog.js';
import type { LocalizeController } from '../internal/localize.js';
import type { NoticeController } from '../internal/notice.js';
import { reloadListing } from '../internal/listing-reload.js';
import { renderListingState } from '../internal/listing-state.js';
import { PagedListController } from '../internal/paged-list.js';
import { removeRow } from '../internal/remove-row.js';
import { PhoneFieldController } from '../internal/phone-field.js';
import { searchQuery } from '../internal/phone-input.js';
import { formatPhone } from '../internal/phone.js';
import { RowWindowController } from '../internal/row-window.js';
import { SearchFieldController } from '../internal/search-field.js';
import type { ListManagerTerms } from './list-manager.terms.js';

type Localize = LocalizeController<ListManagerTerms>;

/** Merge-field columns shown in the table; the others are in the edit dialog. */
const SHOWN_COLUMNS = 4;
/** The width a merge-field column keeps before the table scrolls sideways. */
const FIELD_MIN_WIDTH = '8rem';
const ENTRY_PAGE = 100;
const EXPORT_PAGE = 500;
const SEARCH_DELAY = 250;

export interface ListEntriesOptions {
  localize: Localize;
  client: () => SmsClient | undefined;
  /** The open list, whose numbers are shown. */
  list: () => PredefinedList | null;
  /** Whether the user may change the list (add, edit, remove numbers, import). */
  editable: (list: PredefinedList) => boolean;
  /** The country numbers typed without a country code are read in. */
  country: () => string | undefined;
  notice: NoticeController;
  confirm: ConfirmController;
  form: FormDialogController;
  describe: (error: unknown) => string;
  /** The list's numbers changed: read the list again (its count) and tell the host page. Never rejects. */
  changed: (list: PredefinedList) => Promise<void>;
}

/**
 * The numbers of the open list in `<sms-list-manager>`: search (on the server), a paged and windowed table, add,
 * edit and remove a number with its merge fields, and export every number as CSV.
 */
export class ListEntriesController implements ReactiveController {
  readonly search: SearchFieldController;
  readonly entries: PagedListController<ListEntry>;
  readonly rows: RowWindowController;
  private readonly phone: PhoneFieldController;
  private readonly exporter: CsvExportController;
  /** The merge fields of the add or edit dialog, as typed. */
  private formFields: Record<string, string> = {};

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ListEntriesOptions,
  ) {
    host.addController(this);
    this.search = new SearchFieldController(host, { delay: SEARCH_DELAY, search: () => void this.reload() });
    this.entries = new PagedListController<ListEntry>(host, (cursor) => {
      const client = options.client();
      const list = options.list();
      if (!client || !list) return null;
      return client.lists.entries(list.id, { query: searchQuery(this.search.query, options.country()), cursor, limit: ENTRY_PAGE });
    });
    this.rows = new RowWindowController(host, { onNearEnd: () => void this.entries.loadMore() });
    this.phone = new PhoneFieldController(host, { localize: options.localize, country: options.country, recipient: true });
    this.exporter = new CsvExportController(host);
  }

  hostConnected(): void {}

  /** Another list opens: no search, back to the top. */
  reset(): void {
    this.search.set('');
    this.rows.reset();
  }

  /** Loads the first page again, from the top. */
  reload(): Promise<void> {
    return reloadListing(this.entries, this.rows);
  }

  private entryForm(columns: readonly string[]): TemplateResult {
    const { localize } = this.options;
    return html`
      ${this.phone.render('entry-phone')}
      ${columns.length > 0
        ? html`<fieldset class="merge-fields">
            <legend>${localize.term('mergeFields')}</legend>
            ${columns.map(
              (column, index) => html`<div class="field">
                <label for="entry-field-${index}"><bdi>${columnLabel(column)}</bdi></label>
                <input
                  id="entry-field-${index}"
                  class="input"
                  maxlength="1000"
                  autocomplete="off"
                  .value=${this.formFields[column] ?? ''}
                  @input=${(event: Event) => {
                    this.formFields = { ...this.formFields, [column]: (event.target as HTMLInputElement).value };
                    this.host.requestUpdate();
                  }}
                />
              </div>`,
            )}
          </fieldset>`
        : nothing}
    `;
  }

  /** The add and edit dialog: a number validated as it is typed, and the list's merge fields. */
  private editEntry(list: PredefinedList, entry: ListEntry | null): void {
    const { localize, notice } = this.options;
    const columns = [...new Set([...list.columns, ...Object.keys(entry?.fields ?? {})])];
    this.phone.reset(entry ? formatPhone(entry.e164) : '');
    this.formFields = { ...(entry?.fields ?? {}) };
    const display = entry ? formatPhone(entry.e164) : '';
    void this.options.form.open({
      title: entry ? localize.term('editNumber', display) : localize.term('listAddNumber'),
      submitLabel: entry ? localize.term('save') : localize.term('add'),
      cancelLabel: localize.term('cancel'),
      body: () => this.entryForm(columns),
      submit: async () => {
        const client = this.options.client();
        const check = this.phone.submit();
        if (!client || check.status !== 'valid') return false;
        try {
          if (entry) {
            const saved = await client.lists.updateEntry(list.id, entry.id, { e164: check.e164, fields: this.formFields });
            this.entries.update((items) => items.map((item) => (item.id === entry.id ? saved : item)));
            notice.say(localize.term('numberSaved', formatPhone(saved.e164)));
          } else {
            const fields = Object.fromEntries(Object.entries(this.formFields).filter(([, value]) => value.trim() !== ''));
            const added = await client.lists.addEntry(list.id, { e164: check.e164, fields });
            notice.say(localize.term('numberAdded', formatPhone(added.e164)));
            void this.entries.reload();
          }
        } catch (error) {
          return this.phone.refused(error);
        }
        await this.options.changed(list);
        return true;
      },
    });
  }

  private async removeEntry(list: PredefinedList, entry: ListEntry): Promise<void> {
    const { localize } = this.options;
    const display = formatPhone(entry.e164);
    const client = this.options.client();
    if (!client) return;
    const removed = await removeRow({
      confirm: this.options.confirm,
      notice: this.options.notice,
      entries: this.entries,
      rows: this.rows,
      ask: {
        title: localize.term('removeNumberTitle', display),
        message: localize.term('removeNumberMessage'),
        confirmLabel: localize.term('remove'),
        cancelLabel: localize.term('cancel'),
        danger: true,
      },
      is: (item) => item.id === entry.id,
      remove: () => client.lists.removeEntry(list.id, entry.id),
      removed: localize.term('listNumberRemoved', display),
    });
    if (removed) await this.options.changed(list);
  }

  /** Every number of the list, page after page, as CSV: `phone` and the merge-field columns. */
  private async exportCsv(list: PredefinedList): Promise<void> {
    const client = this.options.client();
    if (!client) return;
    await this.options.notice.attempt(() =>
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
          this.options.notice.say(this.options.localize.term('listExported', rows.length));
        },
      ),
    );
  }

  /** The toolbar (search, add, import, export) and the numbers, or their loading, empty or error state. */
  render(list: PredefinedList, openImport: () => void): TemplateResult {
    const { localize } = this.options;
    const { entries } = this;
    const editable = this.options.editable(list);
    // Add, import, export: three controls, the first on a row of its own when narrow (manager.styles.ts).
    return html`
      <div class="toolbar listing-toolbar ${editable ? 'odd' : ''}">
        ${this.search.render({ part: 'entry-search', label: localize.term('searchNumbers'), classes: 'input search' })}
        <div class="toolbar-actions">
          ${editable
            ? html`<button class="button primary" part="add-button" @click=${() => this.editEntry(list, null)}>${localize.term('listAddNumber')}</button>
                <button class="button" part="import-open-button" @click=${openImport}>${localize.term('listImportFile')}</button>`
            : nothing}
          ${this.exporter.render(localize, () => void this.exportCsv(list), (count) => localize.term('exporting', count))}
        </div>
      </div>
      ${renderListingState(entries, {
        localize,
        retry: () => void entries.reload(),
        empty: () => (this.search.query ? localize.term('listNoEntriesFound', this.search.query) : localize.term('listNoEntries')),
      }) ?? this.renderTable(list)}
    `;
  }

  private renderTable(list: PredefinedList): TemplateResult {
    const { localize } = this.options;
    const { entries } = this;
    const editable = this.options.editable(list);
    const columns = list.columns.slice(0, SHOWN_COLUMNS);
    const total = !this.search.query ? list.entryCount : entries.hasMore ? entries.total : entries.items.length;
    return renderEntryTable({
      localize,
      rows: this.rows,
      entries,
      shown: (count) => localize.term('entriesLoaded', count),
      rowCount: total !== undefined ? total + 1 : -1,
      caption: localize.term('listEntriesCaption', list.name),
      head: html`<th scope="col">${localize.term('columnNumber')}</th>
        ${columns.map((column) => html`<th scope="col"><bdi>${columnLabel(column)}</bdi></th>`)}`,
      columns: columns.length + 2,
      // The number (list-manager.styles.ts), readable merge fields, the actions (data-table.styles.ts).
      minWidth: `calc(9.5rem + ${columns.length} * ${FIELD_MIN_WIDTH} + 2.75rem)`,
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
