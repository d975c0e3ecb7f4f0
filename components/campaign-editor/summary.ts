import { html, nothing, type TemplateResult } from 'lit';
import type { CampaignEstimate } from '../../src/model/index.js';
import type { LocalizeController } from '../internal/localize.js';
import type { CampaignEditorTerms } from './campaign-editor.terms.js';

type Localize = LocalizeController<CampaignEditorTerms>;

export interface SummaryOptions {
  localize: Localize;
  estimate: CampaignEstimate;
  /** Something changed since the estimate: it says to check again. */
  stale: boolean;
  money: (minor: number, currency: string) => string;
}

/** The summary of a checked campaign: who it is sent to, who is left out, the parts and the cost. */
export function renderSummary({ localize, estimate, stale, money }: SummaryOptions): TemplateResult {
  const row = (label: string, value: string, className = '') => html`<div class=${`summary-row ${className}`}><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<section part="summary" class="section summary ${stale ? 'stale' : ''}" aria-labelledby="summary-title">
    <h3 id="summary-title" class="section-title">${localize.term('summary')}</h3>
    ${stale ? html`<p class="field-warning">${localize.term('summaryStale')}</p>` : nothing}
    <dl>
      ${row(localize.term('deliverable'), localize.number(estimate.deliverable), 'deliverable')}
      ${row(
        localize.term('excluded'),
        localize.term('excludedCounts', localize.number(estimate.invalid), localize.number(estimate.duplicate), localize.number(estimate.blocked)),
        'excluded',
      )}
      ${row(localize.term('encoding'), localize.term(estimate.encoding === 'GSM-7' ? 'encodingGsm' : 'encodingUcs2'), 'encoding')}
      ${row(localize.term('segmentsPerMessage'), localize.number(estimate.segmentsPerMessage), 'segments-per-message')}
      ${row(localize.term('totalSegments'), localize.number(estimate.totalSegments), 'total-segments')}
      ${row(localize.term('estimatedCost'), money(estimate.cost, estimate.currency), 'cost')}
    </dl>
  </section>`;
}
