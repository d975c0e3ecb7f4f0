import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_spacing) * 0.75);
    padding: var(--sms-segment-counter-padding, var(--_spacing));
    background: var(--sms-segment-counter-background, var(--_surface));
    border-radius: var(--_radius);
    line-height: 1.4;
  }

  .summary,
  .non-gsm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_spacing) * 0.5) var(--_spacing);
  }

  .encoding {
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 600;
  }

  .ucs2 .encoding {
    color: var(--_warning);
    background: var(--_warning-surface);
    border-color: currentColor;
  }

  .remaining,
  .segments {
    font-variant-numeric: tabular-nums;
  }

  .per-segment,
  .non-gsm-label,
  .code {
    color: var(--_text-muted);
  }

  .characters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .character {
    display: inline-flex;
    align-items: baseline;
    gap: 0.35em;
    padding: 0 0.4em;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: 4px;
  }

  .code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.85em;
  }

  .invisible .code {
    color: inherit;
  }

  button {
    font: inherit;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    padding: 0.2em 0.75em;
    cursor: pointer;
    transition: filter var(--_duration) ease;
  }

  button:hover {
    filter: brightness(1.1);
  }

  .warning {
    padding: 0.25em 0.5em;
    color: var(--_warning);
    background: var(--_warning-surface);
    border-inline-start: 3px solid currentColor;
    border-radius: 4px;
    font-weight: 600;
  }

  .exceeded .segments {
    color: var(--_warning);
    font-weight: 600;
  }

  .exceeded .per-segment {
    font-weight: normal;
  }

  /* compact: one wrapping line for composers */
  :host([compact]) .base {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_spacing) * 0.5) var(--_spacing);
    padding: var(--sms-segment-counter-padding, calc(var(--_spacing) * 0.5));
    font-size: 0.92em;
  }

  :host([compact]) .per-segment,
  :host([compact]) .character:not(.invisible) .code {
    display: none;
  }
`;
