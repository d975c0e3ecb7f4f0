import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, type Ref } from 'lit/directives/ref.js';

export interface RowWindowOptions {
  /** Rows rendered above and below the visible ones. @default 12 */
  overscan?: number;
  /** Row height used until a row is measured, in pixels. @default 40 */
  estimate?: number;
  /** Called when the window comes within `nearEnd` rows of the last loaded row: load the next page. */
  onNearEnd?: () => void;
  /** @default 20 */
  nearEnd?: number;
}

export interface RowRange {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Height of the space above and below the rendered rows, in pixels. */
  before: number;
  after: number;
}

/**
 * Renders only the rows of a long table that are near the viewport (single-line rows of one height), so that a
 * table of 100k loaded rows keeps a few dozen in the DOM. The scroller is `ref(window.scroller)`; spacer rows stand
 * in for the rest (`renderSpacer`). Also moves keyboard focus between rows: the row under focus is `active`, its
 * controls take Tab and the other rows' do not (`tabIndexFor`); arrows, Page Up/Down, Home and End move it
 * (`onKeydown`), scrolling it into the window first. Rows carry `data-row="INDEX"`, the control that takes focus
 * `data-row-focus`.
 *
 * @example
 * const { start, end } = this.rows.range(items.length);
 * html`<div class="scroller" ${ref(this.rows.scroller)}><table><tbody @keydown=${this.rows.onKeydown}>
 *   ${this.rows.renderSpacer('before', 5)}${items.slice(start, end).map(...)}${this.rows.renderSpacer('after', 5)}
 * </tbody></table></div>`;
 */
export class RowWindowController implements ReactiveController {
  readonly scroller: Ref<HTMLElement> = createRef();
  /** The row that has (or would get) keyboard focus. */
  active = 0;
  private rowHeight: number;
  private count = 0;
  private last: RowRange = { start: 0, end: 0, before: 0, after: 0 };
  private observed: HTMLElement | undefined;
  private resize: ResizeObserver | undefined;
  private readonly overscan: number;
  private readonly nearEnd: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RowWindowOptions = {},
  ) {
    this.overscan = options.overscan ?? 12;
    this.rowHeight = options.estimate ?? 40;
    this.nearEnd = options.nearEnd ?? 20;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.detach();
  }

  hostUpdated(): void {
    const scroller = this.scroller.value;
    if (scroller !== this.observed) this.attach(scroller);
    if (!scroller) return;
    const row = scroller.querySelector<HTMLElement>('[data-row]');
    const height = row?.getBoundingClientRect().height ?? 0;
    if (height > 0 && Math.abs(height - this.rowHeight) > 0.5) {
      this.rowHeight = height;
      this.host.requestUpdate();
      return;
    }
    this.check();
  }

  /** The rows to render for `count` loaded rows. Call it from render. */
  range(count: number): RowRange {
    this.count = count;
    const scroller = this.scroller.value;
    const top = scroller ? scroller.scrollTop : 0;
    const viewport = this.viewport();
    const first = Math.floor(top / this.rowHeight);
    const start = Math.max(0, Math.min(count, first - this.overscan));
    const end = Math.min(count, first + Math.ceil(viewport / this.rowHeight) + this.overscan);
    if (this.active >= count) this.active = Math.max(0, count - 1);
    this.last = { start, end, before: start * this.rowHeight, after: Math.max(0, (count - end) * this.rowHeight) };
    return this.last;
  }

  /** A spacer row standing in for the rows above (`before`) or below (`after`) the window. */
  renderSpacer(which: 'before' | 'after', columns: number): TemplateResult | typeof nothing {
    const height = this.last[which];
    if (height <= 0) return nothing;
    return html`<tr class="spacer" aria-hidden="true"><td colspan=${columns} style="height:${height}px;padding:0;border:0"></td></tr>`;
  }

  /** 0 for the controls of the active row, -1 for the others: Tab enters the table once. */
  tabIndexFor(index: number): number {
    return index === this.active ? 0 : -1;
  }

  /** Moves focus to a row, rendering it first. */
  async focusRow(index: number): Promise<void> {
    if (this.count === 0) return;
    const target = Math.max(0, Math.min(this.count - 1, index));
    this.active = target;
    const scroller = this.scroller.value;
    if (scroller && (target < this.last.start + 1 || target >= this.last.end - 1)) {
      scroller.scrollTop = Math.max(0, target * this.rowHeight - this.viewport() / 2);
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    const row = scroller?.querySelector<HTMLElement>(`[data-row="${target}"]`);
    row?.scrollIntoView({ block: 'nearest' });
    row?.querySelector<HTMLElement>('[data-row-focus]')?.focus({ preventScroll: true });
  }

  /** Arrow keys, Page Up/Down, Home and End between rows. Put it on the tbody. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!row) return;
    const index = Number(row.dataset.row);
    const page = Math.max(1, Math.floor(this.viewport() / this.rowHeight) - 1);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: this.count - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.focusRow(next);
  };

  /** Takes the row a pointer or Tab went to as the active one. Put it on the tbody as `@focusin`. */
  readonly onFocusin = (event: FocusEvent): void => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!row) return;
    const index = Number(row.dataset.row);
    if (index !== this.active) {
      this.active = index;
      this.host.requestUpdate();
    }
  };

  /** Scrolls back to the first row (after a new search). */
  reset(): void {
    this.active = 0;
    if (this.scroller.value) this.scroller.value.scrollTop = 0;
  }

  private viewport(): number {
    const scroller = this.scroller.value;
    if (!scroller) return 600;
    const max = Number.parseFloat(getComputedStyle(scroller).maxHeight);
    return Math.max(scroller.clientHeight, Number.isFinite(max) ? max : 0) || 600;
  }

  /** Re-renders when scrolling moved the window, and asks for more rows near the end. */
  private check = (): void => {
    const previous = this.last;
    const next = this.range(this.count);
    if (next.start !== previous.start || next.end !== previous.end) this.host.requestUpdate();
    if (this.count > 0 && next.end >= this.count - this.nearEnd) this.options.onNearEnd?.();
  };

  private attach(scroller: HTMLElement | undefined): void {
    this.detach();
    this.observed = scroller;
    if (!scroller) return;
    scroller.addEventListener('scroll', this.check, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(() => this.check());
      this.resize.observe(scroller);
    }
  }

  private detach(): void {
    this.observed?.removeEventListener('scroll', this.check);
    this.resize?.disconnect();
    this.resize = undefined;
    this.observed = undefined;
  }
}
