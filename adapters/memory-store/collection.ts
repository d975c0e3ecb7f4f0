import { DEFAULT_PAGE_SIZE, type Page } from '../../src/model/common.js';
import { StoreConflictError } from '../../src/errors/store-conflict-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { type Collection, MAX_QUERY_LIMIT, type Query, type Scalar, type Where } from '../../src/ports/store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { HashIndex, Views } from './hash-index.js';
import { cloneJson, toJson } from './json.js';
import { compareTuples, type Order, orderOf, type Tuple, tupleOf } from './order.js';
import { planSource, type Source } from './plan.js';
import { SortedView, VIEW_MIN_SIZE } from './sorted-view.js';
import { fieldValue } from './values.js';
import { matchesAll, parseWhere, searchTest } from './where.js';

type Stored = Record<string, unknown>;

/** How a collection is laid out: its name, key field and indexed fields (from `COLLECTIONS`). */
export interface CollectionSpec {
  name: string;
  key: string;
  indexes: readonly string[];
  /** Values left out of a field's index (a partial index): no query looks them up. */
  unindexed?: Readonly<Record<string, readonly Scalar[] | undefined>> | undefined;
}

/**
 * One collection of the memory store. Records are stored as private JSON copies that are never changed in place (an
 * update stores a new object), so hash indexes and sorted views can refer to them safely; callers always get copies.
 * Every method runs to completion before it returns its promise, which is what makes `updateMany` and `increment`
 * atomic.
 */
export class MemoryCollection<T> implements Collection<T> {
  private readonly records = new Map<string, Stored>();
  private readonly indexes = new Map<string, HashIndex<Stored>>();
  /** Sorted views of the whole collection, for queries no index narrows. */
  private readonly allViews = new Views<Stored>();

  /** Lets the planner read records by key when a query names keys. */
  private readonly keyPlan: { field: string; has: (key: string) => boolean };

  constructor(private readonly spec: CollectionSpec) {
    for (const field of spec.indexes) this.indexes.set(field, new HashIndex(field, spec.unindexed?.[field]));
    this.keyPlan = { field: spec.key, has: (key) => this.records.has(key) };
  }

  /** Every record, as copies (for snapshots). */
  all(): T[] {
    return [...this.records.values()].map((record) => this.out(record));
  }

  async get(key: string): Promise<T | null> {
    const record = this.records.get(key);
    return record === undefined ? null : this.out(record);
  }

  async getMany(keys: readonly string[]): Promise<T[]> {
    const out: T[] = [];
    for (const key of new Set(keys)) {
      const record = this.records.get(key);
      if (record !== undefined) out.push(this.out(record));
    }
    return out;
  }

  async insert(record: T): Promise<void> {
    const stored = this.in(record);
    const key = this.keyOf(stored);
    if (this.records.has(key)) throw new StoreConflictError(this.spec.name, key);
    this.add(key, stored);
  }

  async insertMany(records: readonly T[]): Promise<void> {
    this.insertAll(records);
  }

  /** `insertMany`, synchronously (for loading a snapshot). */
  insertAll(records: readonly T[]): void {
    const batch = new Map<string, Stored>();
    for (const record of records) {
      const stored = this.in(record);
      const key = this.keyOf(stored);
      if (this.records.has(key) || batch.has(key)) throw new StoreConflictError(this.spec.name, key);
      batch.set(key, stored);
    }
    for (const [key, stored] of batch) this.add(key, stored);
  }

  async insertIfAbsent(record: T): Promise<boolean> {
    const stored = this.in(record);
    const key = this.keyOf(stored);
    if (this.records.has(key)) return false;
    this.add(key, stored);
    return true;
  }

  async insertManyIfAbsent(records: readonly T[]): Promise<string[]> {
    const stored = records.map((record) => this.in(record));
    const added: string[] = [];
    for (const record of stored) {
      const key = this.keyOf(record);
      if (this.records.has(key)) continue;
      this.add(key, record);
      added.push(key);
    }
    return added;
  }

  async put(record: T): Promise<void> {
    const stored = this.in(record);
    const key = this.keyOf(stored);
    const before = this.records.get(key);
    if (before === undefined) this.add(key, stored);
    else this.replace(key, before, stored);
  }

  async update(key: string, patch: Partial<T>, options?: { if?: Where<T> }): Promise<T | null> {
    const before = this.records.get(key);
    if (before === undefined) return null;
    if (options?.if && !matchesAll(before, parseWhere(options.if))) return null;
    return this.out(this.patch(key, before, this.patchOf(patch)));
  }

