import type { Scalar } from '../../src/ports/store.js';

/**
 * How the memory store reads field values: a missing field reads as null, equality is deep for arrays and objects,
 * and order puts null after every value (as SQL's default `NULLS LAST` for ascending order does).
 */

/**
 * The value of a field as queries see it: a missing field is null.
 *
 * @example
 * fieldValue({ a: 1 }, 'b'); // null
 */
export function fieldValue(record: object, field: string): unknown {
  const value = (record as Record<string, unknown>)[field];
  return value === undefined ? null : value;
}

/**
 * A value a hash index can key: a string, number, boolean or null.
 *
 * @example
 * isScalar(['a']); // false
 */
export function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Equality of JSON values: by value for scalars, element by element for arrays, key by key for objects
 * (undefined counts as null, and a key holding null equals a missing key).
 *
 * @example
 * jsonEqual({ a: [1, 2], b: null }, { a: [1, 2] }); // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null) return b === undefined || b === null;
  if (typeof a !== 'object' || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!jsonEqual(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of Object.keys(left)) if (!jsonEqual(left[key], right[key])) return false;
  for (const key of Object.keys(right)) if (!(key in left) && right[key] !== null && right[key] !== undefined) return false;
  return true;
}

const TYPE_RANK: Record<string, number> = { boolean: 0, number: 1, string: 2, object: 3 };

/**
 * Ascending order of two field values: false before true, numbers by value, strings by UTF-16 code unit (a binary
 * collation), arrays and objects by their JSON text; values of different types by type; null (or missing) last.
 *
 * @example
 * [3, null, 1].sort(compareValues); // [1, 3, null]
 */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  const typeA = typeof a;
  const typeB = typeof b;
  if (typeA !== typeB) return (TYPE_RANK[typeA] ?? 4) - (TYPE_RANK[typeB] ?? 4);
  if (typeA === 'object') {
    const textA = JSON.stringify(a);
    const textB = JSON.stringify(b);
    return textA < textB ? -1 : textA > textB ? 1 : 0;
  }
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
}
