/** The ranges `<sms-usage-report>` offers. */
export const USAGE_RANGES = ['this-month', 'last-month', 'last-3-months', 'custom'] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];

/** The most months a custom range holds: two years, side by side in the chart. */
export const MAX_MONTHS = 24;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A range of months, inclusive, as the backend's usage query takes it. */
export interface Months {
  from: string;
  to: string;
}

/** Why a custom range cannot be read. */
export type RangeProblem = 'missing' | 'reversed' | 'too-long';

/** The month of a date as the backend counts it (UTC), `YYYY-MM`. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: string, count: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (index - 1) + count;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length <= MAX_MONTHS * 10; month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * The months a range reads, seen from the month `now`; for a custom range, `from` to `to` as chosen, or what is
 * wrong with them.
 *
 * @example
 * monthsOf('last-3-months', '2026-12') // { from: '2026-10', to: '2026-12' }
 */
export function monthsOf(range: UsageRange, now: string, custom: { from?: string | undefined; to?: string | undefined } = {}): Months | RangeProblem {
  switch (range) {
    case 'this-month':
      return { from: now, to: now };
    case 'last-month': {
      const last = addMonths(now, -1);
      return { from: last, to: last };
    }
    case 'last-3-months':
      return { from: addMonths(now, -2), to: now };
    case 'custom': {
      const { from, to } = custom;
      if (!from || !to || !MONTH.test(from) || !MONTH.test(to)) return 'missing';
      if (from > to) return 'reversed';
      if (monthsBetween(from, to).length > MAX_MONTHS) return 'too-long';
      return { from, to };
    }
  }
}
