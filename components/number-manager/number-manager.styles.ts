import { css } from 'lit';

/** The element's own rules, after managerStyles (components/internal/manager.styles.ts). */
export default css`
  .base {
    background: var(--_surface);
    color: var(--_text);
  }

  .table-scroll {
    max-height: var(--sms-number-manager-height, 28rem);
    background: var(--_surface);
  }

  .col-number {
    width: 10.5rem;
  }
  .col-label {
    width: 10rem;
  }
  .col-replies {
    width: 10rem;
  }

  .number {
    font-variant-numeric: tabular-nums;
  }

  .badge {
    margin-inline-end: 0.4em;
    vertical-align: middle;
    line-height: 1.3;
    text-transform: none;
    letter-spacing: 0;
    font-size: 0.8em;
  }

  .group-badge {
    color: var(--_accent);
    border-color: currentColor;
  }

  .removed-badge,
  tr.removed,
  .none {
    color: var(--_text-muted);
  }

  .toolbar .show-removed {
    flex: 0 0 auto;
  }

  /* The form: extensions to choose, each with the number it holds now. */
  .choice-list {
    display: grid;
    gap: calc(var(--_spacing) / 2);
    max-height: 14rem;
    overflow: auto;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .choice-list li {
    display: grid;
  }

  .holder {
    padding-inline-start: 1.5em;
  }

  .moves:empty {
    display: none;
  }

  .moves p {
    margin: 0;
  }

  /* Columns leave the table as it narrows; the number and its extensions stay. */
  @container (max-width: 52rem) { .col-replies { display: none; } }
  .short {
    display: none;
  }

  /* Narrow: extensions by their numbers only ("201, 202"), their names in the cell's title. */
  @container (max-width: 36rem) {
    .col-label { display: none; }
    th.col-number { width: 8rem; }
    .full { display: none; }
    .short { display: inline; }
  }
`;
