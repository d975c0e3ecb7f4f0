import type { ConfirmController, ConfirmRequest } from './confirm.js';
import type { NoticeController } from './notice.js';
import type { PagedListController } from './paged-list.js';
import type { RowWindowController } from './row-window.js';

export interface RemoveRowOptions<T> {
  confirm: ConfirmController;
  notice: NoticeController;
  entries: PagedListController<T>;
  rows: RowWindowController;
  /** The confirmation asked first. */
  ask: ConfirmRequest;
  /** The row removed. */
  is: (item: T) => boolean;
  /** Removes it at the backend. */
  remove: () => Promise<unknown>;
  /** Said once it is removed. */
  removed: string;
}

/**
 * The remove flow of a manager's row: asks first; once removed at the backend, says so, takes the row out of the
 * listing and moves focus to the row that took its place (a refusal is shown in the notice and the row stays).
 * Resolves true when the row was removed.
 *
 * @example
 * await removeRow({ confirm, notice, entries, rows, ask: { title: 'Remove Bob?', ... }, is: (c) => c.id === bob.id,
 *   remove: () => client.contacts.remove(bob.id), removed: 'Bob was removed.' });
 */
export async function removeRow<T>(options: RemoveRowOptions<T>): Promise<boolean> {
  const { entries, rows } = options;
  if (!(await options.confirm.ask(options.ask))) return false;
  const index = entries.items.findIndex(options.is);
  if (!(await options.notice.attempt(options.remove))) return false;
  options.notice.say(options.removed);
  entries.update((items) => items.filter((item) => !options.is(item)));
  if (index >= 0 && entries.items.length > 0) void rows.focusRow(Math.min(index, entries.items.length - 1));
  return true;
}
