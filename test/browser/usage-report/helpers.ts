// Fixtures of the <sms-usage-report> tests: the element on a client, waiting for its report, and what it shows.
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SmsUsageReport } from '../../../components/usage-report/usage-report.js';
import '../../../components/usage-report/sms-usage-report.js';
import type { SmsClient } from '../../../src/index.js';
import { $, $$, find, text } from '../manager-helpers.js';

export interface ReportOptions {
  range?: string;
  from?: string;
  to?: string;
  groupBy?: string;
  measure?: string;
  scheme?: 'light' | 'dark';
  width?: number;
}

/** A usage report on `client` (nothing awaited beyond the first render). */
export function usageReport(client: SmsClient | undefined, options: ReportOptions = {}): Promise<SmsUsageReport> {
  return fixture<SmsUsageReport>(html`<sms-usage-report
    .client=${client}
    range=${ifDefined(options.range)}
    from=${ifDefined(options.from)}
    to=${ifDefined(options.to)}
    group-by=${ifDefined(options.groupBy)}
    measure=${ifDefined(options.measure)}
    scheme=${ifDefined(options.scheme)}
    style=${ifDefined(options.width ? `width: ${options.width}px` : undefined)}
  ></sms-usage-report>`);
}

/** A usage report with its table shown. */
export async function loadedReport(client: SmsClient, options: ReportOptions = {}): Promise<SmsUsageReport> {
  const el = await usageReport(client, options);
  await find(el, '.usage-table tbody tr', 'the usage table', 10000);
  return el;
}

const shown = (node: Element) => getComputedStyle(node).display !== 'none';

/** The table's rows as seen, each as its shown cells' text: the body's rows, then the total row. */
export function tableRows(el: Element): string[][] {
  return $$(el, '.usage-table tbody tr, .usage-table tfoot tr').map((row) => [...row.querySelectorAll('th, td')].filter(shown).map(text));
}

/** The table's shown column headers. */
export function headers(el: Element): string[] {
  return $$(el, '.usage-table thead th').filter(shown).map(text);
}

/** The totals, by their label: { Messages: '412', ... }. */
export function totals(el: Element): Record<string, string> {
  return Object.fromEntries($$(el, '[part~="totals"] > div').map((tile) => [text(tile.querySelector('dt')), text(tile.querySelector('dd'))]));
}

/** The chart's bars: label, value and width (a percentage of the widest). */
export function bars(el: Element): Array<{ label: string; value: string; width: number }> {
  return $$(el, '[part~="chart"] .bar-row').map((row) => ({
    label: row.querySelector('.bar-label')!.textContent!,
    value: row.querySelector('.bar-value')!.textContent!,
    width: Number.parseFloat(row.querySelector('.bar')!.getAttribute('width')!),
  }));
}

/** Chooses an option of one of the toolbar's selects, as picking it with the mouse would. */
export async function choose(el: SmsUsageReport, name: 'range' | 'group-by' | 'measure', value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `select[part~="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Sets a month of a custom range, as the month picker does. */
export async function pickMonth(el: SmsUsageReport, name: 'from' | 'to', month: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `input[part~="${name}"]`)!;
  input.value = month;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}
