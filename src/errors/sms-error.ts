const BRAND = Symbol.for('pbx-sms.error');

/**
 * The base of every error this package throws. `code` is stable across versions: compare it, or use the
 * `isXxxError` guards, which compare `name` (or a global symbol) so they work across bundles and realms.
 *
 * @example
 * try {
 *   toE164('12');
 * } catch (error) {
 *   if (isSmsError(error)) console.log(error.code); // 'phone.too_short'
 * }
 */
export class SmsError extends Error {
  /** A stable, machine-readable code such as `phone.invalid` or `permission.denied`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SmsError';
    this.code = code;
  }

  /** Plain data for logs and HTTP bodies. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}

Object.defineProperty(SmsError.prototype, BRAND, { value: true });

/** True for any error of this package, whichever copy of the package created it. */
export function isSmsError(error: unknown): error is SmsError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
