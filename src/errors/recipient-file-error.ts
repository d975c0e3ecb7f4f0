import { SmsError } from './sms-error.js';

/** Why a recipient file could not be read at all. Stable: compare these, not messages. */
export const RECIPIENT_FILE_ERROR_CODES = [
  'recipients.unsupported_input',
  'recipients.unreadable',
  'recipients.invalid_xlsx',
  'recipients.no_such_column',
  'recipients.too_large',
] as const;
export type RecipientFileErrorCode = (typeof RECIPIENT_FILE_ERROR_CODES)[number];

export interface RecipientFileErrorOptions {
  /** The format the file was read as. */
  format?: 'csv' | 'xlsx' | undefined;
  /** The file's name, when the input was a File. */
  fileName?: string | undefined;
  cause?: unknown;
}

/**
 * A recipient file that cannot be read at all: not text, a Blob or bytes; a Blob that fails to read; a broken
 * spreadsheet; a `phoneColumn` the file does not have; a file over a size cap (`recipients.too_large`: more bytes
 * than a backend takes, or an XLSX workbook that would unpack to more than it reads). A readable file with bad rows
 * does not throw: its rows are reported one by one instead.
 *
 * @example
 * try {
 *   await parseRecipients(brokenXlsxBytes, { defaultCountry: 'AU' });
 * } catch (error) {
 *   if (isRecipientFileError(error)) console.log(error.code); // 'recipients.invalid_xlsx'
 * }
 */
export class RecipientFileError extends SmsError {
  declare readonly code: RecipientFileErrorCode;
  /** The format the file was read as, if known. */
  readonly format: 'csv' | 'xlsx' | undefined;
  /** The file's name, when the input was a File. */
  readonly fileName: string | undefined;

  constructor(code: RecipientFileErrorCode, message: string, options: RecipientFileErrorOptions = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RecipientFileError';
    this.format = options.format;
    this.fileName = options.fileName;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), format: this.format, fileName: this.fileName };
  }
}

/** True for a `RecipientFileError`, whichever copy of the package created it. */
export function isRecipientFileError(error: unknown): error is RecipientFileError {
  return error instanceof Error && error.name === 'RecipientFileError';
}
