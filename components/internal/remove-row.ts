import type { ConfirmController, ConfirmRequest } from './confirm.js';
import type { NoticeController } from './notice.js';
import type { PagedListController } from './paged-list.js';
import type { RowWindowController } from './row-window.js';

export interface TakeOutRowOptions<T> {
  entries: PagedListController<T>;
  rows: RowWindowController;
  /** The row removed. */
  is: (item: T) => boolean;
}

export interface RemoveRowOptions<T, R> extends TakeOutRowOptions<T> {
  confirm: ConfirmController;
  notice: NoticeController;
  /** The confirmation asked first; nothing happens unless it is confirmed. */
  ask: ConfirmRequest;
  /** Removes it at the backend; what it resolves to is given to `removed` and `update`. */
  remove: () => Promise<R>;
  /** Said once it is removed. */
  removed: string | ((result: R) => string);
  /** Takes it out of the listing. Default: the rows `is` matches leave it. */
  update?: (result: R) => void;
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
export async function removeRow<T, R>(options: RemoveRowOptions<T, R>): Promise<boolean> {
  const { notice, removed, update } = options;
  if (!(await options.confirm.ask(options.ask))) return false;
  const index = options.entries.items.findIndex(options.is);
  let result: R;
  if (!(await notice.attempt(async () => (result = await options.remove())))) return false;
  notice.say(typeof removed === 'string' ? removed : removed(result!));
  takeOutRow(options, index, update && (() => update(result)));
  return true;
}

/**
 * Takes a removed row out of a manager's listing and moves focus to the row that takes its place (the one after it,
 * else the new last one). `index` is where the row stood, when the listing has changed since it was removed.
 *
 * @example
 * takeOutRow({ entries, rows, is: (item) => item.id === organisation.id });
 */
export function takeOutRow<T>(
  { entries, rows, is }: TakeOutRowOptions<T>,
  index = entries.items.findIndex(is),
  update = (): void => entries.update((items) => items.filter((item) => !is(item))),
): void {
  update();
  if (index >= 0 && entries.items.length > 0) void rows.focusRow(Math.min(index, entries.items.length - 1));
}

/** What `removalQuestion` needs of an element's LocalizeController. */
export interface RemovalTerms {
  term(key: string, ...args: Array<string | number>): string;
}

/** The keys of an element's removal question: its title ("Remove {0}?"), what removing means, the danger button. */
export interface RemovalKeys {
  title: string;
  message: string;
  confirm: string;
}

/**
 * A manager's confirmation before a row is removed, in its own terms (`keys`): "Remove {name}?", what it means, the
 * danger button, and "Cancel".
 *
 * @example
 * removeRow({ ..., ask: removalQuestion(this.localize, rule.keyword, { title: 'removeTitle', message: 'keywordRemoveMessage', confirm: 'keywordRemoveConfirm' }), ... });
 */
export function removalQuestion(localize: RemovalTerms, name: string, keys: RemovalKeys): ConfirmRequest {
  return {
    title: localize.term(keys.title, name),
    message: localize.term(keys.message),
    confirmLabel: localize.term(keys.confirm),
    cancelLabel: localize.term('cancel'),
    danger: true,
  };
}
