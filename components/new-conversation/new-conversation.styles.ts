import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .base {
    display: grid;
    gap: var(--_spacing);
    line-height: 1.4;
  }

  .hint {
    margin: 0;
    min-height: 1.4em;
  }

  p.hint {
    min-height: 0;
  }

  .field-error {
    margin: 0;
  }

  .choices {
    max-height: var(--sms-new-conversation-list-height, 18rem);
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .group-label {
    padding: calc(var(--_spacing) / 2) var(--_spacing);
    color: var(--_text-muted);
    background: var(--_surface-alt);
    font-size: 0.8em;
    font-weight: 600;
  }

  .choice {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 var(--_spacing);
    align-items: center;
    padding: calc(var(--_spacing) * 0.75) var(--_spacing);
    cursor: pointer;
  }

  .choice[aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
    box-shadow: inset 3px 0 0 var(--_accent);
  }

  .choice-name,
  .choice-detail {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .choice-name {
    font-weight: 600;
  }

  .choice-detail {
    grid-column: 1;
    color: var(--_text-muted);
    font-size: 0.9em;
  }

  .choice .badge {
    grid-column: 2;
    grid-row: 1 / span 2;
  }
`;
