import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SmsClient } from '../../src/client.js';
import type { Extension } from '../../src/model/directory.js';
import type { SmsNumber } from '../../src/model/number.js';
import { Announcer } from '../internal/announcer.js';
import { ClientChangeController } from '../internal/client-change.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { dataTableStyles } from '../internal/data-table.styles.js';
import { DefaultCountryController } from '../internal/default-country.js';
import { renderEditButton, renderEntryTable, renderRemoveButton } from '../internal/entry-table.js';
import { describeError } from '../internal/error-text.js';
import { FormDialogController } from '../internal/form-dialog.js';
import { renderListingState } from '../internal/listing-state.js';
import { reloadAndFocus, reloadListing } from '../internal/listing-reload.js';
import { LocalizeController } from '../internal/localize.js';
import { ltrText } from '../internal/ltr-text.js';
import { managerStyles } from '../internal/manager.styles.js';
import { NoticeController } from '../internal/notice.js';
import { PagedListController } from '../internal/paged-list.js';
import { removalQuestion, removeRow } from '../internal/remove-row.js';
import { displayPhone } from '../internal/phone.js';
import { searchQuery } from '../internal/phone-input.js';
import { RowWindowController } from '../internal/row-window.js';
import { SearchFieldController } from '../internal/search-field.js';
import { sharedStyles } from '../internal/theme.js';
import { readExtensions } from './number-directory.js';
import { extensionName, NumberFormController } from './number-form.js';
import styles from './number-manager.styles.js';
import { numberManagerTerms } from './number-manager.terms.js';

const PAGE = 100;
const SEARCH_DELAY = 300;
const COLUMNS = 5;

/**
 * @tagname sms-number-manager
 * @summary The organisation's SMS numbers: each shown in national form at home and E.164 otherwise, with its label,
 * the extensions that hold it (a number held by several is marked as a group number) and where its replies go;
 * search by number in any form or by label, and show removed numbers on request. Administrators add a number typed
 * in any common form, edit its label, assign and unassign extensions (an extension holds one number: the form says
 * which number a chosen extension holds now and that saving moves it), choose where replies go (the portal inbox,
 * an e-mail, a mobile), and remove a number with confirmation, its history kept. A user sees the numbers of their
 * own extensions, read-only. Columns leave the table as the element narrows.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - Search, "Show removed numbers" and actions.
 * @csspart search - The search field.
 * @csspart show-removed - The "Show removed numbers" checkbox.
 * @csspart add-button - "Add a number" (administrators).
 * @csspart view-only - The note telling a user why they cannot change the numbers.
 * @csspart entries - The scrolling table of numbers.
 * @csspart edit-button - A number in the table, a button that opens its form (administrators).
 * @csspart group-badge - The mark of a group number.
 * @csspart removed-badge - The mark of a removed number.
 * @csspart remove-button - The remove button of a row.
 * @csspart extensions-field - The extensions of the form, each with the number it holds now.
 * @csspart extension-choice - The checkbox of one extension in the form.
 * @csspart moves - What saving the form will move, under the extensions.
 * @csspart routing-field - Where replies go, in the form.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 * @csspart form-dialog - The dialog to add or edit a number.
 * @csspart dialog - The confirmation dialog.
 *
 * @cssproperty --sms-number-manager-height - Height the table of numbers grows to before it scrolls. Default: `28rem`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Hover background, the view-only note.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Secondary text: hints, headers, removed numbers.
 * @cssproperty --sms-color-border - Borders and separators.
 * @cssproperty --sms-color-accent - Primary buttons, numbers, group marks.
 * @cssproperty --sms-color-on-accent - Text on primary buttons.
 * @cssproperty --sms-color-warning - What saving will move.
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
 * <sms-provider .client=${adminClient}>
 *   <sms-number-manager default-country="AU"></sms-number-manager>
 * </sms-provider>
 * ```
 */
