import { SmsError } from './sms-error.js';

/**
 * The request clashes with what exists: a number that is already registered, an extension that already holds a
 * number, a keyword already claimed. `details` names what it clashes with. Code `conflict` or a precise one such
 * as `number.extension_taken`.
 *
 * @example
 * throw new ConflictError('Extension 201 already holds +61400123456.', {
 *   code: 'number.extension_taken', field: 'extensionIds', details: { numberId: 'n1', e164: '+61400123456' },
 * });
 */
export class ConflictError extends SmsError {
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;
  /** What the request clashes with. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, options: { code?: string; field?: string; details?: Record<string, unknown> } = {}) {
    super(options.code ?? 'conflict', message);
    this.name = 'ConflictError';
    this.field = options.field;
    this.details = options.details ?? {};
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, details: this.details };
  }
}

/** True for a `ConflictError`, whichever copy of the package created it. */
export function isConflictError(error: unknown): error is ConflictError {
  return error instanceof Error && error.name === 'ConflictError';
}
