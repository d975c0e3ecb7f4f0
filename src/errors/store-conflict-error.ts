import { SmsError } from './sms-error.js';

/**
 * A store refused to add a record because its key is already taken (`insert`, `insertMany`). Code `store.conflict`.
 * The engine turns it into a `ConflictError` where a person caused it, or treats it as a lost race.
 *
 * @example
 * throw new StoreConflictError('numbers', 'n_1');
 */
export class StoreConflictError extends SmsError {
  /** The collection written to. */
  readonly collection: string;
  /** The key that is already taken. */
  readonly key: string;

  constructor(collection: string, key: string) {
    super('store.conflict', `The ${collection} collection already holds a record with key "${key}".`);
    this.name = 'StoreConflictError';
    this.collection = collection;
    this.key = key;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), collection: this.collection, key: this.key };
  }
}

/** True for a `StoreConflictError`, whichever copy of the package created it. */
export function isStoreConflictError(error: unknown): error is StoreConflictError {
  return error instanceof Error && error.name === 'StoreConflictError';
}
