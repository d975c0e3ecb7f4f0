import { toCsv } from '../../src/csv.js';
import type { UsageRow } from '../../src/model/usage.js';
import { currencyFractionDigits } from '../internal/money.js';
import type { UsageNames } from './usage-groups.js';
import type { Months } from './usage-range.js';

/** `usage-2026-10-to-2026-12.csv`, or `usage-2026-12.csv` for one month. */
export function usageFileName(months: Months): string {
  return months.from === months.to ? `usage-${months.from}.csv` : `usage-${months.from}-to-${months.to}.csv`;
}

/**
 * The CSV an accounts team reads: one row per month, extension and department (by month, then extension number), the
 * extension's number and name, the department's name and cost code, the counts, and the cost as a plain decimal
 * (`12.40`: no symbol, no grouping) with its currency code. An id the directory no longer has is written as it is.
 * Text a spreadsheet would run as a formula is written as text (`toCsv`).
 */
export function usageCsv(rows: readonly UsageRow[], names: UsageNames, currency: string): string {
  const digits = currencyFractionDigits(currency);
  const lines = rows.map((row) => {
    const extension = row.extensionId ? names.extensions.get(row.extensionId) : undefined;
    const department = row.departmentId ? names.departments.get(row.departmentId) : undefined;
    return {
      month: row.month,
      extension: extension?.number ?? row.extensionId ?? '',
      extension_name: extension?.name ?? '',
      department: department?.name ?? row.departmentId ?? '',
      cost_code: department?.costCode ?? '',
      messages: row.messages,
      segments: row.segments,
      inbound: row.inbound,
      cost: (row.cost / 10 ** digits).toFixed(digits),
      currency,
    };
  });
  lines.sort(
    (a, b) => a.month.localeCompare(b.month) || a.extension.localeCompare(b.extension, undefined, { numeric: true }) || a.department.localeCompare(b.department),
  );
  return toCsv(lines, ['month', 'extension', 'extension_name', 'department', 'cost_code', 'messages', 'segments', 'inbound', 'cost', 'currency']);
}
