import type { Scalar } from '../../src/ports/store.js';
import { compareTuples, type Order, orderChanged, sameOrderValues, type Tuple, tupleOf, upperBound } from './order.js';
import { fieldValue } from './values.js';

/** Who belongs to a view: the records whose fields equal these values (all records when empty). */
export type Scope = readonly (readonly [field: string, value: Scalar])[];

/** Below this many candidates a query filters and sorts them directly; from it on, a sorted view is kept. */
export const VIEW_MIN_SIZE = 64;

/**
 * The records of one scope (such as `campaignId = c1 and state = pending`, or the whole collection) kept sorted in
 * one order, so that a query in that order reads its page without sorting: a binary search to the cursor, then a walk
 * that stops at the limit.
 *
 * It holds tuples (order values and key), not records, and is told of every write to a record of the buckets its
 * scope names: a record that joins the scope or moves in the order is queued and merged in at the next read; one that
 * leaves (or moves away) leaves a stale tuple behind, recognised when read (the record is gone, out of scope, or its
 * values differ) and dropped, from the head at once, elsewhere when enough have gathered. This is what makes claiming
 * the next 500 pending recipients of a 100k campaign cost 500 steps instead of a sort.
 */
export class SortedView<T extends object> {
  /** Set when so much has queued that rebuilding is cheaper than merging: the owner builds a new view. */
  dead = false;
  private tuples: Tuple[];
  private start = 0;
  private added: Tuple[] = [];
  private stale = 0;

  constructor(
    readonly order: Order,
    private readonly scope: Scope,
    private readonly records: ReadonlyMap<string, T>,
    candidates: Iterable<T>,
  ) {
    const tuples: Tuple[] = [];
    for (const record of candidates) if (this.inScope(record)) tuples.push(tupleOf(record, order));
    tuples.sort((a, b) => compareTuples(a, b, order));
    this.tuples = tuples;
  }

  /** A record was written: `before` is null for an insert, `after` null for a delete. */
  touch(before: T | null, after: T | null): void {
    if (this.dead) return;
    const was = before !== null && this.inScope(before);
    const is = after !== null && this.inScope(after);
    const moved = was && is && orderChanged(before, after, this.order);
    if (was && (!is || moved)) {
      // The head leaving (a claim takes the first records in order) is dropped at once; others when read.
      const head = this.tuples[this.start];
      const fields = this.order.fields;
      if (head !== undefined && head[head.length - 1] === fieldValue(before, fields[fields.length - 1]!)) this.start += 1;
      else this.stale += 1;
    }
    if (is && (!was || moved)) {
      this.added.push(tupleOf(after, this.order));
      if (this.added.length > 256 && this.added.length > this.tuples.length - this.start) this.kill();
    }
  }

  /** Stops keeping the view (its owner builds a new one when asked). */
  kill(): void {
    this.dead = true;
    this.added = [];
    this.tuples = [];
  }

  /**
   * Up to `want` current records that `accept` takes, in order, from just after `after` (or from the start).
   */
  collect(after: Tuple | null, accept: (record: T) => boolean, want: number): T[] {
    this.settle();
    const { tuples } = this;
    const out: T[] = [];
    let position = after ? upperBound(tuples, this.start, after, this.order) : this.start;
    for (; position < tuples.length && out.length < want; position++) {
      const record = this.current(tuples[position]!);
      if (record === undefined) {
        // A stale tuple at the head will never be read again: drop it for good.
        if (position === this.start) {
          this.start += 1;
          if (this.stale > 0) this.stale -= 1;
        }
        continue;
      }
      if (accept(record)) out.push(record);
    }
    if (this.start > 1024 && this.start * 2 > tuples.length) {
      this.tuples = tuples.slice(this.start);
      this.start = 0;
    }
    return out;
  }

  /** The record at this place, or undefined when the tuple is stale. */
  private current(tuple: Tuple): T | undefined {
    const record = this.records.get(tuple[tuple.length - 1] as string);
    return record !== undefined && this.inScope(record) && sameOrderValues(record, tuple, this.order) ? record : undefined;
  }

  private inScope(record: T): boolean {
    for (const [field, value] of this.scope) if (fieldValue(record, field) !== value) return false;
    return true;
  }

  /** Merges queued joins, or sweeps stale tuples when they have piled up. */
  private settle(): void {
    if (this.added.length > 0) this.merge();
    else if (this.stale > 64 && this.stale * 4 > this.tuples.length - this.start) {
      this.tuples = this.tuples.slice(this.start).filter((tuple) => this.current(tuple) !== undefined);
      this.start = 0;
      this.stale = 0;
    }
  }

  private merge(): void {
    const { order, tuples } = this;
    const fresh = this.added.filter((tuple) => this.current(tuple) !== undefined).sort((a, b) => compareTuples(a, b, order));
    this.added = [];
    const merged: Tuple[] = [];
    let lastKey: unknown;
    const push = (tuple: Tuple): void => {
      const key = tuple[tuple.length - 1];
      // The same key twice means the same place (both tuples are current): keep one.
      if (key === lastKey) return;
      merged.push(tuple);
      lastKey = key;
    };
    let left = this.start;
    let right = 0;
    while (left < tuples.length || right < fresh.length) {
      const old = tuples[left];
      if (old !== undefined && this.current(old) === undefined) {
        left += 1;
        continue;
      }
      const next = fresh[right];
      if (next === undefined || (old !== undefined && compareTuples(old, next, order) <= 0)) {
        push(old!);
        left += 1;
      } else {
        push(next);
        right += 1;
      }
    }
    this.tuples = merged;
    this.start = 0;
    this.stale = 0;
  }
}
