import { commonTerms } from '../internal/common.terms.js';
import type { Terms } from '../internal/localize.js';

/**
 * The English texts of `<sms-usage-report>`, the fallback for every language. Translate them with
 * `registerTranslation({ $code: 'fr', usageTitle: 'Consommation SMS', ... })`.
 */
export const usageReportTerms = {
  ...commonTerms,
  usageTitle: 'SMS usage',
  usageUserTitle: 'Your SMS usage',
  /** {0}: the organisation's currency ("AUD"). */
  usageIntro: 'Messages, parts and cost charged to each extension and department. Costs are in {0}.',
  usageUserIntro: 'Messages, parts and cost charged to your extensions. Costs are in {0}.',
  usageEmpty: 'No messages were charged in this range.',
  rangeLabel: 'Range',
  rangeThisMonth: 'This month',
  rangeLastMonth: 'Last month',
  rangeLastThreeMonths: 'Last 3 months',
  rangeCustom: 'Custom',
  fromLabel: 'From',
  toLabel: 'To',
  rangeReversed: 'The first month is after the last one.',
  /** {0}: the most months a custom range may hold. */
  rangeTooLong: 'Choose at most {0} months.',
  rangeMissing: 'Choose the first and last month.',
  /** {0}: the first month ("October 2026"); {1}: the last. */
  rangeSpan: '{0} – {1}',
  groupByLabel: 'Group by',
  groupByExtension: 'Extension',
  groupByDepartment: 'Department',
  groupByMonth: 'Month',
  /** The grouping inside a sentence ("Cost by extension"). */
  groupingExtension: 'extension',
  groupingDepartment: 'department',
  groupingMonth: 'month',
  measureLabel: 'Chart shows',
  measureCost: 'Cost',
  measureMessages: 'Messages',
  measureSegments: 'Parts',
  totalsLabel: 'Totals',
  totalMessages: 'Messages',
  usageTotalSegments: 'Parts',
  totalCost: 'Cost',
  totalInbound: 'Received',
  columnMessages: 'Messages',
  columnSegments: 'Parts',
  columnInbound: 'Received',
  columnCost: 'Cost',
  rowTotal: 'Total',
  noExtension: 'No extension',
  noDepartment: 'No department',
  unknownExtension: 'Extension not found',
  unknownDepartment: 'Department not found',
  /** {0}: the extension's number ("201"); {1}: its name. */
  extensionName: '{0} {1}',
  /** The bar that adds up the groups left out of the chart. */
  chartOthers: { one: '# other', other: '# others' },
  /** {0}: what the chart shows ("Cost"); {1}: what it is grouped by ("extension"). */
  chartTitle: '{0} by {1}',
  /** {0}: what the table is grouped by ("extension"). */
  tableCaption: 'Usage by {0}',
  exportCsv: 'Export CSV',
  exporting: { one: 'Exporting… # row', other: 'Exporting… # rows' },
  usageExported: { one: 'Exported # row.', other: 'Exported # rows.' },
} satisfies Terms;

export type UsageReportTerms = typeof usageReportTerms;