  async updateMany(query: Query<T>, patch: Partial<T>): Promise<T[]> {
    const changes = this.patchOf(patch);
    const chosen = this.select(query, this.limitOf(query.limit));
    return chosen.map((before) => this.out(this.patch(this.keyOf(before), before, changes)));
  }

  async updateEach(changes: readonly (readonly [key: string, patch: Partial<T>])[], options?: { if?: Where<T> }): Promise<string[]> {
    const condition = options?.if ? parseWhere(options.if) : null;
    // A patch object given for many keys (the same change to each) is read once.
    let last: { patch: unknown; changes: Stored } | null = null;
    const patches = changes.map(([key, patch]) => {
      if (last?.patch !== patch) last = { patch, changes: this.patchOf(patch) };
      this.keepsKey(key, last.changes);
      return [key, last.changes] as const;
    });
    const changed: string[] = [];
    for (const [key, changes] of patches) {
      const before = this.records.get(key);
      if (before === undefined || (condition !== null && !matchesAll(before, condition))) continue;
      this.patch(key, before, changes);
      changed.push(key);
    }
    return changed;
  }

  async increment(key: string, deltas: Partial<Record<keyof T & string, number>>, init: T): Promise<T> {
    let before = this.records.get(key);
    if (before === undefined) {
      before = this.in(init);
      before[this.spec.key] = key;
      this.add(key, before);
    }
    const after: Stored = { ...before };
    for (const field of Object.keys(deltas)) {
      const delta = (deltas as Record<string, number | undefined>)[field];
      if (delta === undefined) continue;
      if (!Number.isFinite(delta)) throw new ValidationError(`The increment of "${field}" must be a finite number.`, { field, value: delta });
      const current = after[field];
      after[field] = (typeof current === 'number' ? current : 0) + delta;
    }
    this.replace(key, before, after);
    return this.out(after);
  }

  async delete(key: string): Promise<boolean> {
    const record = this.records.get(key);
    if (record === undefined) return false;
    this.remove(key, record);
    return true;
  }

  async deleteMany(where: Where<T>): Promise<number> {
    const tests = parseWhere(where);
    const doomed: Stored[] = [];
    this.scan(planSource(this.indexes, tests, this.keyPlan), (record) => {
      if (matchesAll(record, tests)) doomed.push(record);
    });
    for (const record of doomed) this.remove(this.keyOf(record), record);
    return doomed.length;
  }

  async find(query: Query<T> = {}): Promise<Page<T>> {
    const limit = this.limitOf(query.limit);
    const order = orderOf(query.orderBy, this.spec.key);
    const chosen = this.select(query, limit + 1, order);
    const more = chosen.length > limit;
    if (more) chosen.length = limit;
    return {
      items: chosen.map((record) => this.out(record)),
      nextCursor: more ? encodeCursor(tupleOf(chosen[limit - 1]!, order)) : null,
    };
  }

  async count(where?: Where<T>): Promise<number> {
    const tests = parseWhere(where);
    if (tests.length === 0) return this.records.size;
    const source = planSource(this.indexes, tests, this.keyPlan);
    if (source.kind === 'none') return 0;
    if (source.kind === 'buckets' && source.scope.length === tests.length && source.buckets.length === 1) return source.smallest.size;
    let count = 0;
    this.scan(source, (record) => {
      if (matchesAll(record, tests)) count += 1;
    });
    return count;
  }

  async countBy<F extends keyof T & string>(where: Where<T>, field: F): Promise<Record<string, number>> {
    const tests = parseWhere(where);
    const counts: Record<string, number> = {};
    this.scan(planSource(this.indexes, tests, this.keyPlan), (record) => {
      if (!matchesAll(record, tests)) return;
      const value = fieldValue(record, field);
      const group = typeof value === 'string' ? value : JSON.stringify(value);
      counts[group] = (counts[group] ?? 0) + 1;
    });
    return counts;
  }

  /** Up to `want` stored records matching the query, in its order, after its cursor. */
  private select(query: Query<T>, want: number, order: Order = orderOf(query.orderBy, this.spec.key)): Stored[] {
    const tests = parseWhere(query.where);
    const search = searchTest(query.search);
    const accept = search ? (record: Stored) => matchesAll(record, tests) && search(record) : (record: Stored) => matchesAll(record, tests);
    const after = query.cursor ? decodeCursor(query.cursor, order) : null;
    const source = planSource(this.indexes, tests, this.keyPlan);
    if (source.kind === 'none') return [];
    const view = this.viewOf(source, order);
    if (view) return view.collect(after, accept, want);
    const found: { record: Stored; tuple: Tuple }[] = [];
    this.scan(source, (record) => {
      if (!accept(record)) return;
      const tuple = tupleOf(record, order);
      if (after === null || compareTuples(tuple, after, order) > 0) found.push({ record, tuple });
    });
    found.sort((a, b) => compareTuples(a.tuple, b.tuple, order));
    if (found.length > want) found.length = want;
    return found.map(({ record }) => record);
  }

