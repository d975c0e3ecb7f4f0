import { css } from 'lit';

export default css`
  :host {
    display: block;
    height: var(--sms-inbox-height, auto);
    min-height: 0;
  }

  .base {
    box-sizing: border-box;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    height: 100%;
    min-height: 0;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    line-height: 1.4;
  }

  .base.split {
    grid-template-columns: minmax(16rem, var(--sms-inbox-list-width, 22rem)) minmax(0, 1fr);
  }

  .list-pane {
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }

  .split .list-pane {
    border-inline-end: 1px solid var(--_border);
  }

  /* Narrow: the conversation or "New conversation" stands in place of the list, which keeps its scroll and focus. */
  .list-pane[hidden] {
    display: none;
  }

  .back svg {
    width: 1.25rem;
    height: 1.25rem;
  }

  :host(:dir(rtl)) .back svg {
    transform: scaleX(-1);
  }

  .new-page {
    display: flex;
    flex-direction: column;
    gap: var(--_spacing);
    min-height: 0;
    padding: var(--_spacing);
    overflow-y: auto;
  }

  .page-header {
    display: flex;
    align-items: center;
    gap: calc(var(--_spacing) / 2);
  }

  .toolbar {
    flex-wrap: nowrap;
    padding: var(--_spacing);
    border-bottom: 1px solid var(--_border);
  }

  .search {
    flex: 1;
    min-width: 0;
  }

  .button svg {
    width: 1.1rem;
    height: 1.1rem;
    fill: currentColor;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_spacing) / 2) var(--_spacing);
    margin: 0;
    padding: calc(var(--_spacing) * 0.75) var(--_spacing);
    border: 0;
    border-bottom: 1px solid var(--_border);
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 2);
  }

  .chip {
    padding: 0.1em 0.8em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    cursor: pointer;
    user-select: none;
  }

  .chip:has(:checked) {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  .chip:has(:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  .number-filter {
    display: flex;
    align-items: center;
    gap: calc(var(--_spacing) / 2);
    margin-inline-start: auto;
    color: var(--_text-muted);
  }

  .number-filter .input {
    max-width: 14rem;
  }

  .note {
    margin: 0;
    padding: calc(var(--_spacing) * 0.75) var(--_spacing);
    color: var(--_text-muted);
    background: var(--_surface-alt);
    border-bottom: 1px solid var(--_border);
  }

  .action-error {
    display: flex;
    align-items: center;
    gap: var(--_spacing);
    padding: calc(var(--_spacing) / 2) var(--_spacing);
    color: var(--_danger);
    border-bottom: 1px solid var(--_border);
  }

  .action-error span {
    flex: 1;
  }

  .scroller {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .item {
    --_row: var(--_surface);
    position: relative;
    display: flex;
    align-items: stretch;
    background: var(--_row);
    border-bottom: 1px solid var(--_border);
    transition: background-color var(--_duration);
  }

  .item:hover {
    --_row: var(--_surface-alt);
  }

  .item[aria-selected='true'] {
    --_row: var(--sms-inbox-selected-background, color-mix(in srgb, var(--_accent) 14%, var(--_surface)));
    box-shadow: inset 3px 0 0 var(--_accent);
  }

  .main {
    display: flex;
    flex: 1;
    gap: var(--_spacing);
    min-width: 0;
    padding: calc(var(--_spacing) * 1.25) var(--_spacing);
    cursor: pointer;
  }

  .main:focus-visible {
    outline-offset: -2px;
  }

  .avatar {
    display: grid;
    place-items: center;
    flex: none;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    color: var(--_text-muted);
    font-weight: 600;
  }

  .lines {
    display: grid;
    flex: 1;
    gap: 0.15rem;
    min-width: 0;
  }

  .line {
    display: flex;
    align-items: baseline;
    gap: calc(var(--_spacing) / 2);
    min-width: 0;
  }

  .title,
  .preview {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .preview {
    color: var(--_text-muted);
  }

  .unread .title,
  .unread .preview {
    font-weight: 700;
    color: var(--_text);
  }

  .time {
    flex: none;
    color: var(--_text-muted);
    font-size: 0.85em;
    white-space: nowrap;
  }

  .unread .time {
    color: var(--_accent);
    font-weight: 600;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    align-items: center;
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .badge.blocked,
  .failed {
    color: var(--_danger);
    border-color: currentColor;
  }

  .badge.read-only {
    color: var(--_warning);
    border-color: currentColor;
  }

  .muted-icon svg {
    width: 0.95rem;
    height: 0.95rem;
    vertical-align: -0.1em;
    fill: currentColor;
  }

  .failed {
    flex: none;
    font-weight: 600;
  }

  .unread-badge {
    flex: none;
    min-width: 1.3em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--sms-inbox-unread-badge-background, var(--_accent));
    color: var(--sms-inbox-unread-badge-color, var(--_on-accent));
    font-size: 0.8em;
    font-weight: 700;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }

  .muted .unread-badge {
    background: var(--_text-muted);
  }

  /* Over the end of the row, shown on hover or when one of its buttons has focus; in the flow on touch screens. */
  .actions {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    display: flex;
    align-items: center;
    gap: 0.15rem;
    padding-inline: calc(var(--_spacing) * 1.5) calc(var(--_spacing) / 2);
    background: linear-gradient(to var(--_end, right), transparent, var(--_row) calc(var(--_spacing) * 1.5));
    opacity: 0;
    transition: opacity var(--_duration);
  }

  :host(:dir(rtl)) .actions {
    --_end: left;
  }

  .item:hover .actions,
  .actions:focus-within {
    opacity: 1;
  }

  @media (hover: none) {
    .actions {
      position: static;
      flex-direction: column;
      justify-content: center;
      padding-inline: 0 calc(var(--_spacing) / 2);
      background: none;
      opacity: 1;
    }
  }

  .actions .icon-button {
    min-width: 1.9rem;
    min-height: 1.9rem;
  }

  .actions .delete:hover {
    color: var(--_danger);
  }

  .more {
    padding: var(--_spacing);
    color: var(--_text-muted);
    text-align: center;
  }

  .sentinel {
    height: 1px;
  }

  .detail {
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }

  .detail > sms-conversation {
    flex: 1;
    min-height: 0;
  }

  .detail > .status {
    margin: auto;
  }

  .dialog-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_spacing);
    margin-bottom: var(--_spacing);
  }

  .dialog-title {
    margin: 0;
    font-size: 1.15em;
  }

  dialog.new-dialog {
    width: min(28rem, 90vw);
  }
`;
