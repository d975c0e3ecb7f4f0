import { css } from 'lit';

export default css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .base {
    max-width: var(--sms-campaign-editor-max-width, 48rem);
    line-height: 1.4;
    background: var(--_surface);
    color: var(--_text);
  }

  .form {
    display: grid;
    gap: calc(var(--_spacing) * 2);
  }

  .title {
    margin: 0;
    font-size: 1.3em;
  }

  .fieldset {
    display: grid;
    gap: var(--_spacing);
    min-width: 0;
    margin: 0;
    padding: calc(var(--_spacing) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  legend {
    padding: 0 calc(var(--_spacing) / 2);
    font-weight: 600;
  }

  .field.inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing);
  }

  .field .input {
    width: 100%;
  }

  .field.inline .input {
    width: auto;
    max-width: 100%;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 2) calc(var(--_spacing) * 2);
  }

  .choice {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_spacing) / 2);
    cursor: pointer;
  }

  .choice input {
    margin: 0;
    accent-color: var(--_accent);
  }

  .hint,
  .field-error,
  .field-warning,
  .field-ok {
    margin: 0;
  }

  .hint:empty,
  .field-ok:empty,
  .field-error:empty,
  .field-warning:empty {
    display: none;
  }

  .field-warning {
    color: var(--_warning);
    font-size: 0.9em;
  }

  .field-ok {
    color: var(--_success);
    font-size: 0.9em;
  }

  .notice {
    margin: 0;
    padding: var(--_spacing) calc(var(--_spacing) * 1.5);
    border-inline-start: 3px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }

  .merge-fields {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_spacing) / 2);
  }

  .chip {
    min-height: 1.75rem;
    padding: 0 var(--_spacing);
    border: 1px dashed var(--_border);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }

  .preview {
    display: grid;
    gap: calc(var(--_spacing) / 4);
    padding: var(--_spacing);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .preview-text {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .drop-zone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--_spacing);
    padding: calc(var(--_spacing) * 2);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    text-align: center;
  }

  .drop-zone.dragging {
    border-color: var(--_accent);
  }

  .drop-zone:focus-within {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  .uploaded {
    margin: 0;
    font-weight: 600;
  }

  .report {
    display: grid;
    gap: var(--_spacing);
  }

  .report-title {
    margin: 0;
    font-size: 1em;
    overflow-wrap: anywhere;
  }

  .summary {
    padding: calc(var(--_spacing) * 1.5);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
  }

  .summary.stale {
    border-color: var(--_warning);
  }

  .summary-title {
    margin: 0 0 var(--_spacing);
    font-size: 1.05em;
  }

  .summary dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--_spacing) calc(var(--_spacing) * 2);
    margin: 0;
  }

  .summary dt {
    color: var(--_text-muted);
    font-size: 0.9em;
  }

  .summary dd {
    margin: 0;
    font-size: 1.15em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .summary .excluded dd {
    font-size: 1em;
    font-weight: normal;
  }

  .form-error {
    margin: 0;
    padding: var(--_spacing);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_spacing);
  }

  .done {
    display: grid;
    justify-items: start;
    gap: var(--_spacing);
    padding: calc(var(--_spacing) * 2);
    border: 1px solid var(--_success);
    border-radius: var(--_radius);
  }

  .done p {
    margin: 0;
    font-weight: 600;
  }

  @container (max-width: 30rem) {
    .fieldset {
      padding: var(--_spacing);
    }
    .actions > .button {
      flex: 1 1 100%;
    }
  }
`;
