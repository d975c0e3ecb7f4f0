import { css } from 'lit';

/**
 * Styles for the long tables of the manager elements (RowWindowController): a scrolling box with a sticky header,
 * single-line cells of one height (the window needs rows of equal height; long text ends in an ellipsis and shows in
 * full in a details view), a number shown as a link-like button, and the notice above the content. A table narrower
 * than its columns need (its `min-width`, entry-table.ts) scrolls sideways under its number (the first column) and
 * its actions (the last), which stay in place.
 */
export const dataTableStyles = css`
  .table-scroll {
    position: relative;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    scroll-padding-top: 2.5rem;
  }
  .table-scroll > .table {
    table-layout: fixed;
  }
  .table-scroll thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface);
  }
  .table-scroll tbody th,
  .table-scroll tbody td {
    height: 2.25rem;
    padding-block: 0.2rem;
    vertical-align: middle;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .table-scroll tbody th {
    font-weight: normal;
  }
  .table-scroll tr {
    background: var(--_surface);
  }
  .table-scroll tr > :is(:first-child, .cell-actions) {
    position: sticky;
    inset-inline-start: 0;
    background: inherit;
  }
  .table-scroll tr > .cell-actions {
    inset-inline: auto 0;
  }
  .table-scroll thead :is(:first-child, .cell-actions) {
    z-index: 2;
  }
  .table-scroll tbody tr:not(.spacer):hover,
  .table-scroll tbody tr.selected {
    background: var(--_surface-alt);
  }
  .table-scroll tbody tr.selected > :first-child {
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .cell-actions {
    width: 2.75rem;
    text-align: end;
  }
  .link-button {
    max-width: 100%;
    overflow: hidden;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    font-variant-numeric: tabular-nums;
    text-align: start;
    text-overflow: ellipsis;
    white-space: nowrap;
    cursor: pointer;
  }
  .link-button:hover {
    text-decoration: underline;
  }
  .table-footer {
    margin: 0;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_spacing);
    padding: calc(var(--_spacing) / 2) var(--_spacing);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }
  .notice.error {
    color: var(--_danger);
  }
  .notice.success {
    color: var(--_success);
  }
  .notice .button {
    color: var(--_text);
  }
  .dialog-title {
    margin: 0;
    font-size: 1.1em;
  }
  .dialog-form {
    display: grid;
    gap: calc(var(--_spacing) * 1.5);
    min-width: min(22rem, 80vw);
  }
  .dialog-form .dialog-actions {
    margin-top: var(--_spacing);
  }
  .form-error {
    margin: 0;
  }
`;
