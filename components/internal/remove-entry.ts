import type { ConfirmController, ConfirmRequest } from './confirm.js';
import type { NoticeController } from './notice.js';
import type { PagedListController } from './paged-list.js';
import type { RowWindowController } from './row-window.js';

export interface RemoveEntryOptions<T> {
  confirm: ConfirmController;
  notice: NoticeController;
  entries: PagedListController<T>;
  rows: RowWindowController;
  /** The question asked first; nothing happens unless it is confirmed. */
  ask: ConfirmRequest;
  /** Whether an item of the listing is the one removed. */
  is: (item: T) => boolean;
  /** Removes it in the backend. */
  remove: () => Promise<unknown>;
  /** Said once it is removed. */
  removed: string;
}

/**
 * A manager's "remove" of a row: asks for confirmation, removes (a failure shows in the notice), says so, takes the
 * row out of the listing and moves the focus to the row that takes its place. Resolves true once removed.
 *
 * @example
 * removeEntry({ confirm, notice, entries, rows, ask: { title: 'Remove JOIN?', ... }, is: (rule) => rule.id === id,
 *   remove: () => client.keywords.remove(id), removed: 'JOIN was removed.' });
 */
export async function removeEntry<T>(options: RemoveEntryOptions<T>): Promise<boolean> {
  const { notice, entries } = options;
  if (!(await options.confirm.ask(options.ask))) return false;
  const index = entries.items.findIndex(options.is);
  if (!(await notice.attempt(options.remove))) return false;
  notice.say(options.removed);
  entries.update((items) => items.filter((item) => !options.is(item)));
  if (index >= 0 && entries.items.length > 0) void options.rows.focusRow(Math.min(index, entries.items.length - 1));
  return true;
}
