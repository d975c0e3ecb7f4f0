import { css } from 'lit';

/** The element's own rules, after managerStyles (components/internal/manager.styles.ts). */
export default css`
  .base {
    background: var(--_surface);
    color: var(--_text);
  }

  .table-scroll {
    max-height: var(--sms-contact-manager-height, 28rem);
    background: var(--_surface);
  }

  .col-name {
    width: 38%;
  }
  .col-scope {
    width: 7rem;
  }

  /*
   * Rows of one height, as the row window needs: two single-line lines in each (the name and company; the first two
   * numbers), long text ending in an ellipsis, whole in the cell's title and in the form.
   */
  .table-scroll tbody th,
  .table-scroll tbody td {
    height: 2.9rem;
  }

  .line {
    display: block;
    max-width: 100%;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .contact-name {
    font-weight: 600;
    text-align: start;
  }

  .company,
  .number-label,
  .more {
    color: var(--_text-muted);
  }

  .company,
  .number-label,
  .more {
    font-size: 0.85em;
  }

  .number {
    font-variant-numeric: tabular-nums;
  }

  .badge {
    line-height: 1.3;
    text-transform: none;
    letter-spacing: 0;
    font-size: 0.8em;
  }

  .scope-badge.global {
    color: var(--_accent);
    border-color: currentColor;
  }

  .scope-badge.personal {
    color: var(--_text-muted);
  }

  /* The form: numbers one under the other, each its label, the number and its remove button. */
  .number-rows {
    display: grid;
    gap: var(--_spacing);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .number-row {
    display: grid;
    grid-template-columns: minmax(6rem, 9rem) minmax(0, 1fr) auto;
    align-items: start;
    gap: var(--_spacing);
  }

  .number-remove {
    margin-top: 1.4rem;
  }

  /* Narrow: the label above its number. */
  @container (max-width: 30rem) {
    .number-row {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .number-phone {
      grid-column: 1;
    }
    .number-remove {
      grid-row: 1 / span 2;
      grid-column: 2;
    }
  }

  /* Columns leave the table as it narrows; the name and the numbers with their labels stay. */
  @container (max-width: 36rem) {
    .col-scope { display: none; }
    .col-name { width: 34%; }
  }
`;
