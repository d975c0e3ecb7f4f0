import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Campaign, CampaignCounts, RecipientState } from '../../src/model/index.js';
import type { LocalizeController } from '../internal/localize.js';
import { processedCount } from './campaign-actions.js';
import type { CampaignListTerms } from './campaign-list.terms.js';

type Localize = LocalizeController<CampaignListTerms>;

/**
 * The parts the total splits into, in order; each recipient is in exactly one, so that they add up to the total.
 * Those in `WHEN_ANY` show only when there are some.
 */
const PARTS: readonly (keyof CampaignCounts)[] = ['delivered', 'sent', 'failed', 'unknown', 'sending', 'pending', 'blocked', 'invalid', 'duplicate'];
const WHEN_ANY: ReadonlySet<keyof CampaignCounts> = new Set(['unknown', 'sending', 'pending']);

/** Terms of the recipient states, in the order the filter lists them (kept here: the model's list brings zod in); also the names of the counts. */
export const STATE_TERM = {
  pending: 'statePending',
  sending: 'stateSending',
  sent: 'stateSent',
  delivered: 'stateDelivered',
  failed: 'stateFailed',
  blocked: 'stateBlocked',
  invalid: 'stateInvalid',
  duplicate: 'stateDuplicate',
  unknown: 'stateUnknown',
} as const satisfies Record<RecipientState, keyof CampaignListTerms>;

const COUNT_TERM = { total: 'stateTotal', ...STATE_TERM } as const satisfies Record<keyof CampaignCounts, keyof CampaignListTerms>;

/** The bar's stacked parts: delivered, sent (awaiting a report), failed or unknown, and held back. */
const BAR_PARTS: ReadonlyArray<[className: string, of: (counts: CampaignCounts) => number]> = [
  ['delivered', (c) => c.delivered],
  ['sent', (c) => c.sent],
  ['failed', (c) => c.failed + c.unknown],
  ['held', (c) => c.blocked + c.invalid + c.duplicate],
];

function percent(part: number, total: number): number {
  return total > 0 ? Math.min(100, (part / total) * 100) : 0;
}

/**
 * A campaign's progress bar: one `role="progressbar"` whose value is the recipients processed, drawn as stacked
 * parts (delivered, sent, failed, held back) so that the colours say how it goes.
 */
export function renderProgress(campaign: Campaign, localize: Localize): TemplateResult {
  const { counts } = campaign;
  const done = processedCount(counts);
  const text = localize.term(
    'progressText',
    localize.number(done),
    localize.number(counts.total),
    localize.number(counts.total > 0 ? done / counts.total : 0, { style: 'percent' }),
  );
  return html`<div class="progress-row">
    <div
      part="progress"
      class="progress"
      role="progressbar"
      aria-label=${localize.term('progressOf', campaign.name)}
      aria-valuemin="0"
      aria-valuemax=${counts.total}
      aria-valuenow=${done}
      aria-valuetext=${text}
    >
      ${BAR_PARTS.map(([name, of]) => {
        const width = percent(of(counts), counts.total);
        return width > 0 ? html`<span class="bar ${name}" style=${styleMap({ width: `${width}%` })}></span>` : nothing;
      })}
    </div>
    <span class="progress-text" aria-hidden="true">${text}</span>
  </div>`;
}

/**
 * The counts as a description list: the total, then the parts it splits into, which add up to it (delivered, sent
 * and not confirmed yet, failed, blocked, invalid, duplicate; unknown, sending and pending when there are some).
 */
export function renderCounts(campaign: Campaign, localize: Localize): TemplateResult {
  const { counts } = campaign;
  const shown = ['total' as const, ...PARTS.filter((key) => !WHEN_ANY.has(key) || counts[key] > 0)];
  return html`<dl part="counts" class="counts" aria-label=${localize.term('countsLabel', campaign.name)}>
    ${shown.map(
      (key) => html`<div class="count ${key} ${counts[key] > 0 ? 'some' : ''}">
        <dt>${localize.term(COUNT_TERM[key])}</dt>
        <dd>${localize.number(counts[key])}</dd>
      </div>`,
    )}
  </dl>`;
}
