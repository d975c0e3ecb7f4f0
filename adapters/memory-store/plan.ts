import type { Scalar } from '../../src/ports/store.js';
import type { Bucket, HashIndex } from './hash-index.js';
import type { Scope } from './sorted-view.js';
import { isScalar } from './values.js';

/** Keys to read: a bucket, or the keys of an array index. */
type KeySet = Iterable<string> & { readonly size: number };
import type { Test } from './where.js';

/**
 * Where a query's candidates come from: the whole collection; the buckets of its equalities on indexed fields (the
 * smallest one read, all of them the scope of a sorted view); a union of buckets (`$in`, `$contains`, `$overlaps`);
 * or nothing, when an equality names a value no record holds. Every condition is still checked on each candidate.
 */
export type Source<T extends object> =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'buckets'; scope: Scope; buckets: readonly Bucket<T>[]; smallest: Bucket<T> }
  | { kind: 'keys'; keys: Iterable<string> };

/**
 * The narrowest source the indexes offer for these conditions.
 *
 * @example
 * planSource(indexes, parseWhere({ campaignId: 'c1', state: 'pending' }));
 * // { kind: 'buckets', scope: [['campaignId', 'c1'], ['state', 'pending']], smallest: the smaller bucket, ... }
 */
export function planSource<T extends object>(
  indexes: ReadonlyMap<string, HashIndex<T>>,
  tests: readonly Test[],
  key?: { field: string; has: (key: string) => boolean },
): Source<T> {
  // Conditions on the key itself name the records outright.
  if (key) {
    for (const test of tests) {
      if (test.field !== key.field) continue;
      if (test.op === 'eq' && typeof test.value === 'string') return key.has(test.value) ? { kind: 'keys', keys: [test.value] } : { kind: 'none' };
      if (test.op === 'in' && test.values.every((value) => typeof value === 'string')) {
        return { kind: 'keys', keys: new Set((test.values as string[]).filter((value) => key.has(value))) };
      }
    }
  }
  const scope: [string, Scalar][] = [];
  const buckets: Bucket<T>[] = [];
  let smallest: Bucket<T> | undefined;
  let union: { size: number; make: () => Iterable<string> } | undefined;
  for (const test of tests) {
    const index = indexes.get(test.field);
    if (!index) continue;
    // Null and the unindexed values are not in the index: such a condition is checked on the candidates another
    // index (or a scan) gives.
    if ((test.op === 'eq' && !index.covers(test.value)) || (test.op === 'in' && !test.values.every((value) => index.covers(value)))) continue;
    if (test.op === 'eq' && isScalar(test.value)) {
      const bucket = index.bucket(test.value);
      if (!bucket) return { kind: 'none' };
      scope.push([test.field, test.value]);
      buckets.push(bucket);
      if (!smallest || bucket.size < smallest.size) smallest = bucket;
      continue;
    }
    let sets: (KeySet | undefined)[] | undefined;
    if (test.op === 'in' && test.values.every(isScalar)) sets = test.values.map((value) => index.bucket(value));
    else if (test.op === 'contains' && isScalar(test.value)) sets = [index.holding(test.value)];
    else if (test.op === 'overlaps' && test.values.every(isScalar)) sets = test.values.map((value) => index.holding(value));
    if (!sets) continue;
    const size = sizeOf(sets);
    if (size === 0) return { kind: 'none' };
    if (!union || size < union.size) union = { size, make: () => unionOf(sets) };
  }
  if (smallest && (!union || smallest.size <= union.size)) {
    scope.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { kind: 'buckets', scope, buckets, smallest };
  }
  return union ? { kind: 'keys', keys: union.make() } : { kind: 'all' };
}

function sizeOf(sets: readonly (KeySet | undefined)[]): number {
  let size = 0;
  for (const set of sets) size += set?.size ?? 0;
  return size;
}

function unionOf(sets: readonly (KeySet | undefined)[]): Iterable<string> {
  const present = sets.filter((set): set is KeySet => set !== undefined && set.size > 0);
  if (present.length === 1) return present[0]!;
  const keys = new Set<string>();
  for (const set of present) for (const key of set) keys.add(key);
  return keys;
}
