import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef, type Ref } from 'lit/directives/ref.js';

export interface AnchoredWindowOptions {
  /** Called when the view comes within `NEAR_TOP` pixels of the top: load older rows. */
  onNearTop?: () => void;
  /** Called when the view arrives at the bottom or leaves it. */
  onBottomChange?: (atBottom: boolean) => void;
}

/** Height of a row until rows have been measured (then their average), in pixels. */
const ESTIMATE = 56;
/** Pixels rendered above and below the viewport. */
const OVERSCAN = 480;
/** Most rows rendered at once, whatever their heights. */
const MAX_ROWS = 80;
/** Within this many pixels of the bottom, the view counts as at the bottom and sticks there. */
const BOTTOM_SLACK = 32;
/** Within this many pixels of the top, `onNearTop` is called. */
const NEAR_TOP = 240;

interface Anchor {
  key: string;
  /** Distance from the top of the viewport to the top of the row. */
  offset: number;
}

/**
 * Windowing for a long list of rows of different heights that opens at its end and grows at both ends, such as a
 * message thread: only the rows near the viewport are in the DOM (spacers stand in for the others), and what the
 * reader looks at stays where it is on screen when rows are added above it, when rows are measured, or when the
 * viewport resizes. At the bottom the view sticks to the bottom, so a new row scrolls into view.
 *
 * How: the heights of rendered rows are measured and kept by key; unmeasured rows count as the average. The anchor
 * is the first anchor row visible and its distance from the viewport top, taken on each user scroll; after each render
 * and each resize the scroll position is set so that the anchor is back at that distance (or at the bottom when
 * sticking), before the browser paints.
 *
 * The host renders `ref(window.scroller)` on the scrolling element (`overflow-anchor: none`), `ref(window.content)`
 * on the rows' container, and inside it the rows `keys.slice(window.start, window.end)`, each with `data-key`, no
 * margins. Rows that keep their place among the others (messages) also carry `data-anchor`; rows that move when
 * rows are added (a day separator, a "loading older" row) do not, and are never taken as the anchor. Call
 * `setKeys()` in `willUpdate` when the rows change.
 *
 * @example
 * willUpdate() { if (rowsChanged) this.window.setKeys(rows.map((row) => row.key)); }
 * render() { return html`<div class="scroller" ${ref(this.window.scroller)}><div ${ref(this.window.content)}>
 *   ${rows.slice(this.window.start, this.window.end).map((row) => html`<div data-key=${row.key}>...</div>`)}</div></div>`; }
 */
