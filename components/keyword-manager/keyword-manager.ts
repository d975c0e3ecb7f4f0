import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SmsClient } from '../../src/client.js';
import { createKeywordClassifier, type KeywordClassifier } from '../../src/keywords.js';
import type { User } from '../../src/model/directory.js';
import type { KeywordRule } from '../../src/model/keyword.js';
import { countSegments } from '../../src/segments.js';
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
import { reloadAndFocus, reloadListing } from '../internal/listing-reload.js';
import { renderListingState } from '../internal/listing-state.js';
import { LocalizeController } from '../internal/localize.js';
import { managerStyles } from '../internal/manager.styles.js';
import { nestedTheme } from '../internal/nested-theme.js';
import { NoticeController } from '../internal/notice.js';
import { PagedListController } from '../internal/paged-list.js';
import { displayPhone } from '../internal/phone.js';
import { readAll } from '../internal/read-all.js';
import { removalQuestion, removeRow } from '../internal/remove-row.js';
import { RowWindowController } from '../internal/row-window.js';
import { sharedStyles } from '../internal/theme.js';
import { twoLineRowStyles } from '../internal/two-line-rows.styles.js';
import { KeywordFormController } from './keyword-form.js';
import styles from './keyword-manager.styles.js';
import { keywordManagerTerms } from './keyword-manager.terms.js';

const PAGE = 100;
const COLUMNS = 4;

/** One place a keyword's messages go, as the table shows it. */
interface Route {
  label: string;
  value: string;
}

/**
 * @tagname sms-keyword-manager
 * @summary The organisation's inbound keyword rules, for its administrators: each keyword with where matching
 * messages go (a person's portal inbox, an e-mail, a mobile), its auto-reply with the parts it takes, and a mark when
 * it is turned off. Administrators add a keyword (checked as typed: one word; opt-out, opt-in and help words such as
 * STOP, START and HELP, and the organisation's own synonyms, are refused with the reason; a keyword another rule has
 * is refused), choose where its messages go, write its auto-reply with a segment counter, turn it on or off, edit it
 * and remove it with confirmation. Only administrators may read the rules: a user sees a note saying so. The
 * auto-reply column leaves the table as the element narrows.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The actions above the table.
 * @csspart add-button - "Add a keyword".
 * @csspart view-only - The note telling a user that only administrators manage keywords.
 * @csspart entries - The scrolling table of keywords.
 * @csspart edit-button - A keyword in the table, a button that opens its form.
 * @csspart off-badge - The mark of a keyword turned off.
 * @csspart remove-button - The remove button of a row.
 * @csspart keyword-input - The keyword field of the form.
 * @csspart keyword-message - The hint under the keyword field, or why the keyword is refused.
 * @csspart routes-field - Where matching messages go, in the form.
 * @csspart route-portal - The person whose portal inbox receives the messages.
 * @csspart route-email - The e-mail address that receives the messages.
 * @csspart routes-error - Said when the messages would go nowhere.
 * @csspart auto-reply-input - The auto-reply of the form.
 * @csspart segment-counter - The `<sms-segment-counter>` of the auto-reply.
 * @csspart enabled-choice - The checkbox that turns the keyword on or off.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 * @csspart form-dialog - The dialog to add or edit a keyword.
 * @csspart dialog - The confirmation dialog.
 *
 * @cssproperty --sms-keyword-manager-height - Height the table of keywords grows to before it scrolls. Default: `28rem`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Hover background, the view-only note.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Secondary text: hints, headers, keywords turned off.
 * @cssproperty --sms-color-border - Borders and separators.
 * @cssproperty --sms-color-accent - Primary buttons, keywords.
 * @cssproperty --sms-color-on-accent - Text on primary buttons.
 * @cssproperty --sms-color-warning - An auto-reply over one part.
 * @cssproperty --sms-color-danger - Errors, refused keywords, the remove button.
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
 *   <sms-keyword-manager default-country="AU"></sms-keyword-manager>
 * </sms-provider>
 * ```
 */