export class SmsNumberManager extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, dataTableStyles, managerStyles, styles];

  /**
   * The home country (ISO 3166-1 alpha-2, e.g. `AU`): its numbers are shown in national form, and numbers typed
   * without a country code are read in it. Unset, the backend's setting is used.
   */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /**
   * Shows removed numbers too (out of service, their history kept), marked "Removed"; the user can toggle it.
   * @default false
   */
  @property({ attribute: 'show-removed', type: Boolean }) showRemoved = false;

  @state() private extensions = new Map<string, Extension>();

  private readonly localize = new LocalizeController(this, numberManagerTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly confirm = new ConfirmController(this);
  private readonly form = new FormDialogController(this, (error) => this.describe(error));
  private readonly defaults = new DefaultCountryController(this, { client: () => this.smsClient, attribute: () => this.defaultCountry });
  private readonly search = new SearchFieldController(this, { delay: SEARCH_DELAY, search: () => void this.reload() });
  private readonly numbers = new PagedListController<SmsNumber>(this, (cursor) => {
    const client = this.smsClient;
    if (!client) return null;
    return client.numbers.list({ query: this.searchQuery, includeRemoved: this.showRemoved || undefined, cursor, limit: PAGE });
  });
  private readonly rows = new RowWindowController(this, { onNearEnd: () => void this.numbers.loadMore() });
  private readonly editor = new NumberFormController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    country: () => this.defaults.country,
    display: (e164) => this.display(e164),
    form: this.form,
    notice: this.notice,
    saved: (number) => void this.afterSave(number),
  });
  private readonly clientChange = new ClientChangeController(this, { client: () => this.smsClient, changed: (client) => this.load(client) });

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin';
  }

  /** A number typed as people write it is searched by its E.164 digits; a label as typed. */
  private get searchQuery(): string | undefined {
    return searchQuery(this.search.query, this.defaults.country);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('showRemoved') && !this.clientChange.pending) void this.reload();
  }

  /** A new client: its settings, extensions and numbers. */
  private load(client: SmsClient): void {
    this.extensions = new Map();
    void this.defaults.load(client);
    void this.loadExtensions(client);
    void this.reload();
  }

  /** The extensions, to name those that hold each number ("201 Alice Nguyen"). */
  private async loadExtensions(client: SmsClient): Promise<void> {
    try {
      const extensions = await readExtensions(client);
      if (client === this.smsClient) this.extensions = new Map(extensions.map((extension) => [extension.id, extension]));
    } catch {
      // The numbers show; their extensions say "Extension not found" until a retry reads them.
    }
  }

  private reload(): Promise<void> {
    return reloadListing(this.numbers, this.rows);
  }

  /** "Try again": the numbers, and the settings and extensions if they failed with them. */
  private retry(): Promise<void> {
    const client = this.smsClient;
    if (client) {
      this.defaults.retry(client);
      if (this.extensions.size === 0) void this.loadExtensions(client);
    }
    return this.reload();
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  /** National form for numbers of the home country, E.164 (grouped) for the others. */
  private display(e164: string): string {
    return displayPhone(e164, this.defaults.country);
  }

  // --- actions ---

  /** After a save, extensions may have left other numbers: the list is read again, focus on the saved number. */
  private async afterSave(number: SmsNumber): Promise<void> {
    const client = this.smsClient;
    if (client) await this.loadExtensions(client);
    await reloadAndFocus(this.numbers, this.rows, (item) => item.id === number.id);
  }

  private async removeNumber(number: SmsNumber): Promise<void> {
    const { localize } = this;
    const display = this.display(number.e164);
    const client = this.smsClient;
    if (!client) return;
    await removeRow({
      confirm: this.confirm,
      notice: this.notice,
      entries: this.numbers,
      rows: this.rows,
      ask: removalQuestion(localize, display, { title: 'removeTitle', message: 'numberRemoveMessage', confirm: 'numberRemoveConfirm' }),
      is: (item) => item.id === number.id,
      remove: () => client.numbers.remove(number.id),
      removed: localize.term('numberRemoved', display),
      // Shown with the removed ones, it stays in its new state ("Removed").
      update: (gone) =>
        this.numbers.update((items) => (this.showRemoved ? items.map((item) => (item.id === gone.id ? gone : item)) : items.filter((item) => item.id !== gone.id))),
    });
  }

  private onShowRemoved(event: Event): void {
    this.showRemoved = (event.target as HTMLInputElement).checked;
  }

  // --- rendering ---

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const { localize } = this;
    const admin = this.isAdmin;
    return html`<div part="base" class="base">
      <div class="header">
        <h2 id="numbers-title">${localize.term(admin ? 'numbersTitle' : 'numbersUserTitle')}</h2>
        <p class="hint">${localize.term('numbersIntro')}</p>
      </div>
      ${admin ? nothing : html`<p part="view-only" class="view-only">${localize.term('numberViewOnly')}</p>`}
      ${this.notice.render(localize.term('close'))} ${this.renderToolbar()}
      <div class="table-area">${this.renderBody()}</div>
      ${this.form.render()} ${this.confirm.render()} ${this.announcer.render()}
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const { localize } = this;
    return html`<div part="toolbar" class="toolbar listing-toolbar">
      ${this.search.render({ part: 'search', label: localize.term('numberSearchNumbers'), classes: 'input search' })}
      <label class="choice show-removed">
        <input type="checkbox" part="show-removed" .checked=${this.showRemoved} @change=${this.onShowRemoved} />
        <span>${localize.term('showRemoved')}</span>
      </label>
      ${this.isAdmin
        ? html`<div class="toolbar-actions">
            <button class="button primary" part="add-button" @click=${() => void this.editor.openAdd()}>${localize.term('addNumber')}</button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const { localize } = this;
    const state = renderListingState(this.numbers, {
      localize,
      retry: () => void this.retry(),
      empty: () => (this.search.query ? localize.term('numbersNoMatch') : localize.term(this.isAdmin ? 'numbersEmpty' : 'numbersEmptyUser')),
    });
    return state ?? this.renderTable();
  }

  /** The extensions of a number, by name; "No extension" for none. */
  private extensionsText(number: SmsNumber): string {
    const { localize } = this;
    if (number.extensionIds.length === 0) return localize.term('noExtension');
    return number.extensionIds
      .map((id) => {
        const extension = this.extensions.get(id);
        return extension ? extensionName(localize, extension) : localize.term('unknownExtension');
      })
      .join(', ');
  }

  /** The extensions of a number by their numbers alone, for a narrow table: "201, 202". */
  private extensionNumbers(number: SmsNumber): string {
    return number.extensionIds.map((id) => this.extensions.get(id)?.number ?? '?').join(', ');
  }

  /** Where replies go, in short: "Portal, E-mail". */
  private repliesText(number: SmsNumber): string {
    const { localize } = this;
    const { routing } = number;
    const places = [
      routing.portal ? localize.term('repliesPortal') : '',
      routing.email ? localize.term('repliesEmail') : '',
      routing.mobile ? localize.term('repliesMobile') : '',
    ].filter(Boolean);
    return places.length > 0 ? places.join(', ') : localize.term('repliesNowhere');
  }

  private renderTable(): TemplateResult {
    const { localize, numbers } = this;
    const admin = this.isAdmin;
    return renderEntryTable({
      localize,
      rows: this.rows,
      entries: numbers,
      shown: (count) => localize.term('entriesLoaded', count),
      labelledBy: 'numbers-title',
      head: html`<th scope="col" class="col-number">${localize.term('columnNumber')}</th>
        <th scope="col" class="col-label">${localize.term('columnLabel')}</th>
        <th scope="col" class="col-extensions">${localize.term('columnExtensions')}</th>
        <th scope="col" class="col-replies">${localize.term('columnReplies')}</th>`,
      columns: COLUMNS,
      key: (number) => number.id,
      rowClass: (number) => (number.removedAt ? 'removed' : ''),
      cells: (number, tabindex) => {
        const display = this.display(number.e164);
        const removed = number.removedAt !== null;
        const extensions = this.extensionsText(number);
        const replies = this.repliesText(number);
        return html`<th scope="row" class="col-number" tabindex=${admin && !removed ? nothing : tabindex} ?data-row-focus=${!admin || removed}>
            ${admin && !removed
              ? renderEditButton({ label: localize.term('editNumber', display), tabindex, title: number.e164, content: ltrText(display), onClick: () => void this.editor.openEdit(number) })
              : html`<span class="number" title=${number.e164}>${ltrText(display)}</span>`}
          </th>
          <td class="col-label" title=${number.label}><bdi>${number.label}</bdi></td>
          <td class="col-extensions" title=${extensions}>
            ${removed
              ? html`<span class="badge removed-badge" part="removed-badge" title=${localize.term('removedOn', localize.date(number.removedAt!, { dateStyle: 'medium' }))}
                  >${localize.term('removedBadge')}</span
                >`
              : number.extensionIds.length > 1
                ? html`<span class="badge group-badge" part="group-badge" title=${localize.term('groupNumberTitle')}>${localize.term('groupNumber')}</span>`
                : nothing}
            ${number.extensionIds.length === 0
              ? html`<span class="none">${extensions}</span>`
              : html`<bdi class="full">${extensions}</bdi><span class="short">${this.extensionNumbers(number)}</span>`}
          </td>
          <td class="col-replies" title=${replies}>${replies}</td>
          <td class="cell-actions">
            ${admin && !removed ? renderRemoveButton({ label: localize.term('removeNumber', display), tabindex, onClick: () => void this.removeNumber(number) }) : nothing}
          </td>`;
      },
    });
  }
}
