import type { SmsClient } from '../../src/client.js';
import type { DefaultCountryController } from './default-country.js';
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

export interface RetryListingOptions {
  client: SmsClient | undefined;
  /** The settings that give the default country: read again when they failed with the listing. */
  defaults?: DefaultCountryController;
  /** Reads again what else the element failed to read with the listing (it checks what failed). */
  also?: (client: SmsClient) => void;
  /** Reads the listing again. */
  reload: () => Promise<void>;
}

/**
 * "Try again" after the listing failed: the listing, and the settings (and the element's other reads) if they failed
 * with it.
 *
 * @example
 * retryListing({ client: this.smsClient, defaults: this.defaults, reload: () => this.reload() });
 */
export function retryListing(options: RetryListingOptions): Promise<void> {
  const { client, defaults } = options;
  if (client) {
    if (defaults && defaults.settings === undefined) void defaults.load(client);
    options.also?.(client);
  }
  return options.reload();
}
