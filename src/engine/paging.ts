import { DEFAULT_PAGE_SIZE, type Page } from '../model/common.js';
import type { Collection, Query } from '../ports/store.js';

/** Records a call may examine to fill one filtered page before it returns what it has with a cursor. */
const SCAN_BUDGET = 5000;

/**
 * One page of `collection` through a predicate the store cannot evaluate (per-user state, contact names...).
 * The cursor is the store's cursor of the last record examined, so filtered pages never skip or repeat records;
 * a page may come back short (even empty) with a cursor when the scan budget runs out. The first read asks for one
 * page, so that a page the predicate keeps whole (an inbox with nothing hidden) costs one read and its own cursor;
 * the reads after it ask for twice what is missing.
 */
export async function filteredPage<T, V>(
  collection: Collection<T>,
  query: Query<T>,
  limit: number | undefined,
  accept: (records: T[]) => Promise<(V | null)[]>,
): Promise<Page<V>> {
  const want = limit ?? DEFAULT_PAGE_SIZE;
  const items: V[] = [];
  let cursor = query.cursor;
  let scanned = 0;
  while (items.length < want && scanned < SCAN_BUDGET) {
    const chunk = Math.min(scanned === 0 ? want : Math.max(want - items.length, 20) * 2, SCAN_BUDGET - scanned);
    const page = await collection.find({ ...query, cursor, limit: chunk });
    scanned += page.items.length;
    const views = await accept(page.items);
    for (let index = 0; index < page.items.length; index++) {
      const view = views[index];
      if (view !== null && view !== undefined) items.push(view);
      if (items.length === want) {
        const last = index === page.items.length - 1;
        if (last) return { items, nextCursor: page.nextCursor };
        // Stop mid-chunk: continue after this record next time.
        const rest = await collection.find({ ...query, cursor, limit: index + 1 });
        return { items, nextCursor: rest.nextCursor };
      }
    }
    if (page.nextCursor === null) return { items, nextCursor: null };
    cursor = page.nextCursor;
  }
  return { items, nextCursor: cursor ?? null };
}

/** Maps a store page to views. */
export function mapPage<T, V>(page: Page<T>, map: (item: T) => V): Page<V> {
  return { ...page, items: page.items.map(map) };
}
