import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Page } from '../../src/model/common.js';

export type PagedListStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * A cursor-paged list for an element: the first page, then more on demand (scrolling), with loading and error
 * states, and a reload when the query changes. Requests that come back after a newer reload are dropped, so a
 * fast typist never sees stale results.
 */
export class PagedListController<T> implements ReactiveController {
  items: T[] = [];
  status: PagedListStatus = 'idle';
  error: unknown = null;
  /** More pages exist. */
  hasMore = false;
  /** A next page is loading (the first page is `status === 'loading'`). */
  loadingMore = false;
  total: number | undefined;
  private cursor: string | null = null;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (cursor: string | undefined) => Promise<Page<T>> | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the first page again (after a query change, or a retry). */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    const request = this.fetchPage(undefined);
    if (!request) {
      this.status = 'idle';
      this.host.requestUpdate();
      return;
    }
    this.status = 'loading';
    this.error = null;
    this.host.requestUpdate();
    try {
      const page = await request;
      if (generation !== this.generation) return;
      this.items = page.items;
      this.cursor = page.nextCursor;
      this.hasMore = page.nextCursor !== null;
      this.total = page.total;
      this.status = 'ready';
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
      this.status = 'error';
    }
    this.host.requestUpdate();
  }

  /** Loads the next page, if there is one and none is loading. */
  async loadMore(): Promise<void> {
    if (!this.hasMore || this.loadingMore || this.status !== 'ready' || this.cursor === null) return;
    const generation = this.generation;
    const request = this.fetchPage(this.cursor);
    if (!request) return;
    this.loadingMore = true;
    this.host.requestUpdate();
    try {
      const page = await request;
      if (generation !== this.generation) return;
      this.items = [...this.items, ...page.items];
      this.cursor = page.nextCursor;
      this.hasMore = page.nextCursor !== null;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
    } finally {
      if (generation === this.generation) this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** Replaces items in place (a live update), keeping paging as it is. */
  update(map: (items: T[]) => T[]): void {
    this.items = map(this.items);
    this.host.requestUpdate();
  }
}
