import { SmsError } from './sms-error.js';

/**
 * The principal may not do this: an administrator sending, a user reading another user's personal contacts or a
 * conversation of a number not assigned to their extension. Code `permission.denied` or a more precise
 * `permission.*` code.
 *
 * @example
 * throw new PermissionError('Administrators cannot send messages.', { action: 'messages.send', code: 'permission.admin_cannot_send' });
 */
export class PermissionError extends SmsError {
  /** What was attempted, such as `messages.send`. */
  readonly action: string;

  constructor(message: string, options: { action: string; code?: string }) {
    super(options.code ?? 'permission.denied', message);
    this.name = 'PermissionError';
    this.action = options.action;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), action: this.action };
  }
}

/** True for a `PermissionError`, whichever copy of the package created it. */
export function isPermissionError(error: unknown): error is PermissionError {
  return error instanceof Error && error.name === 'PermissionError';
}
