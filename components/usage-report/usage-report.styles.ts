import { css } from 'lit';

/** The element's own rules, after managerStyles (components/internal/manager.styles.ts). */
export default css`
  .base {
    background: var(--_surface);
    color: var(--_text);
  }

  /* The choices side by side, each label above its control; the export at the end. Narrow, two by two. */
  .usage-toolbar {
    align-items: end;
  }

  .usage-toolbar > .field {
    flex: 0 1 11rem;
    min-width: 0;
  }

  .usage-toolbar .toolbar-actions {
    margin-inline-start: auto;
  }

  .range-error {
    flex-basis: 100%;
    margin: 0;
  }

  @container (max-width: 40rem) {
    .usage-toolbar > .field,
    .usage-toolbar .toolbar-actions {
      flex: 1 1 calc(50% - var(--_spacing) / 2);
      margin-inline-start: 0;
    }
    .usage-toolbar .toolbar-actions > .button {
      flex: 1 1 auto;
    }
  }

  .report {
    display: grid;
    gap: var(--_spacing);
    min-width: 0;
    container-type: inline-size;
  }

  .span {
    margin: 0;
    font-weight: 600;
  }

  /* The totals: four figures, two by two when narrow. */
  .totals {
    display: grid;
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: var(--_spacing);
    margin: 0;
  }

  .totals > div {
    min-width: 0;
    padding: calc(var(--_spacing) * 0.75) var(--_spacing);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .totals dt {
    color: var(--_text-muted);
    font-size: 0.9em;
  }

  .totals dd {
    margin: 0;
    font-size: 1.35em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  @container (max-width: 30rem) {
    .totals {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }

  /* The chart beside the table when there is room, above it otherwise. */
  .panels {
    display: grid;
    gap: calc(var(--_spacing) * 2);
    align-items: start;
  }

  @container (min-width: 52rem) {
    .panels {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }

  .chart {
    min-width: 0;
  }

  .chart-title {
    margin: 0 0 calc(var(--_spacing) / 2);
    color: var(--_text-muted);
    font-weight: 600;
  }

  .chart-svg {
    display: block;
    overflow: visible;
    font: inherit;
  }

  .bar-label,
  .bar-value {
    fill: var(--_text);
  }

  .bar-value {
    font-variant-numeric: tabular-nums;
  }

  .bar-track {
    fill: var(--_surface-alt);
  }

  .bar {
    fill: var(--_accent);
  }

  .others .bar {
    fill: var(--_text-muted);
  }

  .others .bar-label {
    fill: var(--_text-muted);
    font-style: italic;
  }

  /* The table of the same numbers: figures at the end of their cells, the total row kept in view at the foot. */
  .table-scroll {
    max-height: var(--sms-usage-report-height, 28rem);
    background: var(--_surface);
  }

  .usage-table .num {
    width: 6.5rem;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .usage-table tbody th {
    color: var(--_text);
  }

  .usage-table tfoot th,
  .usage-table tfoot td {
    position: sticky;
    bottom: 0;
    z-index: 1;
    padding-block: 0.5rem;
    border-top: 2px solid var(--_border);
    border-bottom: 0;
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
  }

  .table-scroll:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  /*
   * Columns leave the table as the table itself narrows (beside the chart, or in a narrow element): received first,
   * then the parts; the group, messages and cost stay.
   */
  .table-box {
    min-width: 0;
    container-type: inline-size;
  }

  @container (max-width: 36rem) {
    .col-inbound {
      display: none;
    }
  }

  @container (max-width: 26rem) {
    .col-segments {
      display: none;
    }
    .usage-table .num {
      width: 4.75rem;
    }
  }
`;
