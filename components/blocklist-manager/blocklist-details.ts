import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SmsClient } from '../../src/client.js';
import type { BlocklistAudit, BlocklistEntry, BlocklistSource } from '../../src/model/blocklist.js';
import { formatPhone } from '../internal/phone.js';
import type { LocalizeController } from '../internal/localize.js';
import { PagedListController } from '../internal/paged-list.js';
import { renderError, renderLoading } from '../internal/states.js';
import type { BlocklistManagerTerms } from './blocklist-manager.terms.js';

type Localize = LocalizeController<BlocklistManagerTerms>;

const SOURCE_KEYS = { manual: 'sourceManual', 'opt-out': 'sourceOptOut', import: 'sourceImport' } as const satisfies Record<BlocklistSource, keyof BlocklistManagerTerms>;

/** The label of a source in the element's language. */
export function sourceLabel(localize: Localize, source: BlocklistSource): string {
  return localize.term(SOURCE_KEYS[source]);
}

/** A source as a badge (`source-manual`, `source-opt-out`, `source-import`: never a class the panels use). */
export function renderSourceBadge(localize: Localize, source: BlocklistSource): TemplateResult {
  return html`<span class="badge source source-${source}">${sourceLabel(localize, source)}</span>`;
}

export interface BlocklistDetailsOptions {
  localize: Localize;
  client: () => SmsClient | undefined;
  /** The name to show for a user id (`system` for opt-outs). */
  /** How a user is shown: the name recorded with the entry when there is one. */
  who: (userId: string, name?: string | null) => string;
  describe: (error: unknown) => string;
  /** Administrators see the audit trail. */
  canSeeHistory: () => boolean;
}

/**
 * The details panel of `<sms-blocklist-manager>`: one blocked number in full (the opt-out message as text) and its
 * audit trail, newest first (administrators only: `client.blocklist.history({ e164 })`).
 */
export class BlocklistDetailsController implements ReactiveController {
  entry: BlocklistEntry | null = null;
  private readonly history: PagedListController<BlocklistAudit>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BlocklistDetailsOptions,
  ) {
    host.addController(this);
    this.history = new PagedListController<BlocklistAudit>(host, (cursor) => {
      const client = options.client();
      const entry = this.entry;
      if (!client || !entry || !options.canSeeHistory()) return null;
      return client.blocklist.history({ e164: entry.e164, cursor, limit: 20 });
    });
  }

  hostConnected(): void {}

  open(entry: BlocklistEntry): void {
    this.entry = entry;
    void this.history.reload();
    this.host.requestUpdate();
  }

  close(): void {
    this.entry = null;
    this.host.requestUpdate();
  }

  /** The number changed (live): show it as it is now (or as removed) and read its history again. */
  refresh(entry: BlocklistEntry | null): void {
    if (!this.entry) return;
    if (entry) this.entry = entry;
    void this.history.reload();
  }

  render(onClose: () => void): TemplateResult | typeof nothing {
    const { entry } = this;
    if (!entry) return nothing;
    const { localize } = this.options;
    const number = formatPhone(entry.e164);
    return html`<aside
      part="details"
      class="details"
      aria-labelledby="details-title"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <div class="details-header">
        <h3 id="details-title">${localize.term('details', number)}</h3>
        <button type="button" class="button quiet" part="details-close" @click=${onClose}>${localize.term('closeDetails')}</button>
      </div>
      <dl class="facts">
        <dt>${localize.term('columnSource')}</dt>
        <dd>${renderSourceBadge(localize, entry.source)}</dd>
        <dt>${localize.term('columnReason')}</dt>
        <dd class="reason">${entry.reason || '—'}</dd>
        <dt>${localize.term('columnAddedBy')}</dt>
        <dd><bdi>${this.options.who(entry.addedBy, entry.addedByName)}</bdi></dd>
        <dt>${localize.term('columnAddedAt')}</dt>
        <dd><time datetime=${entry.addedAt}>${localize.date(entry.addedAt, { dateStyle: 'full', timeStyle: 'short' })}</time></dd>
        ${entry.source === 'opt-out' || entry.message
          ? html`<dt>${localize.term('triggeringMessage')}</dt>
              <dd>${entry.message ? html`<blockquote class="message" part="opt-out-message">${entry.message}</blockquote>` : localize.term('noMessage')}</dd>`
          : nothing}
      </dl>
      <h4>${localize.term('history')}</h4>
      ${this.renderHistory()}
    </aside>`;
  }

  private renderHistory(): TemplateResult {
    const { localize } = this.options;
    if (!this.options.canSeeHistory()) return html`<p class="hint">${localize.term('historyAdminOnly')}</p>`;
    const { history } = this;
    if (history.status === 'error') return renderError(this.options.describe(history.error), { label: localize.term('retry'), onRetry: () => void history.reload() });
    if (history.status !== 'ready') return renderLoading(localize.term('loading'));
    if (history.items.length === 0) return html`<p class="hint">${localize.term('historyEmpty')}</p>`;
    return html`<ol class="history" part="history">
        ${history.items.map(
          (audit) => html`<li class="history-item ${audit.action}">
            <div class="history-line">
              <strong>${localize.term(audit.action === 'added' ? 'historyAdded' : 'historyRemoved')}</strong>
              ${renderSourceBadge(localize, audit.source)}
              <span class="hint">${localize.term('historyBy', this.options.who(audit.by, audit.byName))}</span>
              <time class="hint" datetime=${audit.at}>${localize.date(audit.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            </div>
            ${audit.reason ? html`<div class="reason">${audit.reason}</div>` : nothing}
            ${audit.message ? html`<blockquote class="message">${audit.message}</blockquote>` : nothing}
          </li>`,
        )}
      </ol>
      ${history.hasMore
        ? html`<button type="button" class="button quiet" ?disabled=${history.loadingMore} @click=${() => void history.loadMore()}>${localize.term('historyLoadMore')}</button>`
        : nothing}`;
  }
}
