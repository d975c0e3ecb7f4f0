import { isSmsError } from '../../src/errors/sms-error.js';

export interface DescribedError {
  /** The stable code (`validation`, `permission.admin_cannot_send`...) or `unknown`. */
  code: string;
  /** The message to show: the error's own sentence (the engine writes them for people). */
  message: string;
  /** The input field at fault, for an inline error next to it. */
  field: string | undefined;
}

/** What to show for an error thrown by the client: its sentence, its code and the field it names. */
export function describeError(error: unknown, fallback: string): DescribedError {
  if (isSmsError(error)) {
    const field = (error as { field?: unknown }).field;
    return { code: error.code, message: error.message || fallback, field: typeof field === 'string' ? field : undefined };
  }
  return { code: 'unknown', message: fallback, field: undefined };
}
