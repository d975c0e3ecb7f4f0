import type { Scalar } from '../../src/ports/store.js';
import type { SortedView } from './sorted-view.js';
import { fieldValue, isScalar, jsonEqual } from './values.js';

/** The most sorted views kept per bucket (one per scope and order queried); the oldest goes first. */
const MAX_VIEWS = 8;

/**
 * The keys of the records whose field holds one value, and the sorted views whose scope names that value. A bucket of
 * one key (a message id, a provider id) holds it without a `Set`: most buckets of a unique-ish field are that small.
 */
export class Bucket<T extends object> implements Iterable<string> {
  views: Views<T> | null = null;
  private one: string | undefined;
  private many: Set<string> | undefined;

  get size(): number {
    return this.many ? this.many.size : this.one === undefined ? 0 : 1;
  }

  has(key: string): boolean {
    return this.many ? this.many.has(key) : this.one === key;
  }

  add(key: string): void {
    if (this.many) this.many.add(key);
    else if (this.one === undefined || this.one === key) this.one = key;
    else {
      this.many = new Set([this.one, key]);
      this.one = undefined;
    }
  }

  delete(key: string): void {
    if (this.many) this.many.delete(key);
    else if (this.one === key) this.one = undefined;
  }

  [Symbol.iterator](): Iterator<string> {
    if (this.many) return this.many.values();
    return (this.one === undefined ? [] : [this.one]).values();
  }
}

/**
 * Sorted views by signature (scope and order), told of every write to the records they may hold. A view whose scope
 * names several buckets is registered in each; when one of them drops it, it is killed, so that it is never read
 * while missing changes.
 */
export class Views<T extends object> {
  private readonly bySignature = new Map<string, SortedView<T>>();

  get size(): number {
    return this.bySignature.size;
  }

  get(signature: string): SortedView<T> | undefined {
    const view = this.bySignature.get(signature);
    return view?.dead ? undefined : view;
  }

  set(signature: string, view: SortedView<T>): void {
    this.bySignature.get(signature)?.kill();
    this.bySignature.delete(signature);
    this.bySignature.set(signature, view);
    if (this.bySignature.size > MAX_VIEWS) {
      const [oldest, evicted] = this.bySignature.entries().next().value!;
      evicted.kill();
      this.bySignature.delete(oldest);
    }
  }

  touch(before: T | null, after: T | null): void {
    for (const [signature, view] of this.bySignature) {
      if (view.dead) this.bySignature.delete(signature);
      else view.touch(before, after);
    }
  }

  killAll(): void {
    for (const view of this.bySignature.values()) view.kill();
    this.bySignature.clear();
  }
}

/**
 * A hash index on one field: scalar values map to buckets of keys; array values map each of their scalar elements to
 * the keys holding it (for `$contains` and `$overlaps`). Null (or missing), objects and the `unindexed` values are not
 * indexed: a field that is null until set (a provider id, a message id) or a status most records end in would
 * otherwise keep one huge bucket that every write churns, and no query needs an index to find those (the planner
 * reads another index or scans; see `covers`).
 */
export class HashIndex<T extends object> {
  /**
   * Value → its keys. A value one record holds (a provider id, a message id) keeps that key as a plain string: no
   * bucket to allocate for each of a hundred thousand values; the empty string stands for a value no record holds any
   * more. A second key, or a query (which may register a sorted view), makes it a `Bucket`.
   */
  private readonly scalars = new Map<Scalar, Bucket<T> | string>();
  private readonly elements = new Map<Scalar, Set<string>>();

  private readonly skipped: ReadonlySet<Scalar>;

  constructor(
    readonly field: string,
    unindexed: readonly Scalar[] = [],
  ) {
    this.skipped = new Set(unindexed);
  }

  /** Whether records holding this value are in the index (a query for it may use the index). */
  covers(value: unknown): boolean {
    return isScalar(value) && !this.leavesOut(value);
  }

  /** Null and the `unindexed` values are never in the index. */
  private leavesOut(value: unknown): boolean {
    return value === null || (this.skipped.size > 0 && this.skipped.has(value as Scalar));
  }

  /** The bucket of records whose field equals `value`, if any (only for a value the index `covers`). */
  bucket(value: Scalar): Bucket<T> | undefined {
    const entry = this.scalars.get(value);
    if (typeof entry !== 'string') return entry;
    if (entry === '') return undefined;
    const bucket = new Bucket<T>();
    bucket.add(entry);
    this.scalars.set(value, bucket);
    return bucket;
  }

  /** The keys of records whose field is an array holding `value`, if any. */
  holding(value: Scalar): ReadonlySet<string> | undefined {
    return this.elements.get(value);
  }

  /** Buckets emptied since the last sweep (an upper bound: some may have filled again). */
  private emptied = 0;

  /** Drops empty buckets (and their views) by rebuilding the map. */
  private sweep(): void {
    const kept = new Map<Scalar, Bucket<T> | string>();
    for (const [value, entry] of this.scalars) {
      if (typeof entry === 'string' ? entry !== '' : entry.size > 0) kept.set(value, entry);
      else if (typeof entry !== 'string') entry.views?.killAll();
    }
    this.scalars.clear();
    for (const [value, bucket] of kept) this.scalars.set(value, bucket);
    this.emptied = 0;
  }

  add(key: string, record: T): void {
    const value = fieldValue(record, this.field);
    if (this.leavesOut(value)) return;
    if (isScalar(value)) {
      const entry = this.scalars.get(value);
      if (entry === undefined || entry === '') this.scalars.set(value, key);
      else if (typeof entry === 'string') {
        if (entry === key) return;
        const bucket = new Bucket<T>();
        bucket.add(entry);
        bucket.add(key);
        this.scalars.set(value, bucket);
      } else {
        entry.add(key);
        entry.views?.touch(null, record);
      }
    } else if (Array.isArray(value)) {
      for (const element of value) {
        if (!isScalar(element)) continue;
        let keys = this.elements.get(element);
        if (!keys) this.elements.set(element, (keys = new Set()));
        keys.add(key);
      }
    }
  }

  remove(key: string, record: T): void {
    const value = fieldValue(record, this.field);
    if (this.leavesOut(value)) return;
    if (isScalar(value)) {
      const entry = this.scalars.get(value);
      if (entry === undefined || entry === '') return;
      let emptied: boolean;
      if (typeof entry === 'string') {
        if (entry !== key) return;
        this.scalars.set(value, '');
        emptied = true;
      } else {
        entry.delete(key);
        entry.views?.touch(record, null);
        emptied = entry.size === 0;
      }
      // An emptied entry stays (a value such as 'sending' empties and fills again all the time): deleting and
      // re-adding the same Map key makes V8 rehash the whole map over and over. Empty entries are swept in bulk.
      if (emptied && ++this.emptied > 1024 && this.emptied * 2 > this.scalars.size) this.sweep();
    } else if (Array.isArray(value)) {
      for (const element of value) {
        const keys = isScalar(element) ? this.elements.get(element) : undefined;
        if (!keys) continue;
        keys.delete(key);
        if (keys.size === 0) this.elements.delete(element as Scalar);
      }
    }
  }

  update(key: string, before: T, after: T): void {
    const old = fieldValue(before, this.field);
    const value = fieldValue(after, this.field);
    if (old === value && isScalar(value)) {
      // Only a bucket has views (a value left out of the index has no entry at all).
      const entry = this.scalars.get(value);
      if (typeof entry === 'object') entry.views?.touch(before, after);
    } else if (!jsonEqual(old, value)) {
      this.remove(key, before);
      this.add(key, after);
    }
  }
}
