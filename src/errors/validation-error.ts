import { SmsError } from './sms-error.js';

/** One problem found in an input: where (a path into it, as zod gives it) and what. */
export interface ValidationIssue {
  /** Keys and indexes from the input's root to the bad value; empty for the input itself. */
  path: ReadonlyArray<string | number>;
  /** A human sentence saying what is wrong. */
  message: string;
  /**
   * What kind of problem, when known: zod's issue code (`too_big`, `too_small`, `invalid_format`...) or a precise
   * code such as `phone.invalid`. Elements choose the sentence they show by it, in the user's language.
   */
  code?: string;
}

export interface ValidationErrorOptions {
  /** The argument or field that is wrong, such as `rate` or `keywords`. */
  field?: string;
  /** Each problem found, when there are several or they sit deeper than `field`. */
  issues?: readonly ValidationIssue[];
  /** The 1-based line of the file whose row is wrong, when the input is rows read from a file (an import, an upload). */
  line?: number | undefined;
  /** The offending value, when it is small and safe to log. */
  value?: unknown;
  cause?: unknown;
}

/**
 * An input that breaks a rule: a bad argument, option or body. Code `validation`.
 *
 * @example
 * throw new ValidationError('The rate must be a whole number of minor units.', { field: 'rate', value: 0.5 });
 * // A row of an imported file: field 'entries.3.fields.note', line 5 (the row's own line in the file).
 */
export class ValidationError extends SmsError {
  /** The argument or field that is wrong. */
  readonly field: string | undefined;
  /** Each problem found; at least one when `field` alone does not say enough. */
  readonly issues: readonly ValidationIssue[];
  /** The line of the file whose row is wrong (an import's or upload's row carries its line), if the error is in one. */
  readonly line: number | undefined;
  /** The offending value, if given. */
  readonly value: unknown;

  constructor(message: string, options: ValidationErrorOptions = {}) {
    super('validation', message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ValidationError';
    this.field = options.field;
    this.issues = options.issues ?? [];
    this.line = options.line;
    this.value = options.value;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, line: this.line, issues: this.issues };
  }
}

/** True for a `ValidationError`, whichever copy of the package created it. */
export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof Error && error.name === 'ValidationError';
}
