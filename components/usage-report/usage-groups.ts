import type { Department, Extension } from '../../src/model/directory.js';
import type { UsageSummary, UsageTotals } from '../../src/model/usage.js';
import { monthsBetween } from './usage-range.js';

/** What the report groups usage by. */
export const USAGE_GROUPINGS = ['extension', 'department', 'month'] as const;
export type UsageGrouping = (typeof USAGE_GROUPINGS)[number];

/** What the chart measures. */
export const USAGE_MEASURES = ['cost', 'messages', 'segments'] as const;
export type UsageMeasure = (typeof USAGE_MEASURES)[number];

/** One line of the report: an extension, a department or a month, and its usage. */
export interface UsageGroup extends UsageTotals {
  key: string;
  label: string;
}

/** The names of the directory the report shows, by id. */
export interface UsageNames {
  extensions: ReadonlyMap<string, Extension>;
  departments: ReadonlyMap<string, Department>;
}

/** How a group is named: an extension ("201 Alice Nguyen"), a department, a month, or none. */
export interface GroupLabels {
  extension(id: string | null): string;
  department(id: string | null): string;
  month(month: string): string;
}

const zero: UsageTotals = { messages: 0, segments: 0, cost: 0, inbound: 0 };

/**
 * The summary's usage grouped as asked: extensions and departments by what the chart measures, largest first (then
 * by name); months in order, every month of the range, those without usage at zero.
 */
export function groupUsage(summary: UsageSummary, grouping: UsageGrouping, measure: UsageMeasure, labels: GroupLabels): UsageGroup[] {
  if (grouping === 'month') {
    const byMonth = new Map(summary.byMonth.map((row) => [row.month, row]));
    return monthsBetween(summary.from, summary.to).map((month) => {
      return { ...totalsOf(byMonth.get(month) ?? zero), key: month, label: labels.month(month) };
    });
  }
  const groups =
    grouping === 'extension'
      ? summary.byExtension.map((row) => ({ ...totalsOf(row), key: row.extensionId ?? '', label: labels.extension(row.extensionId) }))
      : summary.byDepartment.map((row) => ({ ...totalsOf(row), key: row.departmentId ?? '', label: labels.department(row.departmentId) }));
  return groups.sort((a, b) => b[measure] - a[measure] || a.label.localeCompare(b.label));
}

function totalsOf(row: UsageTotals): UsageTotals {
  return { messages: row.messages, segments: row.segments, cost: row.cost, inbound: row.inbound };
}

/** Whether anything was charged or received in the summary's range. */
export function hasUsage(summary: UsageSummary): boolean {
  const { totals } = summary;
  return totals.messages + totals.segments + totals.cost + totals.inbound > 0;
}