export class AnchoredWindowController implements ReactiveController {
  readonly scroller: Ref<HTMLElement> = createRef();
  readonly content: Ref<HTMLElement> = createRef();
  /** First rendered row. */
  start = 0;
  /** One past the last rendered row. */
  end = 0;
  private keys: readonly string[] = [];
  private index = new Map<string, number>();
  private readonly heights = new Map<string, number>();
  private measuredTotal = 0;
  private offsets = new Float64Array(1);
  private anchor: Anchor | null = null;
  private stick = true;
  private observed: HTMLElement | undefined;
  private resize: ResizeObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly callbacks: AnchoredWindowOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.attach(undefined);
  }

  /** True while the view is at the bottom (and follows new rows there). */
  get atBottom(): boolean {
    return this.stick;
  }

  /** The rows changed (added above or below, removed, replaced): lays them out and picks the rows to render. */
  setKeys(keys: readonly string[]): void {
    this.keys = keys;
    this.index = new Map(keys.map((key, position) => [key, position]));
    this.layout();
    this.pickRange(this.predictedScrollTop());
  }

  /** Forgets measured heights and goes back to the bottom: another list is shown. */
  reset(): void {
    this.heights.clear();
    this.measuredTotal = 0;
    this.anchor = null;
    this.setStick(true);
  }

  /** Scrolls to the last row and sticks there. */
  scrollToBottom(): void {
    this.anchor = null;
    this.setStick(true);
    this.pickRange(this.predictedScrollTop());
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const scroller = this.scroller.value;
    if (scroller !== this.observed) this.attach(scroller);
    this.settle();
  }

  /** Measures the rendered rows, sizes the spacers, puts the anchor back, then renders more rows if needed. */
  private settle(): void {
    const scroller = this.scroller.value;
    const content = this.content.value;
    if (!scroller || !content) return;
    this.measure(content);
    content.style.paddingTop = `${this.offsets[this.start]}px`;
    content.style.paddingBottom = `${this.total() - this.offsets[this.end]!}px`;
    // With no anchor (the viewport showed only a spacer), what is on screen now becomes the anchor.
    if (this.stick || this.anchor) this.restore(scroller, content);
    else this.captureAnchor(scroller, content);
    const before = [this.start, this.end];
    this.pickRange(this.contentScrollTop(scroller, content));
    if (before[0] !== this.start || before[1] !== this.end) this.host.requestUpdate();
    else this.checkNearTop(scroller);
  }

  private measure(content: HTMLElement): void {
    let changed = false;
    for (const row of content.children as HTMLCollectionOf<HTMLElement>) {
      const key = row.dataset.key;
      if (key === undefined) continue;
      const height = row.getBoundingClientRect().height;
      const previous = this.heights.get(key);
      if (previous !== undefined && Math.abs(previous - height) < 0.5) continue;
      this.measuredTotal += height - (previous ?? 0);
      this.heights.set(key, height);
      changed = true;
    }
    if (changed) this.layout();
  }

  private restore(scroller: HTMLElement, content: HTMLElement): void {
    if (this.stick) {
      scroller.scrollTop = scroller.scrollHeight;
      return;
    }
    const anchor = this.anchor;
    const position = anchor ? this.index.get(anchor.key) : undefined;
    if (!anchor || position === undefined) return;
    const row = content.querySelector<HTMLElement>(`[data-key="${CSS.escape(anchor.key)}"]`);
    if (row) {
      // Only a real move is corrected: writing scrollTop stops a smooth scroll the reader started (End, a wheel).
      const moved = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top - anchor.offset;
      if (Math.abs(moved) >= 0.5) scroller.scrollTop += moved;
    } else {
      scroller.scrollTop = this.contentTop(scroller, content) + this.offsets[position]! - anchor.offset;
    }
  }

  /** Where the rows' container starts inside the scroller (anything rendered above it counts). */
  private contentTop(scroller: HTMLElement, content: HTMLElement): number {
    return content.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  }

  private contentScrollTop(scroller: HTMLElement, content: HTMLElement): number {
    return scroller.scrollTop - this.contentTop(scroller, content);
  }

  /** The scroll position, in row coordinates, that the next render will have. */
  private predictedScrollTop(): number {
    const scroller = this.scroller.value;
    const content = this.content.value;
    const viewport = scroller?.clientHeight ?? 0;
    if (this.stick || !scroller || !content) return this.total() - viewport;
    const position = this.anchor ? this.index.get(this.anchor.key) : undefined;
    if (this.anchor && position !== undefined) return this.offsets[position]! - this.anchor.offset;
    return this.contentScrollTop(scroller, content);
  }

  private pickRange(scrollTop: number): void {
    const count = this.keys.length;
    const viewport = this.scroller.value?.clientHeight || 600;
    const top = Math.max(0, scrollTop - OVERSCAN);
    const bottom = scrollTop + viewport + OVERSCAN;
    let start = this.rowAt(top);
    let end = Math.min(count, this.rowAt(bottom) + 1);
    if (end - start > MAX_ROWS) {
      // Keep the rows around the viewport: those below the top edge first.
      const first = this.rowAt(Math.max(0, scrollTop));
      start = Math.max(0, Math.min(first - 2, count - MAX_ROWS));
      end = Math.min(count, start + MAX_ROWS);
    }
    this.start = start;
    this.end = Math.max(start, end);
  }

  /** The row at a vertical position (binary search in the offsets). */
  private rowAt(y: number): number {
    let low = 0;
    let high = this.keys.length - 1;
    if (high < 0) return 0;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.offsets[middle]! <= y) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private total(): number {
    return this.offsets[this.keys.length]!;
  }

  private layout(): void {
    const count = this.keys.length;
    const estimate = this.heights.size > 0 ? this.measuredTotal / this.heights.size : ESTIMATE;
    const offsets = new Float64Array(count + 1);
    for (let position = 0; position < count; position++) {
      offsets[position + 1] = offsets[position]! + (this.heights.get(this.keys[position]!) ?? estimate);
    }
    this.offsets = offsets;
  }

  private setStick(value: boolean): void {
    if (value === this.stick) return;
    this.stick = value;
    this.callbacks.onBottomChange?.(value);
  }

  private checkNearTop(scroller: HTMLElement): void {
    if (scroller.scrollTop <= NEAR_TOP) this.callbacks.onNearTop?.();
  }

  /**
   * Takes the first anchor row on screen and its distance from the viewport top. None when no rendered row is on
   * screen (a fast scroll into a spacer): the next render takes one.
   */
  private captureAnchor(scroller: HTMLElement, content: HTMLElement): void {
    const view = scroller.getBoundingClientRect();
    this.anchor = null;
    for (const row of content.children as HTMLCollectionOf<HTMLElement>) {
      const key = row.dataset.key;
      if (key === undefined || !('anchor' in row.dataset)) continue;
      const rect = row.getBoundingClientRect();
      if (rect.bottom <= view.top) continue;
      if (rect.top < view.bottom) this.anchor = { key, offset: rect.top - view.top };
      return;
    }
  }

  /** Takes the reader's position after a scroll: at the bottom, or the first visible row as the anchor. */
  private readonly onScroll = (): void => {
    const scroller = this.scroller.value;
    const content = this.content.value;
    if (!scroller || !content) return;
    this.setStick(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= BOTTOM_SLACK);
    this.captureAnchor(scroller, content);
    const before = [this.start, this.end];
    this.pickRange(this.contentScrollTop(scroller, content));
    if (before[0] !== this.start || before[1] !== this.end) this.host.requestUpdate();
    this.checkNearTop(scroller);
  };

  private attach(scroller: HTMLElement | undefined): void {
    this.observed?.removeEventListener('scroll', this.onScroll);
    this.resize?.disconnect();
    this.resize = undefined;
    this.observed = scroller;
    if (!scroller) return;
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    if (typeof ResizeObserver === 'undefined') return;
    // The viewport (the composer grows, the window resizes) and the rows (text wraps anew) change size.
    this.resize = new ResizeObserver(() => this.settle());
    this.resize.observe(scroller);
    if (this.content.value) this.resize.observe(this.content.value);
  }
}
