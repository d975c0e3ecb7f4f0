import { SmsError } from './sms-error.js';

/**
 * No such resource, or not one the principal may see (the two are not told apart, so ids cannot be probed).
 * Code `not_found`.
 *
 * @example
 * throw new NotFoundError('campaign', 'c_123');
 */
export class NotFoundError extends SmsError {
  /** The kind of resource: `campaign`, `conversation`, `number`... */
  readonly resource: string;
  readonly id: string;

  constructor(resource: string, id: string) {
    super('not_found', `No ${resource} "${id}".`);
    this.name = 'NotFoundError';
    this.resource = resource;
    this.id = id;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), resource: this.resource, id: this.id };
  }
}

/** True for a `NotFoundError`, whichever copy of the package created it. */
export function isNotFoundError(error: unknown): error is NotFoundError {
  return error instanceof Error && error.name === 'NotFoundError';
}
