import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SmsClient } from '../../src/client.js';
import type { UsageSummary } from '../../src/model/usage.js';
import { Announcer } from '../internal/announcer.js';
import { SmsClientElement } from '../internal/client-element.js';
import { controlStyles } from '../internal/controls.styles.js';
import { CsvExportController } from '../internal/csv-export.js';
import { dataTableStyles } from '../internal/data-table.styles.js';
import { downloadText } from '../internal/download.js';
import { describeError } from '../internal/error-text.js';
import { LocalizeController } from '../internal/localize.js';
import { managerStyles } from '../internal/manager.styles.js';
import { formatMinorUnits } from '../internal/money.js';
import { NoticeController } from '../internal/notice.js';
import { readAll } from '../internal/read-all.js';
import { renderEmpty, renderError, renderLoading } from '../internal/states.js';
import { sharedStyles } from '../internal/theme.js';
import { renderUsageChart } from './usage-chart.js';
import { usageCsv, usageFileName } from './usage-csv.js';
import { groupUsage, hasUsage, type GroupLabels, type UsageGroup, type UsageGrouping, type UsageMeasure, type UsageNames } from './usage-groups.js';
import { MAX_MONTHS, monthOf, monthsOf, type Months, type UsageRange } from './usage-range.js';
import styles from './usage-report.styles.js';
import { usageReportTerms } from './usage-report.terms.js';

/** What the report shows once read: the summary of the range and the names of the directory. */
interface Report {
  summary: UsageSummary;
  names: UsageNames;
}

const RANGE_TERMS = {
  'this-month': 'rangeThisMonth',
  'last-month': 'rangeLastMonth',
  'last-3-months': 'rangeLastThreeMonths',
  custom: 'rangeCustom',
} as const;
const GROUPING_TERMS = { extension: 'groupByExtension', department: 'groupByDepartment', month: 'groupByMonth' } as const;
const MEASURE_TERMS = { cost: 'measureCost', messages: 'measureMessages', segments: 'measureSegments' } as const;
/** The grouping inside a sentence: "Cost by extension", "Usage by department". */
const GROUPING_NOUNS = { extension: 'groupingExtension', department: 'groupingDepartment', month: 'groupingMonth' } as const;

/** The label of a choice of the toolbar. */
type ChoiceTerm = (typeof RANGE_TERMS)[UsageRange] | (typeof GROUPING_TERMS)[UsageGrouping] | (typeof MEASURE_TERMS)[UsageMeasure];

/**
 * @tagname sms-usage-report
 * @summary Messages, parts (segments) and cost per extension, department or month, for a chosen range (this month,
 * last month, the last 3 months, or custom months): totals, a bar chart drawn by the element (the largest groups,
 * readable at a glance in light and dark; hidden from assistive technology, as the table beside it holds the same
 * numbers), the table with its total row, and a CSV export for an accounts team (one row per month, extension and
 * department, with the department's cost code and the cost as a plain decimal with its currency; formula-safe).
 * Costs are in the organisation's currency, formatted for the page's language. Administrators see the whole
 * organisation; a user sees the usage of their own extensions, as the backend allows. Columns leave the table as
 * the element narrows.
 *
 * @attribute {'light' | 'dark'} scheme - Forces a colour scheme; by default it follows `prefers-color-scheme`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The range, grouping and chart choices and the export button.
 * @csspart range - The range choice.
 * @csspart from - The first month of a custom range.
 * @csspart to - The last month of a custom range.
 * @csspart range-error - Why a custom range cannot be read.
 * @csspart group-by - The grouping choice.
 * @csspart measure - What the chart shows.
 * @csspart export-button - "Export CSV".
 * @csspart span - The months shown, in words.
 * @csspart totals - The totals of the range.
 * @csspart chart - The bar chart.
 * @csspart table - The table of the same numbers.
 * @csspart notice - An error or confirmation above the content.
 * @csspart status - Loading, empty and error blocks.
 *
 * @cssproperty --sms-usage-report-height - Height the table grows to before it scrolls. Default: `28rem`.
 * @cssproperty --sms-color-surface - Background of the element.
 * @cssproperty --sms-color-surface-alt - The bars' track, the totals.
 * @cssproperty --sms-color-text - Text colour, labels and values of the chart.
 * @cssproperty --sms-color-text-muted - Secondary text: hints, headers, the bar that adds up the rest.
 * @cssproperty --sms-color-border - Borders and separators.
 * @cssproperty --sms-color-accent - The bars, primary buttons.
 * @cssproperty --sms-color-danger - Errors, a custom range that cannot be read.
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
 *   <sms-usage-report range="last-3-months" group-by="department"></sms-usage-report>
 * </sms-provider>
 * ```
 */
