import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SmsEventMap } from '../../src/model/events.js';
import type { Template } from '../../src/model/template.js';
import { countSegments } from '../../src/segments.js';
import { Announcer } from '../internal/announcer.js';
import { ClientChangeController } from '../internal/client-change.js';
import { SmsClientElement } from '../internal/client-element.js';
import { ConfirmController } from '../internal/confirm.js';
import { controlStyles } from '../internal/controls.styles.js';
import { dataTableStyles } from '../internal/data-table.styles.js';
import { renderEditButton, renderEntryTable, renderRemoveButton } from '../internal/entry-table.js';
import { describeError } from '../internal/error-text.js';
import { FormDialogController } from '../internal/form-dialog.js';
import { reloadAndFocus, reloadListing } from '../internal/listing-reload.js';
import { renderListingState } from '../internal/listing-state.js';
import { LiveEventsController } from '../internal/live-events.js';
import { LocalizeController } from '../internal/localize.js';
import { managerStyles } from '../internal/manager.styles.js';
import { mergeFieldStyles } from '../internal/merge-field.styles.js';
import { nestedTheme } from '../internal/nested-theme.js';
import { NoticeController } from '../internal/notice.js';
import { PagedListController } from '../internal/paged-list.js';
import { removeRow } from '../internal/remove-row.js';
import { RowWindowController } from '../internal/row-window.js';
import { SearchFieldController } from '../internal/search-field.js';
import { withTemplateChange } from '../internal/template-change.js';
import { sharedStyles } from '../internal/theme.js';
import { twoLineRowStyles } from '../internal/two-line-rows.styles.js';
import { previewTemplate, TemplateFormController } from './template-form.js';
import styles from './template-manager.styles.js';
import { templateManagerTerms } from './template-manager.terms.js';

const PAGE = 100;
const COLUMNS = 4;
const SEARCH_DELAY = 250;

/** The merge fields the composer fills from a conversation's contact: offered in the form unless `merge-fields` says otherwise. */
const DEFAULT_FIELDS = ['first_name', 'last_name', 'name', 'phone'] as const;

/** `merge-fields="first_name, date"`: names separated by commas or spaces, braces allowed. */
const fieldList = {
  fromAttribute: (value: string | null): string[] | undefined => {
    if (value === null) return undefined;
    return value.split(/[\s,]+/).map((field) => field.replace(/^\{\{|\}\}$/g, '')).filter((field) => field !== '');
  },
  toAttribute: (value: readonly string[] | undefined): string | null => (value ? value.join(' ') : null),
};

/**
 * @tagname sms-template-manager
 * @summary Message templates, for the people who write messages: an administrator manages the organisation's global
 * templates, offered to everyone; a user manages their personal templates and reads the global ones (and may copy
 * one to their own). Each template shows its message, its merge fields and the parts it takes. The form inserts
 * merge fields from a list at the caret, shows a live preview with sample values and its segment counter. The list
 * follows changes made elsewhere live (`template.changed`), as the composer's template picker does. Narrow, the parts
 * and merge fields leave the table and the message takes two lines.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The search and actions above the table.
 * @csspart search - The search field.
 * @csspart add-button - "Add a template".
 * @csspart view-only - The note shown to a principal who has no templates (a hosting operator).
 * @csspart entries - The scrolling table of templates.
 * @csspart edit-button - A template's name in the table, a button that opens it (to edit, or to read a global one).
 * @csspart global-badge - The mark of a global template, in a user's table.
 * @csspart remove-button - The remove button of a row.
 * @csspart name-input - The name field of the form.
 * @csspart body-input - The message of the form.
 * @csspart merge-fields - The merge fields to insert.
 * @csspart merge-field - A button that inserts one merge field at the caret.
 * @csspart preview - The preview with sample values.
 * @csspart preview-text - The message of the preview.
 * @csspart preview-unfilled - Names the merge fields the sample values do not fill.
 * @csspart segment-counter - The `<sms-segment-counter>` of the preview.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 * @csspart form-dialog - The dialog to add, edit or read a template.
 * @csspart dialog - The confirmation dialog.
 *
 * @cssproperty --sms-template-manager-height - Height the table of templates grows to before it scrolls. Default: `28rem`.
 * @cssproperty --sms-color-surface - Background of the elements.
 * @cssproperty --sms-color-surface-alt - Hover background, the preview.
 * @cssproperty --sms-color-text - Text colour.
 * @cssproperty --sms-color-text-muted - Secondary text: hints, headers, merge fields, parts.
 * @cssproperty --sms-color-border - Borders and separators.
 * @cssproperty --sms-color-accent - Primary buttons, template names.
 * @cssproperty --sms-color-on-accent - Text on primary buttons.
 * @cssproperty --sms-color-warning - A template over one part.
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
 * <sms-provider .client=${client}>
 *   <sms-template-manager merge-fields="first_name last_name date"></sms-template-manager>
 * </sms-provider>
 * ```
 */
