import type { TemplateResult } from 'lit';
import type { PagedListController } from './paged-list.js';
import { renderEmpty, renderError, renderLoading } from './states.js';

export interface ListingStateOptions {
  localize: { term(key: 'retry' | 'loading'): string };
  describe: (error: unknown) => string;
  /** "Try again" after an error. */
  retry: () => void;
  /** What the empty listing says (the search's "no match", or what the listing is for). */
  empty: () => string;
}

/**
 * What a manager shows in place of its table until it has rows: the error with "Try again", the loading state, or the
 * empty state; null once there are rows to show.
 *
 * @example
 * return renderListingState(this.templates, { localize, describe, retry: () => void this.reload(), empty: () => 'No templates yet.' }) ?? this.renderTable();
 */
export function renderListingState<T>(listing: PagedListController<T>, options: ListingStateOptions): TemplateResult | null {
  const { localize } = options;
  if (listing.status === 'error') return renderError(options.describe(listing.error), { label: localize.term('retry'), onRetry: options.retry });
  if (listing.status !== 'ready') return renderLoading(localize.term('loading'));
  return listing.items.length === 0 ? renderEmpty(options.empty()) : null;
}
