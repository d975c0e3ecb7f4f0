import type { Page } from '../../src/model/common.js';

/** Rows read per call, and the most pages read: 10,000 rows (extensions, numbers, users), beyond any PBX this serves. */
const PAGE = 500;
const MAX_PAGES = 20;

/**
 * Every item of a paged listing, page after page (bounded), for the short directories a form chooses from.
 *
 * @example
 * const users = await readAll((cursor, limit) => client.directory.users({ cursor, limit }));
 */
export async function readAll<T>(read: (cursor: string | undefined, limit: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await read(cursor, PAGE);
    items.push(...page.items);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return items;
}
