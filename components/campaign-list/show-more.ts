import { html, nothing, type TemplateResult } from 'lit';
import type { PagedListController } from '../internal/paged-list.js';

/** What the button needs of the element's LocalizeController. */
interface MoreTerms {
  term(key: 'showMore' | 'loadingMore'): string;
}

/** "Show more" under a paged list while it has more pages; "Loading more…" and disabled while one loads. */
export function renderShowMore(page: PagedListController<unknown>, localize: MoreTerms): TemplateResult | typeof nothing {
  if (!page.hasMore) return nothing;
  return html`<div class="more">
    <button class="button" part="more-button" ?disabled=${page.loadingMore} @click=${() => void page.loadMore()}>
      ${page.loadingMore ? localize.term('loadingMore') : localize.term('showMore')}
    </button>
  </div>`;
}
