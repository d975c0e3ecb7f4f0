import type { TemplateResult } from 'lit';
import { describeError, type ErrorLocalize } from './error-text.js';
import type { PagedListController } from './paged-list.js';
import { renderEmpty, renderError, renderLoading } from './states.js';

export interface ListingStateOptions {
  /** The element's terms: "Try again", "Loading…" and those of the errors. */
  localize: ErrorLocalize & { term(key: 'retry' | 'loading'): string };
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
 * return renderListingState(this.templates, { localize, retry: () => void this.reload(), empty: () => 'No templates yet.' }) ?? this.renderTable();
 */
export function renderListingState<T>(listing: PagedListController<T>, options: ListingStateOptions): TemplateResult | null {
  const { localize } = options;
  if (listing.status === 'error') return renderError(describeError(listing.error, localize).message, { label: localize.term('retry'), onRetry: options.retry });
  if (listing.status !== 'ready') return renderLoading(localize.term('loading'));
  return listing.items.length === 0 ? renderEmpty(options.empty()) : null;
}