export class SmsKeywordManager extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, dataTableStyles, managerStyles, twoLineRowStyles, nestedTheme('.base', 'sms-segment-counter'), styles];

  /**
   * The home country (ISO 3166-1 alpha-2, e.g. `AU`): mobiles are shown in national form for it, and mobiles typed
   * without a country code are read in it. Unset, the backend's setting is used.
   */
  @property({ attribute: 'default-country' }) defaultCountry?: string;

  /** The people, by id, to name the portal inbox a keyword goes to. */
  @state() private users = new Map<string, User>();

  private readonly localize = new LocalizeController(this, keywordManagerTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly confirm = new ConfirmController(this);
  private readonly form = new FormDialogController(this, (error) => this.describe(error));
  private readonly defaults = new DefaultCountryController(this, { client: () => this.smsClient, attribute: () => this.defaultCountry });
  private readonly keywords = new PagedListController<KeywordRule>(this, (cursor) => {
    const client = this.smsClient;
    if (!client || !this.isAdmin) return null;
    return client.keywords.list({ cursor, limit: PAGE });
  });
  private readonly rows = new RowWindowController(this, { onNearEnd: () => void this.keywords.loadMore() });
  private readonly editor = new KeywordFormController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    country: () => this.defaults.country,
    classifier: () => this.classifier(),
    taken: (except) => new Set(this.keywords.items.filter((rule) => rule.id !== except).map((rule) => rule.keyword)),
    users: () => this.loadUsers(),
    form: this.form,
    notice: this.notice,
    saved: (rule) => void this.afterSave(rule),
  });
  private readonly clientChange = new ClientChangeController(this, { client: () => this.smsClient, changed: (client) => this.load(client) });
  private compiled: { from: unknown; classifier: KeywordClassifier } | undefined;

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin';
  }

  /** A new client: for an administrator, the settings, the people and the keywords. */
  private load(client: SmsClient): void {
    this.users = new Map();
    if (!this.isAdmin) return;
    void this.defaults.load(client);
    void this.loadUsers().catch(() => undefined);
    void this.reload();
  }

  /** The opt-out, opt-in and help words: the defaults and the organisation's own, once its settings are read. */
  private classifier(): KeywordClassifier {
    const extra = this.defaults.settings?.keywords;
    const compiled = this.compiled;
    if (compiled && compiled.from === extra) return compiled.classifier;
    let classifier: KeywordClassifier;
    try {
      classifier = createKeywordClassifier(extra ? { extend: extra } : {});
    } catch {
      classifier = createKeywordClassifier();
    }
    this.compiled = { from: extra, classifier };
    return classifier;
  }

  /** The people a keyword can go to, read again each time the form opens (and to name them in the table). */
  private async loadUsers(): Promise<User[]> {
    const client = this.smsClient;
    if (!client) return [];
    const users = await readAll((cursor, limit) => client.directory.users({ cursor, limit }));
    if (client === this.smsClient) this.users = new Map(users.map((user) => [user.id, user]));
    return users;
  }

  private reload(): Promise<void> {
    return reloadListing(this.keywords, this.rows);
  }

  /** "Try again": the keywords, and the settings and people if they failed with them. */
  private retry(): Promise<void> {
    const client = this.smsClient;
    if (client) {
      this.defaults.retry(client);
      if (this.users.size === 0) void this.loadUsers().catch(() => undefined);
    }
    return this.reload();
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  // --- actions ---

  private async afterSave(rule: KeywordRule): Promise<void> {
    await reloadAndFocus(this.keywords, this.rows, (item) => item.id === rule.id);
  }

  private async removeKeyword(rule: KeywordRule): Promise<void> {
    const { localize } = this;
    const client = this.smsClient;
    if (!client) return;
    await removeRow({
      confirm: this.confirm,
      notice: this.notice,
      entries: this.keywords,
      rows: this.rows,
      ask: removalQuestion(localize, rule.keyword, { title: 'removeTitle', message: 'keywordRemoveMessage', confirm: 'keywordRemoveConfirm' }),
      is: (item) => item.id === rule.id,
      remove: () => client.keywords.remove(rule.id),
      removed: localize.term('keywordRemoved', rule.keyword),
    });
  }

  // --- rendering ---

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const { localize } = this;
    const admin = this.isAdmin;
    return html`<div part="base" class="base">
      <div class="header">
        <h2 id="keywords-title">${localize.term('keywordsTitle')}</h2>
        <p class="hint">${localize.term('keywordsIntro')} ${this.howTo()}</p>
      </div>
      ${admin
        ? html`${this.notice.render(localize.term('close'))}
            <div part="toolbar" class="toolbar listing-toolbar">
              <div class="toolbar-actions">
                <button class="button primary" part="add-button" @click=${() => void this.editor.openAdd()}>${localize.term('addKeyword')}</button>
              </div>
            </div>
            <div class="table-area">${this.renderBody()}</div>
            ${this.form.render()} ${this.confirm.render()} ${this.announcer.render()}`
        : html`<p part="view-only" class="view-only">${localize.term('keywordViewOnly')}</p>`}
    </div>`;
  }

  /** "People text “ACME PARKING …” to 0481025.", once the settings say the short code. */
  private howTo(): string {
    const settings = this.defaults.settings;
    if (!settings?.shortCode) return '';
    const example = this.keywords.items[0]?.keyword ?? this.localize.term('columnKeyword').toLocaleUpperCase();
    return this.localize.term('keywordsHowTo', settings.keywordPrefix ? `${settings.keywordPrefix} ${example}` : example, settings.shortCode);
  }

  private renderBody(): TemplateResult {
    const { localize } = this;
    const state = renderListingState(this.keywords, {
      localize,
      retry: () => void this.retry(),
      empty: () => localize.term('keywordsEmpty'),
    });
    return state ?? this.renderTable();
  }

  /** Where a rule's messages go, each place with its label: "Portal:" Alice Nguyen, "E-mail:" ..., "Mobile:" .... */
  private routes(rule: KeywordRule): Route[] {
    const { localize } = this;
    const { portal, email, mobile } = rule.routes;
    const places: Route[] = [];
    if (portal) places.push({ label: localize.term('routePortal'), value: this.users.get(portal)?.name ?? localize.term('unknownUser') });
    if (email) places.push({ label: localize.term('routeEmail'), value: email });
    if (mobile) places.push({ label: localize.term('routeMobile'), value: displayPhone(mobile, this.defaults.country) });
    return places;
  }

  /**
   * The places on two lines at most, so that rows keep one height (the third joins the second); narrow, the labels
   * leave and the values stay.
   */
  private renderRoutes(places: Route[]): TemplateResult[] {
    const lines = places.length <= 2 ? places.map((place) => [place]) : [[places[0]!], places.slice(1)];
    return lines.map(
      (line) => html`<span class="line"
        >${line.map((place, index) => html`${index > 0 ? ' · ' : ''}<span class="route-label">${place.label} </span><bdi>${place.value}</bdi>`)}</span
      >`,
    );
  }

  private renderTable(): TemplateResult {
    const { localize, keywords } = this;
    return renderEntryTable({
      localize,
      rows: this.rows,
      entries: keywords,
      shown: (count) => localize.term('keywordEntriesLoaded', count),
      labelledBy: 'keywords-title',
      head: html`<th scope="col" class="col-keyword">${localize.term('columnKeyword')}</th>
        <th scope="col" class="col-routes">${localize.term('columnRoutes')}</th>
        <th scope="col" class="col-reply">${localize.term('columnAutoReply')}</th>`,
      columns: COLUMNS,
      key: (rule) => rule.id,
      rowClass: (rule) => (rule.enabled ? '' : 'off'),
      cells: (rule, tabindex) => {
        const routes = this.routes(rule);
        const routesText = routes.map((place) => `${place.label} ${place.value}`).join('\n');
        const parts = rule.autoReply ? countSegments(rule.autoReply).segments : 0;
        return html`<th scope="row" class="col-keyword">
            ${renderEditButton({ label: localize.term('editKeyword', rule.keyword), tabindex, classes: 'keyword', content: rule.keyword, onClick: () => void this.editor.openEdit(rule) })}
            ${rule.enabled ? nothing : html`<span class="badge off-badge" part="off-badge" title=${localize.term('offTitle')}>${localize.term('offBadge')}</span>`}
          </th>
          <td class="col-routes" title=${routesText}>
            ${routes.length === 0
              ? html`<span class="none">${localize.term('routeNowhere')}</span>`
              : this.renderRoutes(routes)}
          </td>
          <td class="col-reply" title=${rule.autoReply ?? ''}>
            ${rule.autoReply
              ? html`<bdi class="line">${rule.autoReply}</bdi>
                  <span class=${parts > 1 ? 'line parts many' : 'line parts'}>${localize.term('autoReplyParts', parts)}</span>`
              : html`<span class="none">${localize.term('noAutoReply')}</span>`}
          </td>
          <td class="cell-actions">${renderRemoveButton({ label: localize.term('removeKeyword', rule.keyword), tabindex, onClick: () => void this.removeKeyword(rule) })}</td>`;
      },
    });
  }
}
