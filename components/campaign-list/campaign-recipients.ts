import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import { toCsv, type CsvColumn } from '../../src/csv.js';
import type { Campaign, CampaignRecipient, RecipientState } from '../../src/model/index.js';
import { downloadText } from '../internal/download.js';
import { describeError } from '../internal/error-text.js';
import type { LocalizeController } from '../internal/localize.js';
import { PagedListController } from '../internal/paged-list.js';
import { renderEmpty, renderError, renderLoading } from '../internal/states.js';
import type { CampaignListTerms } from './campaign-list.terms.js';
import { STATE_TERM } from './campaign-progress.js';
import { renderShowMore } from './show-more.js';

type Localize = LocalizeController<CampaignListTerms>;

const PAGE_SIZE = 50;
const EXPORT_PAGE_SIZE = 500;


/** A file name from a campaign's name: letters, digits and hyphens only. */
function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return slug || 'campaign';
}

export interface RecipientsViewOptions {
  getClient: () => SmsClient | undefined;
  localize: Localize;
  /** Speaks a message politely (the host's announcer). */
  announce: (message: string) => void;
}

/**
 * The recipients of one campaign, by state: a paged table with a state filter, and an export of every page (of
 * the chosen state) as CSV. Recipients exist once a campaign starts; drafts and scheduled ones say so.
 */
