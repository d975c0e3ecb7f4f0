import { SmsError } from './sms-error.js';

/**
 * The resource is not in a state that allows this: starting a completed campaign, editing a running one,
 * cancelling a message that has already gone. Code `invalid_state` or a precise one.
 *
 * @example
 * throw new StateError('Only a stopped campaign can be restarted.', { resource: 'campaign', state: 'running' });
 */
export class StateError extends SmsError {
  readonly resource: string;
  /** The state it is in. */
  readonly state: string;

  constructor(message: string, options: { resource: string; state: string; code?: string }) {
    super(options.code ?? 'invalid_state', message);
    this.name = 'StateError';
    this.resource = options.resource;
    this.state = options.state;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), resource: this.resource, state: this.state };
  }
}

/** True for a `StateError`, whichever copy of the package created it. */
export function isStateError(error: unknown): error is StateError {
  return error instanceof Error && error.name === 'StateError';
}
