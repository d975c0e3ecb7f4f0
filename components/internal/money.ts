/** Anything that formats numbers in an element's language: a `LocalizeController`. */
interface NumberFormatter {
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

const fractionDigits = new Map<string, number>();

/** How many decimal places a currency's minor unit has: 2 for AUD and EUR, 0 for JPY, 3 for KWD. */
export function currencyFractionDigits(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    fractionDigits.set(currency, digits);
  }
  return digits;
}

/**
 * Money held in integer minor units (cents, pence), shown in the element's language with its currency: the backend
 * never sends floating-point money, and this is the one place it becomes a decimal, for display only.
 *
 * @example
 * formatMinorUnits(this.localize, 2380, 'AUD') // "A$23.80" in en, "23,80 $AU" in fr
 */
export function formatMinorUnits(localize: NumberFormatter, minor: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  try {
    return localize.number(minor / 10 ** digits, { style: 'currency', currency });
  } catch {
    return `${localize.number(minor / 10 ** digits, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
  }
}
