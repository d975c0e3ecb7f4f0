import { css } from 'lit';

/** The element's own rules, after managerStyles (components/internal/manager.styles.ts). */
export default css`
  .base {
    background: var(--_surface);
    color: var(--_text);
  }

  .content {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_spacing);
  }

  .content.with-details {
    grid-template-columns: minmax(0, 1fr) var(--sms-blocklist-manager-details-width, 20rem);
  }

  .table-scroll {
    max-height: var(--sms-blocklist-manager-height, 28rem);
    background: var(--_surface);
  }

  .col-number {
    width: 10.5rem;
  }
  .col-source {
    width: 8.5rem;
  }
  .col-by {
    width: 8rem;
  }
  .col-at {
    width: 11rem;
  }

  .badge.source {
    text-transform: none;
    letter-spacing: 0;
    font-size: 0.8em;
  }

  .badge.source-opt-out {
    color: var(--_warning);
    background: var(--_warning-surface);
    border-color: currentColor;
  }

  .badge.source-import {
    color: var(--_accent);
    border-color: currentColor;
  }

  .message-cell {
    color: var(--_text-muted);
  }

  .details,
  .import {
    padding: var(--_spacing);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .details {
    display: grid;
    align-content: start;
    gap: var(--_spacing);
    max-height: calc(var(--sms-blocklist-manager-height, 28rem) + 2rem);
    overflow: auto;
  }

  .facts {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: calc(var(--_spacing) / 2) var(--_spacing);
    margin: 0;
  }

  .facts dt {
    color: var(--_text-muted);
  }

  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .message {
    margin: 0;
    padding: calc(var(--_spacing) / 2) var(--_spacing);
    border-inline-start: 3px solid var(--_border);
    background: var(--_surface-alt);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .reason {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .history {
    display: grid;
    gap: var(--_spacing);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .history-item {
    display: grid;
    gap: 0.25em;
    padding-inline-start: var(--_spacing);
    border-inline-start: 3px solid var(--_border);
  }

  .history-item.added {
    border-color: var(--_danger);
  }

  .history-item.removed {
    border-color: var(--_success);
  }

  .history-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em var(--_spacing);
  }

  @container (max-width: 56rem) {
    .content.with-details {
      grid-template-columns: minmax(0, 1fr);
    }

    .details {
      max-height: none;
    }
  }

  /* Columns leave the table as it narrows, long texts first; the details panel shows everything in full. */
  @container (max-width: 72rem) { .col-message { display: none; } }
  @container (max-width: 60rem) { .col-reason { display: none; } }
  @container (max-width: 34rem) { .col-at { display: none; } }
  @container (max-width: 22rem) { .col-source { display: none; } }

  /* Narrow: who added a number is in the details too; the number takes what is left. */
  @container (max-width: 44rem) {
    .optional {
      display: none;
    }

    th.col-number {
      width: auto;
    }

    th.col-source {
      width: 7.5rem;
    }
  }
`;
