import { compareValues, fieldValue, jsonEqual } from './values.js';

/**
 * A sort order with the key as its last field, so that every record has a distinct place. A record's place is its
 * tuple: the values of the order's fields (missing as null), the key last. Cursors and sorted views hold tuples.
 */
export interface Order {
  readonly fields: readonly string[];
  readonly descending: readonly boolean[];
  /** Names the order, to cache sorted views by. */
  readonly signature: string;
}

export type Tuple = readonly unknown[];

/**
 * The order of a query: its `orderBy`, then the key ascending (unless the key already ends it).
 *
 * @example
 * orderOf([['index', 'asc']], 'id'); // fields ['index', 'id']
 */
export function orderOf(orderBy: readonly (readonly [string, 'asc' | 'desc'])[] | undefined, key: string): Order {
  const pairs = [...(orderBy ?? [])];
  const last = pairs[pairs.length - 1];
  if (!last || last[0] !== key) pairs.push([key, 'asc']);
  return {
    fields: pairs.map(([field]) => field),
    descending: pairs.map(([, direction]) => direction === 'desc'),
    signature: JSON.stringify(pairs),
  };
}

/**
 * A record's place in an order.
 *
 * @example
 * tupleOf({ id: 'r1', index: 3 }, orderOf([['index', 'asc']], 'id')); // [3, 'r1']
 */
export function tupleOf(record: object, order: Order): unknown[] {
  const { fields } = order;
  const tuple = new Array<unknown>(fields.length);
  for (let index = 0; index < fields.length; index++) tuple[index] = fieldValue(record, fields[index]!);
  return tuple;
}

/**
 * Compares two tuples in the order's directions.
 *
 * @example
 * compareTuples([3, 'r1'], [2, 'r9'], orderOf([['index', 'desc']], 'id')); // < 0: 3 comes first descending
 */
export function compareTuples(a: Tuple, b: Tuple, order: Order): number {
  const { descending } = order;
  for (let index = 0; index < a.length; index++) {
    const result = compareValues(a[index], b[index]);
    if (result !== 0) return descending[index] ? -result : result;
  }
  return 0;
}

/**
 * Whether the record still sits at the place `tuple` records (the key is assumed equal).
 *
 * @example
 * sameOrderValues({ id: 'r1', index: 4 }, [3, 'r1'], orderOf([['index', 'asc']], 'id')); // false: it moved
 */
export function sameOrderValues(record: object, tuple: Tuple, order: Order): boolean {
  const { fields } = order;
  for (let index = 0; index < fields.length - 1; index++) {
    const value = fieldValue(record, fields[index]!);
    const expected = tuple[index];
    if (value !== expected && (typeof value !== 'object' || !jsonEqual(value, expected))) return false;
  }
  return true;
}

/**
 * Whether an update moved a record within the order.
 *
 * @example
 * orderChanged({ id: 'r1', index: 3, state: 'a' }, { id: 'r1', index: 3, state: 'b' }, orderOf([['index', 'asc']], 'id')); // false
 */
export function orderChanged(before: object, after: object, order: Order): boolean {
  const { fields } = order;
  for (let index = 0; index < fields.length - 1; index++) {
    const field = fields[index]!;
    const a = fieldValue(before, field);
    const b = fieldValue(after, field);
    if (a !== b && (typeof a !== 'object' || !jsonEqual(a, b))) return true;
  }
  return false;
}

/**
 * The first position in `tuples` (sorted), from `from` on, whose tuple comes after `after`: where a page starts.
 *
 * @example
 * upperBound([[1, 'a'], [2, 'b'], [3, 'c']], 0, [2, 'b'], orderOf([['n', 'asc']], 'id')); // 2
 */
export function upperBound(tuples: readonly Tuple[], from: number, after: Tuple, order: Order): number {
  let low = from;
  let high = tuples.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareTuples(tuples[middle]!, after, order) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
