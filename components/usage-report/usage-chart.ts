import { html, svg, type TemplateResult } from 'lit';
import type { UsageGroup, UsageMeasure } from './usage-groups.js';

/** The most bars drawn: the largest groups, the rest added up in a last bar. */
export const MAX_BARS = 12;
/** Labels longer than this end in an ellipsis in the chart (the table holds them whole). */
const LABEL_CHARS = 26;
/** Geometry of one bar, in CSS pixels: its row, the baseline of its label and value, the bar under them. */
const ROW = 44;
const TEXT_BASELINE = 16;
const BAR_TOP = 22;
const BAR_HEIGHT = 14;

export interface UsageChartOptions {
  groups: readonly UsageGroup[];
  measure: UsageMeasure;
  /** A value as the table shows it: a count, or money in the organisation's currency. */
  format: (value: number) => string;
  /** The label of the last bar, which adds up the groups left out: "4 others". */
  others: (count: number) => string;
  /** What the chart shows: "Cost by extension". */
  title: string;
  /** Months keep their order and are all drawn; extensions and departments beyond `MAX_BARS` are added up. */
  ordered: boolean;
}

interface Bar {
  label: string;
  value: number;
  others: boolean;
}

/** The bars to draw: every group, or the largest and one bar for the rest. */
export function chartBars(groups: readonly UsageGroup[], measure: UsageMeasure, ordered: boolean, others: (count: number) => string): Bar[] {
  const bars = (list: readonly UsageGroup[]) => list.map((group) => ({ label: group.label, value: group[measure], others: false }));
  if (ordered || groups.length <= MAX_BARS) return bars(groups);
  const rest = groups.slice(MAX_BARS - 1);
  return [...bars(groups.slice(0, MAX_BARS - 1)), { label: others(rest.length), value: rest.reduce((sum, group) => sum + group[measure], 0), others: true }];
}

function shorten(label: string): string {
  const characters = [...label];
  return characters.length > LABEL_CHARS ? `${characters.slice(0, LABEL_CHARS - 1).join('')}…` : label;
}

/**
 * The bar chart of `<sms-usage-report>`, drawn as SVG by the element (no chart library): one horizontal bar per group,
 * its label above it at the start and its value at the end, the longest bar the largest value. The chart is hidden
 * from assistive technology (`aria-hidden`): the table beside it holds the same numbers. Colours are the element's
 * tokens, so the chart follows the light and dark schemes and the page's `--sms-*` properties.
 */
export function renderUsageChart(options: UsageChartOptions): TemplateResult {
  const { format } = options;
  const bars = chartBars(options.groups, options.measure, options.ordered, options.others);
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW;
  return html`<div class="chart" part="chart" aria-hidden="true">
    <p class="chart-title">${options.title}</p>
    <svg class="chart-svg" width="100%" height=${height} role="presentation" focusable="false">
      ${bars.map((bar, index) => {
        const top = index * ROW;
        const width = max > 0 ? Math.max(bar.value > 0 ? 0.5 : 0, (bar.value / max) * 100) : 0;
        return svg`<g class=${bar.others ? 'bar-row others' : 'bar-row'}>
          <title>${bar.label}: ${format(bar.value)}</title>
          <text class="bar-label" x="0" y=${top + TEXT_BASELINE}>${shorten(bar.label)}</text>
          <text class="bar-value" x="100%" y=${top + TEXT_BASELINE} text-anchor="end">${format(bar.value)}</text>
          <rect class="bar-track" x="0" y=${top + BAR_TOP} width="100%" height=${BAR_HEIGHT} rx="3"></rect>
          <rect class="bar" x="0" y=${top + BAR_TOP} width="${width}%" height=${BAR_HEIGHT} rx="3"></rect>
        </g>`;
      })}
    </svg>
  </div>`;
}
