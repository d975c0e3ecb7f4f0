import { css } from 'lit';

/**
 * The rules the manager elements share (`<sms-list-manager>`, `<sms-blocklist-manager>`, `<sms-number-manager>`): the
 * host and its grid, headings, a listing's title row and table area, header rows (a title, its actions at the end),
 * the danger remove button (entry-table.ts) and the import panel (import-panel.ts): its steps, the file's name and
 * the end of an import. Put it after importReportStyles and before the element's own styles.
 */
export const managerStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .base {
    display: grid;
    gap: var(--_spacing);
  }

  h2,
  h3,
  h4 {
    margin: 0;
    font-size: 1.05em;
  }

  /* A listing's title row (a title and its intro, side by side as room allows). */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_spacing);
  }

  .header p {
    margin: 0;
  }

  /* The table of a listing and its footer: the columns shown follow the table's own width (container queries). */
  .table-area {
    display: grid;
    gap: calc(var(--_spacing) / 2);
    min-width: 0;
    container-type: inline-size;
  }

  .pane-header,
  .detail-header,
  .details-header,
  .import-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_spacing);
  }

  .import,
  .import-ready,
  .saved-report {
    display: grid;
    gap: var(--_spacing);
  }

  /* The choices of an import's columns (phone, reason, name...), side by side as room allows. */
  .import-columns {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_spacing) calc(var(--_spacing) * 2);
  }

  .import-file {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  /* The actions of an import stay in view at the foot of the scroller while the preview and problems above scroll. */
  .import-actions {
    position: sticky;
    bottom: 0;
    z-index: 2;
    padding-block: var(--_spacing);
    border-top: 1px solid var(--_border);
    background: var(--_surface);
  }

  .import-done h4 {
    color: var(--_success);
  }

  .import-done p {
    margin: 0;
  }

  /* One rule for destructive controls: the danger colour ("Delete list", a row's bin, the confirmation's button). */
  .danger-icon {
    color: var(--_danger);
  }

  /*
   * The toolbar above a listing (search, filters, actions): the search grows and the actions keep together, so that
   * they wrap below the search as one row. Narrow, the search has a row of its own and the other controls follow two
   * by two, edge to edge; with an odd number of them (the class \`odd\`), the primary action has a row of its own.
   */
  .listing-toolbar > .search {
    flex: 1 1 14rem;
    min-width: 0;
  }

  .toolbar-actions {
    display: flex;
    flex: 0 0 auto;
    flex-wrap: wrap;
    gap: var(--_spacing);
  }

  @container (max-width: 40rem) {
    .listing-toolbar > .search {
      flex-basis: 100%;
    }

    .listing-toolbar .toolbar-actions {
      display: contents;
    }

    .listing-toolbar > :not(.search),
    .listing-toolbar .toolbar-actions > * {
      flex: 1 1 calc(50% - var(--_spacing) / 2);
    }

    .listing-toolbar.odd .button.primary {
      flex-basis: 100%;
    }
  }

  /* A note telling a user why they may look but not change. */
  .view-only {
    margin: 0;
    padding: calc(var(--_spacing) / 2) var(--_spacing);
    border-inline-start: 3px solid var(--_accent);
    border-radius: 4px;
    background: var(--_surface-alt);
  }

  /* A checkbox with its text, and a group of fields in a form (fieldset.choices, its legend). */
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    cursor: pointer;
  }

  .choice input {
    width: 1.1em;
    height: 1.1em;
    margin: 0;
    accent-color: var(--_accent);
  }

  .choices {
    display: grid;
    gap: calc(var(--_spacing) / 2);
    min-width: 0;
    margin: 0;
    padding: var(--_spacing);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .choices legend {
    padding-inline: 0.25em;
    font-weight: 600;
  }
`;