  /**
   * The sorted view for the scope of a query's equalities (or for the whole collection), when there are enough
   * candidates to keep one; it is registered in each bucket of its scope, so that every write reaching it is told.
   */
  private viewOf(source: Source<Stored>, order: Order): SortedView<Stored> | null {
    if (source.kind === 'buckets') {
      if (source.smallest.size < VIEW_MIN_SIZE) return null;
      const signature = `${JSON.stringify(source.scope)}${order.signature}`;
      let view = source.smallest.views?.get(signature);
      if (!view) {
        view = new SortedView(order, source.scope, this.records, this.candidates(source.smallest));
        for (const bucket of source.buckets) (bucket.views ??= new Views()).set(signature, view);
      }
      return view;
    }
    if (source.kind !== 'all' || this.records.size < VIEW_MIN_SIZE) return null;
    let view = this.allViews.get(order.signature);
    if (!view) {
      view = new SortedView(order, [], this.records, this.records.values());
      this.allViews.set(order.signature, view);
    }
    return view;
  }

  private *candidates(keys: Iterable<string>): Iterable<Stored> {
    for (const key of keys) {
      const record = this.records.get(key);
      if (record !== undefined) yield record;
    }
  }

  private scan(source: Source<Stored>, visit: (record: Stored) => void): void {
    if (source.kind === 'none') return;
    if (source.kind === 'all') {
      for (const record of this.records.values()) visit(record);
      return;
    }
    const keys = source.kind === 'buckets' ? source.smallest : source.keys;
    for (const key of keys) {
      const record = this.records.get(key);
      if (record !== undefined) visit(record);
    }
  }

  private add(key: string, record: Stored): void {
    this.records.set(key, record);
    for (const index of this.indexes.values()) index.add(key, record);
    if (this.allViews.size > 0) this.allViews.touch(null, record);
  }

  private replace(key: string, before: Stored, after: Stored): void {
    this.records.set(key, after);
    for (const index of this.indexes.values()) index.update(key, before, after);
    if (this.allViews.size > 0) this.allViews.touch(before, after);
  }

  private remove(key: string, record: Stored): void {
    this.records.delete(key);
    for (const index of this.indexes.values()) index.remove(key, record);
    if (this.allViews.size > 0) this.allViews.touch(record, null);
  }

  /** Applies a patch made by `patchOf`; returns the new stored record. */
  private patch(key: string, before: Stored, changes: Stored): Stored {
    this.keepsKey(key, changes);
    const after: Stored = { ...before, ...changes };
    this.replace(key, before, after);
    return after;
  }

  /** Throws unless a patch leaves the key field of the record under `key` as it is. */
  private keepsKey(key: string, changes: Stored): void {
    const changedKey = changes[this.spec.key];
    if (changedKey !== undefined && changedKey !== key) {
      throw new ValidationError(`The key field "${this.spec.key}" of a record cannot change.`, { field: this.spec.key, value: changedKey });
    }
  }

  /** The JSON form of a patch: fields set to undefined are left as they are. */
  private patchOf(patch: unknown): Stored {
    const changes = toJson(patch);
    if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
      throw new ValidationError('A patch must be an object of fields.', { field: 'patch' });
    }
    return changes as Stored;
  }

  private in(record: T): Stored {
    const stored = toJson(record);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
      throw new ValidationError(`A ${this.spec.name} record must be an object.`, { field: this.spec.name });
    }
    this.keyOf(stored as Stored);
    return stored as Stored;
  }

  private keyOf(record: Stored): string {
    const key = record[this.spec.key];
    if (typeof key !== 'string' || key === '') {
      throw new ValidationError(`A ${this.spec.name} record needs a string "${this.spec.key}".`, { field: this.spec.key, value: key });
    }
    return key;
  }

  private out(record: Stored): T {
    return cloneJson(record) as T;
  }

  private limitOf(limit: number | undefined): number {
    if (limit === undefined) return DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1) throw new ValidationError('A limit must be a whole number from 1.', { field: 'limit', value: limit });
    return Math.min(limit, MAX_QUERY_LIMIT);
  }
}
