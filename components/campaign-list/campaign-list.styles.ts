import { css } from 'lit';

export default css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .base {
    display: grid;
    gap: var(--_spacing);
    line-height: 1.4;
    background: var(--_surface);
    color: var(--_text);
  }

  .list-toolbar {
    justify-content: space-between;
  }

  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .tab {
    min-height: 1.9rem;
    padding: 0 var(--_spacing);
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: transparent;
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  .tab[aria-selected='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  .search {
    flex: 1 1 12rem;
    min-width: 0;
  }

  .notice {
    margin: 0;
    padding: var(--_spacing);
    border-inline-start: 3px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }

  .panel {
    max-height: var(--sms-campaign-list-max-height, none);
    overflow: auto;
  }

  .list {
    display: grid;
    gap: var(--_spacing);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .campaign {
    display: grid;
    gap: calc(var(--_spacing) * 0.75);
    padding: calc(var(--_spacing) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .head,
  .recipients-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing);
  }

  .title {
    margin: 0;
    font-size: 1.1em;
    min-width: 0;
  }

  .campaign-name {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    overflow-wrap: anywhere;
    cursor: pointer;
  }

  .campaign-name:hover {
    text-decoration: underline;
  }

  .body {
    margin: 0;
    overflow: hidden;
    color: var(--_text-muted);
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .meta,
  .estimate {
    margin: 0;
    color: var(--_text-muted);
  }

  .campaign-error {
    margin: 0;
    color: var(--_danger);
  }

  .field-error {
    margin: 0;
  }

  .status-badge.draft {
    color: var(--_text-muted);
  }
  .status-badge.scheduled,
  .status-badge.stopped {
    color: var(--_warning);
  }
  .status-badge.running,
  .status-badge.completed {
    color: var(--_success);
  }
  .status-badge.failed {
    color: var(--_danger);
  }

  .progress-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_spacing) * 0.5) var(--_spacing);
  }

  .progress {
    display: flex;
    flex: 1 1 12rem;
    height: 0.6rem;
    overflow: hidden;
    border-radius: 999px;
    background: var(--_surface-alt);
    box-shadow: inset 0 0 0 1px var(--_border);
  }

  .bar {
    height: 100%;
    transition: width var(--_duration) ease;
  }
  .bar.delivered {
    background: var(--_success);
  }
  .bar.sent {
    background: var(--_accent);
  }
  .bar.failed {
    background: var(--_danger);
  }
  .bar.held {
    background: var(--_text-muted);
  }

  .progress-text {
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }

  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) * 0.5) calc(var(--_spacing) * 2);
    margin: 0;
  }

  .count {
    display: flex;
    flex-direction: column;
  }

  /* The total, set apart from the parts that add up to it. */
  .count.total {
    padding-inline-end: calc(var(--_spacing) * 2);
    border-inline-end: 1px solid var(--_border);
  }

  .count dt {
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .count dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .count.failed.some dd,
  .count.unknown.some dd {
    color: var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) * 0.5);
  }

  .more {
    display: flex;
    justify-content: center;
    padding: var(--_spacing);
  }

  .recipients {
    display: grid;
    gap: var(--_spacing);
  }

  /* Focused by script when the view opens, so that screen readers start there; not a control. */
  .recipients-title:focus,
  .recipients-title:focus-visible {
    outline: none;
  }

  .recipients-title {
    flex: 1 1 auto;
    margin: 0;
    font-size: 1.2em;
    overflow-wrap: anywhere;
  }

  .inline-field {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_spacing) * 0.5);
  }

  .table-scroll {
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .numeric {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  .phone,
  .table time {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }

  .fields {
    min-width: 10rem;
  }

  .field-pair {
    display: inline-block;
    margin-inline-end: var(--_spacing);
  }

  .state.delivered {
    color: var(--_success);
  }
  .state.failed,
  .state.unknown {
    color: var(--_danger);
  }
  .state.blocked,
  .state.invalid,
  .state.duplicate {
    color: var(--_warning);
  }

  .error-text {
    color: var(--_danger);
  }

  @container (max-width: 32rem) {
    .list-toolbar > * {
      flex: 1 1 100%;
    }
    .campaign {
      padding: var(--_spacing);
    }
    .counts {
      gap: calc(var(--_spacing) * 0.5) var(--_spacing);
    }
  }
`;