export class SmsTemplateManager extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, dataTableStyles, managerStyles, twoLineRowStyles, mergeFieldStyles, nestedTheme('.base', 'sms-segment-counter'), styles];

  /**
   * The merge fields the form offers to insert, without braces (attribute: separated by spaces or commas). By default
   * those the composer fills from a conversation's contact; add those your lists' columns hold.
   * @default ['first_name', 'last_name', 'name', 'phone']
   */
  @property({ attribute: 'merge-fields', converter: fieldList }) mergeFields?: string[];

  /**
   * Values the preview fills merge fields with, by field name, over the element's own samples (a translatable name
   * and number). A field with no sample shows as `[field]`.
   * @default {}
   */
  @property({ attribute: false }) sampleValues: Record<string, string> = {};

  private readonly localize = new LocalizeController(this, templateManagerTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly confirm = new ConfirmController(this);
  private readonly form = new FormDialogController(this, (error) => this.describe(error));
  private readonly search = new SearchFieldController(this, { delay: SEARCH_DELAY, search: () => void this.reload() });
  private readonly templates = new PagedListController<Template>(this, (cursor) => {
    const client = this.smsClient;
    if (!client || !this.manages) return null;
    return client.templates.list({ cursor, limit: PAGE, scope: this.isAdmin ? 'global' : undefined, query: this.search.query || undefined });
  });
  private readonly rows = new RowWindowController(this, { onNearEnd: () => void this.templates.loadMore() });
  private readonly editor = new TemplateFormController(this, {
    localize: this.localize,
    client: () => this.smsClient,
    fields: () => this.mergeFields ?? DEFAULT_FIELDS,
    samples: () => this.samples(),
    form: this.form,
    notice: this.notice,
    saved: (template) => void this.afterSave(template),
  });
  private readonly live = new LiveEventsController(this, () => (this.manages ? this.smsClient : undefined), {
    'template.changed': (change) => this.onChanged(change),
  });
  private readonly clientChange = new ClientChangeController(this, { client: () => this.smsClient, changed: () => this.load() });

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin';
  }

  /** Administrators and users have templates; a hosting operator has none. */
  private get manages(): boolean {
    const role = this.smsClient?.principal.role;
    return role === 'admin' || role === 'user';
  }

  /** A new client: a fresh start, and the templates of whoever it works for. */
  private load(): void {
    this.form.close();
    this.search.set('');
    if (this.manages) void this.reload();
  }

  private samples(): Record<string, string> {
    const { localize } = this;
    const first = localize.term('sampleFirstName');
    const last = localize.term('sampleLastName');
    return { first_name: first, firstName: first, last_name: last, lastName: last, name: localize.term('sampleName'), phone: localize.term('samplePhone'), ...this.sampleValues };
  }

  /** Whether the signed-in person may change a template: administrators global ones, users their own. */
  private editable(template: Template): boolean {
    return this.isAdmin ? template.scope === 'global' : template.scope === 'personal';
  }

  private reload(): Promise<void> {
    return reloadListing(this.templates, this.rows);
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  // --- live changes and actions ---

  /** A template changed elsewhere (another administrator, another tab): the table follows; a search asks again. */
  private onChanged(change: SmsEventMap['template.changed']): void {
    const { templates } = this;
    if (templates.status !== 'ready' || (this.isAdmin && change.template.scope !== 'global')) return;
    if (this.search.query) {
      void templates.reload();
      return;
    }
    templates.update((items) => withTemplateChange(items, change, !templates.hasMore));
  }

  private async afterSave(template: Template): Promise<void> {
    await reloadAndFocus(this.templates, this.rows, (item) => item.id === template.id);
  }

  private async removeTemplate(template: Template): Promise<void> {
    const { localize } = this;
    const client = this.smsClient;
    if (!client) return;
    await removeRow({
      confirm: this.confirm,
      notice: this.notice,
      entries: this.templates,
      rows: this.rows,
      ask: {
        title: localize.term('removeTemplateTitle', template.name),
        message: localize.term(template.scope === 'global' ? 'removeTemplateMessageGlobal' : 'removeTemplateMessagePersonal'),
        confirmLabel: localize.term('removeTemplateConfirm'),
        cancelLabel: localize.term('cancel'),
        danger: true,
      },
      is: (item) => item.id === template.id,
      remove: () => client.templates.remove(template.id),
      removed: localize.term('templateRemoved', template.name),
    });
  }

  // --- rendering ---

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const { localize } = this;
    return html`<div part="base" class="base">
      <div class="header">
        <h2 id="templates-title">${localize.term('templateManagerTitle')}</h2>
        ${this.manages ? html`<p class="hint">${localize.term(this.isAdmin ? 'templateManagerIntroAdmin' : 'templateManagerIntroUser')}</p>` : nothing}
      </div>
      ${this.manages
        ? html`${this.notice.render(localize.term('close'))}
            <div part="toolbar" class="toolbar listing-toolbar">
              ${this.search.render({ part: 'search', label: localize.term('templateSearch'), classes: 'input search' })}
              <div class="toolbar-actions">
                <button class="button primary" part="add-button" @click=${() => this.editor.openAdd()}>${localize.term('addTemplate')}</button>
              </div>
            </div>
            <div class="table-area">${this.renderBody()}</div>
            ${this.form.render()} ${this.confirm.render()} ${this.announcer.render()}`
        : html`<p part="view-only" class="view-only">${localize.term('templateManagerViewOnly')}</p>`}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const { localize } = this;
    const state = renderListingState(this.templates, {
      localize,
      retry: () => void this.reload(),
      empty: () => {
        const query = this.search.query;
        return query ? localize.term('templatesNoMatch', query) : localize.term(this.isAdmin ? 'templatesEmptyAdmin' : 'templatesEmptyUser');
      },
    });
    return state ?? this.renderTable();
  }

  private renderTable(): TemplateResult {
    const { localize, templates } = this;
    const samples = this.samples();
    return renderEntryTable({
      localize,
      rows: this.rows,
      entries: templates,
      shown: (count) => localize.term('templateEntriesLoaded', count),
      labelledBy: 'templates-title',
      head: html`<th scope="col" class="col-name">${localize.term('columnTemplateName')}</th>
        <th scope="col" class="col-message">${localize.term('columnTemplateMessage')}</th>
        <th scope="col" class="col-parts">${localize.term('columnTemplateParts')}</th>`,
      columns: COLUMNS,
      key: (template) => template.id,
      cells: (template, tabindex) => {
        const editable = this.editable(template);
        const parts = countSegments(previewTemplate(template.body, samples).text).segments;
        const fields = template.fields.length > 0 ? localize.term('templateFieldsList', template.fields.join(', ')) : localize.term('templateNoFields');
        return html`<th scope="row" class="col-name">
            ${renderEditButton({
              label: localize.term(editable ? 'editTemplate' : 'viewTemplate', template.name),
              tabindex,
              classes: 'template-name',
              title: template.name,
              content: template.name,
              onClick: () => this.editor.open(template, editable),
            })}
            ${!this.isAdmin && template.scope === 'global'
              ? html`<span class="line"
                  ><span class="badge global-badge" part="global-badge" title=${localize.term('templateGlobalTitle')}>${localize.term('templateGlobalBadge')}</span></span
                >`
              : nothing}
          </th>
          <td class="col-message" title=${template.body}>
            <bdi class="line message">${template.body}</bdi>
            <span class="line fields">${fields}</span>
          </td>
          <td class=${parts > 1 ? 'col-parts many' : 'col-parts'}>${localize.term('templateParts', parts)}</td>
          <td class="cell-actions">
            ${editable ? renderRemoveButton({ label: localize.term('removeTemplate', template.name), tabindex, onClick: () => void this.removeTemplate(template) }) : nothing}
          </td>`;
      },
    });
  }
}