export class SmsUsageReport extends SmsClientElement {
  static override styles = [sharedStyles, controlStyles, dataTableStyles, managerStyles, styles];

  /**
   * The months read: this month, last month, the last 3 months (this one included), or `custom` (`from` to `to`).
   * Months are counted in UTC, as the backend counts usage. The user can change it.
   * @default 'this-month'
   */
  @property({ reflect: true }) range: UsageRange = 'this-month';

  /** The first month of a custom range, `YYYY-MM`. */
  @property() from?: string;

  /** The last month of a custom range, `YYYY-MM`. */
  @property() to?: string;

  /**
   * What the chart and the table group usage by. The user can change it.
   * @default 'extension'
   */
  @property({ attribute: 'group-by', reflect: true }) groupBy: UsageGrouping = 'extension';

  /**
   * What the chart measures: the cost, the messages, or their parts. The user can change it.
   * @default 'cost'
   */
  @property({ reflect: true }) measure: UsageMeasure = 'cost';

  private readonly localize = new LocalizeController(this, usageReportTerms);
  private readonly announcer = new Announcer(this);
  private readonly notice = new NoticeController(this, { announcer: this.announcer, describe: (error) => this.describe(error) });
  private readonly exporter = new CsvExportController(this);
  /** The directory's names, read once per client. */
  private names: { client: SmsClient; names: UsageNames } | undefined;

  private readonly report = new Task(this, {
    args: () => {
      const months = this.months;
      return [this.smsClient, typeof months === 'string' ? undefined : months.from, typeof months === 'string' ? undefined : months.to] as const;
    },
    task: async ([client, from, to]): Promise<Report | null> => {
      if (!client || !from || !to) return null;
      const [summary, names] = await Promise.all([client.usage.summary({ from, to }), this.readNames(client)]);
      return { summary, names };
    },
  });

  private get isAdmin(): boolean {
    return this.smsClient?.principal.role === 'admin';
  }

  /** The months of the range, or what is wrong with a custom one. */
  private get months(): ReturnType<typeof monthsOf> {
    return monthsOf(this.range, monthOf(new Date()), { from: this.from, to: this.to });
  }

  /** The extensions and departments, to name the groups ("201 Alice Nguyen", "Sales"); every role may read them. */
  private async readNames(client: SmsClient): Promise<UsageNames> {
    if (this.names?.client === client) return this.names.names;
    const [extensions, departments] = await Promise.all([
      readAll((cursor, limit) => client.directory.extensions({ cursor, limit })),
      readAll((cursor, limit) => client.directory.departments({ cursor, limit })),
    ]);
    const names: UsageNames = {
      extensions: new Map(extensions.map((extension) => [extension.id, extension])),
      departments: new Map(departments.map((department) => [department.id, department])),
    };
    this.names = { client, names };
    return names;
  }

  private describe(error: unknown): string {
    return describeError(error, this.localize).message;
  }

  private labels(names: UsageNames): GroupLabels {
    const { localize } = this;
    return {
      extension: (id) => {
        if (id === null) return localize.term('noExtension');
        const extension = names.extensions.get(id);
        return extension ? localize.term('extensionName', extension.number, extension.name) : localize.term('unknownExtension');
      },
      department: (id) => (id === null ? localize.term('noDepartment') : (names.departments.get(id)?.name ?? localize.term('unknownDepartment'))),
      month: (month) => this.monthName(month),
    };
  }

