import { css } from 'lit';

/** The element's own rules, after managerStyles (components/internal/manager.styles.ts). */
export default css`
  .base {
    background: var(--_surface);
    color: var(--_text);
  }

  .table-scroll {
    max-height: var(--sms-organisation-manager-height, 28rem);
    background: var(--_surface);
  }

  .col-status {
    width: 7rem;
  }
  .col-messages,
  .col-cost {
    width: 8.5rem;
  }
  .col-caps {
    width: 9rem;
  }
  .table-scroll .cell-actions {
    width: 14rem;
  }

  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  /* Rows of one height, as the row window needs: the name, and the id under it. */
  .table-scroll tbody th,
  .table-scroll tbody td {
    height: 2.9rem;
  }

  .name {
    display: block;
    font-weight: 600;
  }

  .line {
    display: block;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .id,
  .none,
  tr.suspended .name {
    color: var(--_text-muted);
  }

  .id {
    font-size: 0.85em;
  }

  .badge {
    text-transform: none;
    letter-spacing: 0;
  }

  .suspended-badge {
    color: var(--_warning);
    border-color: currentColor;
  }

  .row-actions {
    display: inline-flex;
    gap: calc(var(--_spacing) / 4);
    justify-content: flex-end;
  }

  .row-action {
    padding-inline: calc(var(--_spacing) * 0.75);
  }

  .row-action svg {
    width: 1.05rem;
    height: 1.05rem;
    fill: currentColor;
    flex: 0 0 auto;
  }

  .remove-warning,
  .usage-line {
    margin: 0;
  }

  .remove-warning {
    max-width: 32rem;
    color: var(--_danger);
  }

  .cap-input {
    max-width: 12rem;
    font-variant-numeric: tabular-nums;
  }

  /* Columns leave the table as it narrows: the caps first (in the form), then the usage (said in the form). */
  @container (max-width: 60rem) {
    .col-caps { display: none; }
  }

  @container (max-width: 44rem) {
    .col-messages { display: none; }
    .action-label { display: none; }
    .table-scroll .cell-actions { width: 6.75rem; }
    .row-action { min-width: 2rem; padding: 0; }
  }

  /* Narrowest: the status joins the id under the name (the suspended mark), so that the name keeps its room. */
  .status-inline {
    display: none;
  }

  @container (max-width: 30rem) {
    .col-cost,
    .col-status { display: none; }
    .status-inline { display: inline-block; }
  }
`;
