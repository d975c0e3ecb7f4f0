import { html, nothing, svg, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { PagedListController } from './paged-list.js';
import type { RowWindowController } from './row-window.js';

/** The bin of a "remove" button. */
const removeIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 3h6l1 2h4v2H4V5h4l1-2Zm-3 6h12l-1 12H7L6 9Zm4 2v8h2v-8h-2Zm4 0v8h2v-8h-2Z"/></svg>`;

/** What the table needs of an element's LocalizeController. */
export interface EntryTableLocalize {
  term(key: 'columnActions' | 'loadingMore', ...args: Array<string | number>): string;
}

export interface EntryTableOptions<T> {
  localize: EntryTableLocalize;
  rows: RowWindowController;
  entries: PagedListController<T>;
  /**
   * `aria-rowcount`: the header row and every row of the listing, or -1 when that is not known.
   * @default -1 while more pages exist, else the header row and the rows loaded
   */
  rowCount?: number;
  /** Names the table: a visually hidden caption, or the id of a heading (`labelledBy`). */
  caption?: string;
  labelledBy?: string;
  /** The header cells, but the last one (actions). */
  head: TemplateResult;
  /** How many columns the table has, actions included. */
  columns: number;
  /**
   * The width under which the table scrolls sideways (a CSS length) rather than squeezing its columns; the number and
   * the actions stay in place. None by default: the columns share the width.
   */
  minWidth?: string;
  key: (entry: T) => string;
  /** The row's classes; none by default. */
  rowClass?: (entry: T) => string;
  /** An entry's cells, `tabindex` on each of its controls (the one that takes focus has `data-row-focus`). */
  cells: (entry: T, tabindex: number) => TemplateResult;
  /** The footer's count of rows shown, in the element's words: "# numbers shown", "# contacts shown". */
  shown: (count: number) => string;
}

/**
 * The table of a manager's numbers (`part="entries"`, styled by data-table.styles.ts): loaded page after page
 * (PagedListController), only the rows near the viewport in the DOM (RowWindowController, which also moves
 * keyboard focus between rows), a last column of actions, and a footer with the count of rows shown.
 *
 * @example
 * renderEntryTable({ localize, rows, entries, caption: 'Numbers', head: html`<th scope="col">Number</th>`,
 *   shown: (count) => localize.term('entriesLoaded', count), columns: 2, key: (entry) => entry.id, cells: (entry, tabindex) => html`<th scope="row">...</th><td>...</td>` })
 */
export function renderEntryTable<T>(options: EntryTableOptions<T>): TemplateResult {
  const { localize, rows, entries, columns } = options;
  const { start, end } = rows.range(entries.items.length);
  return html`<div class="table-scroll" part="entries" ${ref(rows.scroller)}>
      <table
        class="table entries"
        style=${options.minWidth ? `min-width: ${options.minWidth}` : nothing}
        aria-rowcount=${options.rowCount ?? (entries.hasMore ? -1 : entries.items.length + 1)}
        aria-labelledby=${options.labelledBy ?? nothing}
      >
        ${options.caption === undefined ? nothing : html`<caption class="sms-visually-hidden">${options.caption}</caption>`}
        <thead>
          <tr aria-rowindex="1">
            ${options.head}
            <th scope="col" class="cell-actions"><span class="sms-visually-hidden">${localize.term('columnActions')}</span></th>
          </tr>
        </thead>
        <tbody @keydown=${rows.onKeydown} @focusin=${rows.onFocusin}>
          ${rows.renderSpacer('before', columns)}
          ${repeat(entries.items.slice(start, end), options.key, (entry, offset) => {
            const index = start + offset;
            return html`<tr data-row=${index} aria-rowindex=${index + 2} class=${options.rowClass?.(entry) ?? nothing}>
              ${options.cells(entry, rows.tabIndexFor(index))}
            </tr>`;
          })}
          ${rows.renderSpacer('after', columns)}
        </tbody>
      </table>
    </div>
    <p class="hint table-footer">${entries.loadingMore ? localize.term('loadingMore') : options.shown(entries.items.length)}</p>`;
}

/**
 * The remove button of a row (`part="remove-button"`): the bin icon, labelled, in the danger colour as every
 * destructive control of the managers is (manager.styles.ts).
 *
 * @example
 * renderRemoveButton({ label: 'Remove +61 412 345 678', tabindex, onClick: () => this.remove(entry) })
 */
export function renderRemoveButton(options: { label: string; tabindex: number; onClick: () => void }): TemplateResult {
  return html`<button
    class="icon-button danger-icon"
    part="remove-button"
    tabindex=${options.tabindex}
    aria-label=${options.label}
    title=${options.label}
    @click=${options.onClick}
  >
    ${removeIcon}
  </button>`;
}

export interface EditButtonOptions {
  label: string;
  tabindex: number;
  /** Classes besides `link-button`. */
  classes?: string;
  /** The tooltip; none by default. */
  title?: string;
  onClick: () => void;
  /** What the button shows: the row's name or number. */
  content: unknown;
}

/**
 * The edit button of a row (`part="edit-button"`): the row's name as a link-styled button that opens its form, and the
 * control that takes the row's focus (`data-row-focus`).
 *
 * @example
 * renderEditButton({ label: 'Edit JOIN', tabindex, content: rule.keyword, onClick: () => this.editor.openEdit(rule) })
 */
export function renderEditButton(options: EditButtonOptions): TemplateResult {
  return html`<button
    class=${options.classes ? `link-button ${options.classes}` : 'link-button'}
    part="edit-button"
    data-row-focus
    tabindex=${options.tabindex}
    aria-label=${options.label}
    title=${options.title ?? nothing}
    @click=${options.onClick}
  >
    ${options.content}
  </button>`;
}