  /** "October 2026", in the page's language. */
  private monthName(month: string): string {
    return this.localize.date(`${month}-01T00:00:00Z`, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  private money(minor: number, currency: string): string {
    return formatMinorUnits(this.localize, minor, currency);
  }

  // --- actions ---

  private choose(event: Event, apply: (value: string) => void): void {
    apply((event.target as HTMLSelectElement | HTMLInputElement).value);
  }

  /** A custom range starts from the months shown, so that switching to it changes nothing until a month is chosen. */
  private chooseRange(value: string): void {
    const months = this.months;
    if (value === 'custom' && typeof months !== 'string') {
      this.from ??= months.from;
      this.to ??= months.to;
    }
    this.range = value as UsageRange;
  }

  /** The rows of the range, one per month, extension and department, as CSV for an accounts team. */
  private async exportCsv(): Promise<void> {
    const client = this.smsClient;
    const months = this.months;
    if (!client || typeof months === 'string') return;
    let names: UsageNames | undefined;
    let currency = '';
    await this.notice.attempt(() =>
      this.exporter.run(
        async () => {
          const [items, read, summary] = await Promise.all([
            client.usage.rows(months),
            this.readNames(client),
            this.report.value?.summary ?? client.usage.summary(months),
          ]);
          names = read;
          currency = summary.currency;
          return { items, nextCursor: null };
        },
        (items) => {
          downloadText(usageFileName(months), usageCsv(items, names!, currency));
          this.notice.say(this.localize.term('usageExported', items.length));
        },
      ),
    );
  }

  // --- rendering ---

  override render(): TemplateResult {
    if (!this.smsClient) return this.renderMissingClient(this.localize.term('noClient'));
    const { localize } = this;
    const admin = this.isAdmin;
    const currency = this.report.value?.summary.currency;
    return html`<div part="base" class="base">
      <div class="header">
        <h2 id="usage-title">${localize.term(admin ? 'usageTitle' : 'usageUserTitle')}</h2>
        ${currency ? html`<p class="hint">${localize.term(admin ? 'usageIntro' : 'usageUserIntro', currency)}</p>` : nothing}
      </div>
      ${this.notice.render(localize.term('close'))} ${this.renderToolbar()}
      <div class="report">${this.renderBody()}</div>
      ${this.announcer.render()}
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const { localize } = this;
    const months = this.months;
    return html`<div part="toolbar" class="toolbar usage-toolbar">
      ${this.renderSelect('range', localize.term('rangeLabel'), this.range, RANGE_TERMS, (value) => this.chooseRange(value))}
      ${this.range === 'custom'
        ? html`${this.renderMonth('from', localize.term('fromLabel'), this.from, (value) => (this.from = value))}
          ${this.renderMonth('to', localize.term('toLabel'), this.to, (value) => (this.to = value))}`
        : nothing}
      ${this.renderSelect('group-by', localize.term('groupByLabel'), this.groupBy, GROUPING_TERMS, (value) => (this.groupBy = value as UsageGrouping))}
      ${this.renderSelect('measure', localize.term('measureLabel'), this.measure, MEASURE_TERMS, (value) => (this.measure = value as UsageMeasure))}
      ${typeof months === 'string'
        ? html`<p id="range-error" part="range-error" class="field-error range-error" role="alert">${this.rangeProblem(months)}</p>`
        : html`<div class="toolbar-actions">${this.exporter.render(localize, () => void this.exportCsv(), (count) => localize.term('exporting', count))}</div>`}
    </div>`;
  }

  private renderSelect<K extends string>(
    id: string,
    label: string,
    value: K,
    options: Readonly<Record<K, ChoiceTerm>>,
    apply: (value: string) => void,
  ): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} class="input" part=${id} @change=${(event: Event) => this.choose(event, apply)}>
        ${(Object.keys(options) as K[]).map((key) => html`<option value=${key} ?selected=${key === value}>${this.localize.term<ChoiceTerm>(options[key])}</option>`)}
      </select>
    </div>`;
  }

  private renderMonth(id: 'from' | 'to', label: string, value: string | undefined, apply: (value: string) => void): TemplateResult {
    const invalid = typeof this.months === 'string';
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        class="input month-input"
        part=${id}
        type="month"
        .value=${value ?? ''}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'range-error' : nothing}
        @change=${(event: Event) => this.choose(event, apply)}
      />
    </div>`;
  }

  private rangeProblem(problem: Exclude<ReturnType<typeof monthsOf>, Months>): string {
    const { localize } = this;
    if (problem === 'reversed') return localize.term('rangeReversed');
    if (problem === 'too-long') return localize.term('rangeTooLong', MAX_MONTHS);
    return localize.term('rangeMissing');
  }

  private renderBody(): TemplateResult | typeof nothing {
    const { localize } = this;
    if (typeof this.months === 'string') return nothing;
    return this.report.render({
      initial: () => renderLoading(localize.term('loading')),
      pending: () => renderLoading(localize.term('loading')),
      error: (error) => renderError(this.describe(error), { label: localize.term('retry'), onRetry: () => void this.retry() }),
      complete: (report) => (report ? this.renderReport(report) : nothing),
    }) as TemplateResult | typeof nothing;
  }

  /** "Try again": the summary, and the names if they failed with it. */
  private retry(): void {
    void this.report.run();
  }

  private renderReport({ summary, names }: Report): TemplateResult {
    const { localize } = this;
    const span =
      summary.from === summary.to ? this.monthName(summary.from) : localize.term('rangeSpan', this.monthName(summary.from), this.monthName(summary.to));
    if (!hasUsage(summary)) return html`<p part="span" class="span">${span}</p>${renderEmpty(localize.term('usageEmpty'))}`;
    const groups = groupUsage(summary, this.groupBy, this.measure, this.labels(names));
    const grouping = localize.term(GROUPING_TERMS[this.groupBy]);
    const noun = localize.term(GROUPING_NOUNS[this.groupBy]);
    const format = (value: number) => (this.measure === 'cost' ? this.money(value, summary.currency) : localize.number(value));
    return html`<p part="span" class="span">${span}</p>
      ${this.renderTotals(summary)}
      <div class="panels">
        ${renderUsageChart({
          groups,
          measure: this.measure,
          format,
          others: (count) => localize.term('chartOthers', count),
          title: localize.term('chartTitle', localize.term(MEASURE_TERMS[this.measure]), noun),
          ordered: this.groupBy === 'month',
        })}
        ${this.renderTable(summary, groups, grouping, noun)}
      </div>`;
  }

  private renderTotals(summary: UsageSummary): TemplateResult {
    const { localize } = this;
    const { totals } = summary;
    return html`<dl part="totals" class="totals" aria-label=${localize.term('totalsLabel')}>
      <div><dt>${localize.term('totalMessages')}</dt><dd>${localize.number(totals.messages)}</dd></div>
      <div><dt>${localize.term('usageTotalSegments')}</dt><dd>${localize.number(totals.segments)}</dd></div>
      <div><dt>${localize.term('totalCost')}</dt><dd>${this.money(totals.cost, summary.currency)}</dd></div>
      <div class="inbound"><dt>${localize.term('totalInbound')}</dt><dd>${localize.number(totals.inbound)}</dd></div>
    </dl>`;
  }

  private renderTable(summary: UsageSummary, groups: readonly UsageGroup[], grouping: string, noun: string): TemplateResult {
    const { localize } = this;
    const { totals, currency } = summary;
    const cells = (row: UsageGroup | typeof totals) => html`<td class="num">${localize.number(row.messages)}</td>
      <td class="num col-segments">${localize.number(row.segments)}</td>
      <td class="num col-inbound">${localize.number(row.inbound)}</td>
      <td class="num">${this.money(row.cost, currency)}</td>`;
    return html`<div class="table-box">
      <div class="table-scroll" part="table" tabindex="0" role="region" aria-labelledby="usage-caption">
        <table class="table usage-table">
          <caption id="usage-caption" class="sms-visually-hidden">${localize.term('tableCaption', noun)}</caption>
          <thead>
            <tr>
              <th scope="col" class="col-group">${grouping}</th>
              <th scope="col" class="num">${localize.term('columnMessages')}</th>
              <th scope="col" class="num col-segments">${localize.term('columnSegments')}</th>
              <th scope="col" class="num col-inbound">${localize.term('columnInbound')}</th>
              <th scope="col" class="num">${localize.term('columnCost')}</th>
            </tr>
          </thead>
          <tbody>
            ${groups.map((group) => html`<tr><th scope="row" class="col-group" title=${group.label}><bdi>${group.label}</bdi></th>${cells(group)}</tr>`)}
          </tbody>
          <tfoot>
            <tr><th scope="row" class="col-group">${localize.term('rowTotal')}</th>${cells(totals)}</tr>
          </tfoot>
        </table>
      </div>
    </div>`;
  }
}
