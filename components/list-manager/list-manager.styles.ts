import { css } from 'lit';

/** The element's own rules, after managerStyles (components/internal/manager.styles.ts). */
export default css`
  .panes {
    display: grid;
    grid-template-columns: var(--sms-list-manager-lists-width, 16rem) minmax(0, 1fr);
    height: var(--sms-list-manager-height, 36rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    /* Clipped to the corners without being a scroller: the import's actions stick to the page once the panes stack. */
    overflow: clip;
  }

  .lists {
    display: flex;
    flex-direction: column;
    gap: var(--_spacing);
    min-height: 0;
    padding: var(--_spacing);
    border-inline-end: 1px solid var(--_border);
  }

  .list-nav {
    flex: 1 1 auto;
    min-height: 0;
    margin: 0;
    padding: 2px;
    overflow: auto;
    list-style: none;
  }

  .list-item {
    display: flex;
    flex-direction: column;
    gap: 0.1em;
    width: 100%;
    padding: calc(var(--_spacing) * 0.75) var(--_spacing);
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
    font: inherit;
    text-align: start;
    cursor: pointer;
    transition: background-color var(--_duration);
  }

  .list-item:hover {
    background: var(--_surface-alt);
  }

  .list-item[aria-current='true'] {
    background: var(--_surface-alt);
    box-shadow: inset 3px 0 0 var(--_accent);
    font-weight: 600;
  }

  .list-name {
    overflow-wrap: anywhere;
  }

  .list-count {
    color: var(--_text-muted);
    font-size: 0.9em;
    font-weight: normal;
  }

  .list-shared {
    margin-inline-start: 0.4em;
    padding: 0 0.4em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.85em;
  }

  .detail {
    display: flex;
    flex-direction: column;
    gap: var(--_spacing);
    min-width: 0;
    min-height: 0;
    padding: var(--_spacing);
    overflow: auto;
  }

  .detail-title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_spacing);
    min-width: 0;
  }

  .detail-title h2 {
    overflow-wrap: anywhere;
  }

  .table-scroll {
    flex: 1 1 0;
    min-height: 10rem;
  }

  /* Room for a whole number ("+61 412 345 678"); the merge fields share the rest. */
  .entries thead th:first-child {
    width: 9.5rem;
  }

  .last-import {
    padding: calc(var(--_spacing) / 2) var(--_spacing);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .last-import summary {
    cursor: pointer;
    color: var(--_text-muted);
  }

  .last-import[open] summary {
    margin-bottom: var(--_spacing);
  }

  .inline-field {
    grid-template-columns: auto minmax(0, 16rem);
    align-items: center;
    justify-content: start;
  }

  .merge-fields {
    display: grid;
    gap: var(--_spacing);
    margin: 0;
    padding: var(--_spacing);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .merge-fields legend {
    padding: 0 0.25em;
    font-weight: 600;
  }

  .status {
    border-radius: var(--_radius);
  }

  .is-empty > .status {
    border: 1px dashed var(--_border);
  }

  .back-button {
    display: none;
    align-self: flex-start;
    padding-inline-start: calc(var(--_spacing) / 2);
  }

  .back-button svg {
    width: 1.25rem;
    height: 1.25rem;
    fill: currentColor;
  }

  .back-button svg:dir(rtl) {
    transform: scaleX(-1);
  }

  #detail-title:focus:not(:focus-visible) {
    outline: none;
  }

  /*
   * Narrow (a side panel, a phone): one pane at a time, by the element's own width. The lists first; opening one
   * shows it, with "Back to the lists" above it.
   */
  @container (max-width: 40rem) {
    .panes {
      grid-template-columns: minmax(0, 1fr);
      height: auto;
    }

    .panes.show-list > .lists,
    .panes.show-lists > .detail {
      display: none;
    }

    .lists {
      max-height: var(--sms-list-manager-height, 36rem);
      border-inline-end: 0;
    }

    .back-button {
      display: inline-flex;
    }

    .detail {
      overflow: visible;
    }

    .table-scroll {
      flex: none;
      height: 22rem;
    }

    .inline-field {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