export class CampaignRecipientsController implements ReactiveController {
  campaignId: string | null = null;
  state: RecipientState | '' = '';
  /** Rows exported so far while an export runs, else null. */
  exporting: number | null = null;
  exportError: string | null = null;
  readonly page: PagedListController<CampaignRecipient>;
  private exportGeneration = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RecipientsViewOptions,
  ) {
    host.addController(this);
    this.page = new PagedListController(host, (cursor) => {
      const client = options.getClient();
      if (!client || !this.campaignId) return null;
      return client.campaigns.recipients(this.campaignId, { ...(this.state && { state: this.state }), cursor, limit: PAGE_SIZE });
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.exportGeneration++;
  }

  open(campaignId: string): void {
    this.campaignId = campaignId;
    this.state = '';
    this.exporting = null;
    this.exportError = null;
    void this.page.reload();
  }

  close(): void {
    this.campaignId = null;
    this.exportGeneration++;
    this.exporting = null;
    this.host.requestUpdate();
  }

  setState(state: RecipientState | ''): void {
    this.state = state;
    void this.page.reload();
  }

  /** Reads every page of the chosen state and saves them as one CSV file. */
  async exportCsv(campaign: Campaign): Promise<void> {
    const client = this.options.getClient();
    if (!client || this.exporting !== null) return;
    const generation = ++this.exportGeneration;
    const { localize } = this.options;
    const rows: CampaignRecipient[] = [];
    this.exporting = 0;
    this.exportError = null;
    this.host.requestUpdate();
    try {
      let cursor: string | undefined;
      do {
        const page = await client.campaigns.recipients(campaign.id, { ...(this.state && { state: this.state }), cursor, limit: EXPORT_PAGE_SIZE });
        if (generation !== this.exportGeneration) return;
        rows.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        this.exporting = rows.length;
        this.host.requestUpdate();
      } while (cursor);
      const fields = [...new Set(rows.flatMap((row) => Object.keys(row.fields)))];
      const columns: CsvColumn[] = [
        { key: '$phone', header: 'phone' },
        { key: '$state', header: 'state' },
        { key: '$line', header: 'line' },
        { key: '$error', header: 'error' },
        { key: '$updated', header: 'updated' },
        ...fields.map((field) => ({ key: `f:${field}`, header: field })),
      ];
      const records = rows.map((row) => {
        const record: Record<string, unknown> = { $phone: row.e164, $state: row.state, $line: row.line, $error: row.error, $updated: row.updatedAt };
        for (const [field, value] of Object.entries(row.fields)) record[`f:${field}`] = value;
        return record;
      });
      downloadText(`${fileSlug(campaign.name)}-recipients${this.state ? `-${this.state}` : ''}.csv`, toCsv(records, columns));
      this.options.announce(localize.term('exported', rows.length));
    } catch (error) {
      if (generation === this.exportGeneration) this.exportError = describeError(error, localize).message;
    } finally {
      if (generation === this.exportGeneration) {
        this.exporting = null;
        this.host.requestUpdate();
      }
    }
  }

  render(campaign: Campaign): TemplateResult {
    const { localize } = this.options;
    const started = campaign.status !== 'draft' && campaign.status !== 'scheduled';
    if (!started) return renderEmpty(localize.term('recipientsAfterStart'));
    return html`
      <div class="toolbar recipients-toolbar">
        <label class="inline-field">
          <span>${localize.term('recipientStateFilter')}</span>
          <select
            class="input"
            part="state-filter"
            .value=${this.state}
            @change=${(event: Event) => this.setState((event.target as HTMLSelectElement).value as RecipientState | '')}
          >
            <option value="" ?selected=${this.state === ''}>${localize.term('allStates')} (${localize.number(campaign.counts.total)})</option>
            ${(Object.keys(STATE_TERM) as RecipientState[]).map(
              (state) =>
                html`<option value=${state} ?selected=${this.state === state}>
                  ${localize.term(STATE_TERM[state])} (${localize.number(campaign.counts[state])})
                </option>`,
            )}
          </select>
        </label>
        <button class="button quiet" part="refresh-button" @click=${() => void this.page.reload()}>${localize.term('refresh')}</button>
        <button class="button" part="export-button" ?disabled=${this.exporting !== null} @click=${() => void this.exportCsv(campaign)}>
          ${this.exporting === null ? localize.term('exportCsv') : localize.term('exporting', this.exporting)}
        </button>
      </div>
      ${this.exportError ? html`<p class="field-error" role="alert">${this.exportError}</p>` : nothing}
      ${this.renderTable()}
    `;
  }

  private renderTable(): TemplateResult {
    const { localize } = this.options;
    const { page } = this;
    if (page.status === 'loading' || page.status === 'idle') return renderLoading(localize.term('loading'));
    if (page.status === 'error') {
      const { message } = describeError(page.error, localize);
      return renderError(message, { label: localize.term('retry'), onRetry: () => void page.reload() });
    }
    if (page.items.length === 0) return renderEmpty(localize.term('noRecipients'));
    const withLines = page.items.some((row) => row.line !== null);
    return html`
      <div class="table-scroll" tabindex="0" role="region" aria-label=${localize.term('recipients')}>
        <table class="table" part="recipients-table">
          <thead>
            <tr>
              <th scope="col">${localize.term('columnIndex')}</th>
              ${withLines ? html`<th scope="col">${localize.term('columnLine')}</th>` : nothing}
              <th scope="col">${localize.term('columnNumber')}</th>
              <th scope="col">${localize.term('columnState')}</th>
              <th scope="col">${localize.term('columnFields')}</th>
              <th scope="col">${localize.term('columnError')}</th>
              <th scope="col">${localize.term('columnUpdated')}</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map(
              (row) => html`<tr>
                <td class="numeric">${localize.number(row.index + 1)}</td>
                ${withLines ? html`<td class="numeric">${row.line === null ? '' : localize.number(row.line)}</td>` : nothing}
                <td><bdi class="phone" dir="ltr">${row.e164}</bdi></td>
                <td><span class="badge state ${row.state}">${localize.term(STATE_TERM[row.state])}</span></td>
                <td class="fields">
                  ${Object.entries(row.fields).map(([field, value]) => html`<span class="field-pair">${localize.term('fieldValue', field, value)}</span> `)}
                </td>
                <td class="error-text">${row.error ?? ''}</td>
                <td><time datetime=${row.updatedAt}>${localize.relativeTime(row.updatedAt)}</time></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${renderShowMore(page, localize)}
    `;
  }
}
