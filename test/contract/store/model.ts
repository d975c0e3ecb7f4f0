/**
 * A plain model of what `find` promises, for the property tests: filter by the conditions, keep search matches,
 * sort (null after values ascending, the key last). Written for clarity, independent of any store.
 */

type Row = Record<string, unknown>;
type Direction = 'asc' | 'desc';

function read(row: Row, field: string): unknown {
  return row[field] ?? null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function holds(value: unknown, condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return same(value, condition);
  const ops = condition as Record<string, unknown>;
  const array = Array.isArray(value) ? (value as unknown[]) : null;
  const typed = (bound: unknown) => value !== null && typeof value === typeof bound;
  if ('$in' in ops) return (ops.$in as unknown[]).some((item) => same(value, item));
  if ('$ne' in ops) return !same(value, ops.$ne);
  if ('$contains' in ops) return array !== null && array.some((item) => same(item, ops.$contains));
  if ('$overlaps' in ops) return array !== null && array.some((item) => (ops.$overlaps as unknown[]).some((other) => same(item, other)));
  if ('$exists' in ops) return (value !== null) === ops.$exists;
  return (
    (!('$gt' in ops) || (typed(ops.$gt) && (value as number) > (ops.$gt as number))) &&
    (!('$gte' in ops) || (typed(ops.$gte) && (value as number) >= (ops.$gte as number))) &&
    (!('$lt' in ops) || (typed(ops.$lt) && (value as number) < (ops.$lt as number))) &&
    (!('$lte' in ops) || (typed(ops.$lte) && (value as number) <= (ops.$lte as number)))
  );
}

export function modelMatches(row: Row, where: Record<string, unknown> = {}): boolean {
  return Object.entries(where).every(([field, condition]) => condition === undefined || holds(read(row, field), condition));
}

export function modelSearch(row: Row, search?: { fields: readonly string[]; text: string }): boolean {
  if (!search || search.text === '') return true;
  const needle = search.text.toLowerCase();
  return search.fields.some((field) => {
    const value = row[field];
    const texts = Array.isArray(value) ? value : [value];
    return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
  });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a as number) < (b as number) ? -1 : 1;
}

export function modelSort<T extends Row>(rows: T[], orderBy: readonly (readonly [string, Direction])[] = [], key = 'id'): T[] {
  const order = [...orderBy, [key, 'asc'] as const];
  return [...rows].sort((x, y) => {
    for (const [field, direction] of order) {
      const result = compare(read(x, field), read(y, field));
      if (result !== 0) return direction === 'desc' ? -result : result;
    }
    return 0;
  });
}

/** What `find` without a limit would list, in order. */
export function modelFind<T extends Row>(
  rows: T[],
  query: { where?: Record<string, unknown>; search?: { fields: readonly string[]; text: string }; orderBy?: readonly (readonly [string, Direction])[] },
): T[] {
  return modelSort(rows.filter((row) => modelMatches(row, query.where) && modelSearch(row, query.search)), query.orderBy);
}
