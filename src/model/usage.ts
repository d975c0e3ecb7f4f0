import * as z from 'zod';
import { Id, MinorUnits, Month } from './common.js';

export const UsageTotals = z.object({
  /** Messages charged: one per recipient. */
  messages: z.number().int().nonnegative(),
  segments: z.number().int().nonnegative(),
  cost: MinorUnits,
  inbound: z.number().int().nonnegative(),
});
export type UsageTotals = z.infer<typeof UsageTotals>;

/** Usage of one extension (and its department) in one month. */
export const UsageRow = UsageTotals.extend({
  month: Month,
  extensionId: Id.nullable(),
  departmentId: Id.nullable(),
});
export type UsageRow = z.infer<typeof UsageRow>;

/** First and last month of usage asked for, inclusive; by default the current month. */
export const MonthRange = z.object({
  from: Month.optional(),
  to: Month.optional(),
});
export type MonthRange = z.input<typeof MonthRange>;

export const UsageQuery = MonthRange.extend({
  extensionId: Id.optional(),
  departmentId: Id.optional(),
});
export type UsageQuery = z.input<typeof UsageQuery>;

/** What an administrator's home shows. */
export const UsageSummary = z.object({
  from: Month,
  to: Month,
  currency: z.string().length(3),
  totals: UsageTotals,
  byMonth: z.array(UsageTotals.extend({ month: Month })),
  byExtension: z.array(UsageTotals.extend({ extensionId: Id.nullable() })),
  byDepartment: z.array(UsageTotals.extend({ departmentId: Id.nullable() })),
  /** Numbers in service and users who can send. */
  numbers: z.number().int().nonnegative(),
  senders: z.number().int().nonnegative(),
});
export type UsageSummary = z.infer<typeof UsageSummary>;
