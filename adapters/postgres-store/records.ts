import { ValidationError } from '../../src/errors/validation-error.js';
import { DEFAULT_PAGE_SIZE } from '../../src/model/common.js';
import { MAX_QUERY_LIMIT } from '../../src/ports/store.js';
import { toJson } from '../memory-store/json.js';

/** A record as the store writes it: its JSON form, an object. */
export type Stored = Record<string, unknown>;

/** What the store checks records against: the collection's name and key field. */
export interface RecordSpec {
  name: string;
  key: string;
}

/** The JSON form of a record, checked: an object with a non-empty string key (`ValidationError` on the key field). */
export function storedOf(spec: RecordSpec, record: unknown): Stored {
  const stored = toJson(record);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    throw new ValidationError(`A ${spec.name} record must be an object.`, { field: spec.name });
  }
  keyOf(spec, stored as Stored);
  return stored as Stored;
}

export function keyOf(spec: RecordSpec, record: Stored): string {
  const key = record[spec.key];
  if (typeof key !== 'string' || key === '') {
    throw new ValidationError(`A ${spec.name} record needs a string "${spec.key}".`, { field: spec.key, value: key });
  }
  return key;
}

/** The JSON form of a patch (fields set to undefined are left as they are), which may not change the key of `key`. */
export function patchOf(spec: RecordSpec, patch: unknown, key?: string): Stored {
  const changes = toJson(patch);
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new ValidationError('A patch must be an object of fields.', { field: 'patch' });
  }
  const changedKey = (changes as Stored)[spec.key];
  if (changedKey !== undefined && changedKey !== key) {
    throw new ValidationError(`The key field "${spec.key}" of a record cannot change.`, { field: spec.key, value: changedKey });
  }
  return changes as Stored;
}

/** A query's limit: 50 when not given, at most `MAX_QUERY_LIMIT`; a `ValidationError` on `limit` when not a whole number from 1. */
export function limitOf(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new ValidationError('A limit must be a whole number from 1.', { field: 'limit', value: limit });
  return Math.min(limit, MAX_QUERY_LIMIT);
}
