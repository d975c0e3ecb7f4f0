import type { PagedListController } from './paged-list.js';
import type { RowWindowController } from './row-window.js';

/**
 * Reads a manager's listing again from its first page, its table's window of rows back at the top (a new search, a
 * filter, a new client).
 *
 * @example
 * private reload(): Promise<void> { return reloadListing(this.numbers, this.rows); }
 */
export function reloadListing<T>(entries: PagedListController<T>, rows: RowWindowController): Promise<void> {
  rows.reset();
  return entries.reload();
}

/**
 * After a save: reads the listing again and moves focus to the row saved, if the listing still holds it.
 *
 * @example
 * await reloadAndFocus(this.keywords, this.rows, (item) => item.id === rule.id);
 */
export async function reloadAndFocus<T>(entries: PagedListController<T>, rows: RowWindowController, is: (item: T) => boolean): Promise<void> {
  await reloadListing(entries, rows);
  const index = entries.items.findIndex(is);
  if (index >= 0) void rows.focusRow(index);
}
