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
    --_section-inset: calc(var(--_spacing) * 1.5);
    display: grid;
    gap: calc(var(--_spacing) * 2);
  }

  .title {
    margin: 0;
    font-size: 1.3em;
  }

  /* Every part of the form is a section: the same box, inset and title, labels above their fields. */
  .section {
    display: grid;
    gap: var(--_spacing);
    min-width: 0;
    margin: 0;
    padding: var(--_section-inset);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* A floated legend is laid out as the fieldset's first row, inside the box like a section's label. */
  .section > legend {
    float: inline-start;
    width: 100%;
    padding: 0;
  }

  .section > legend,
  .section-title {
    margin: 0;
    font-size: 1.05em;
    font-weight: 600;
  }

  .field .input {
    width: 100%;
  }

  .body {
    min-height: calc(4lh + 2 * var(--_spacing) + 2px);
    max-height: calc(16lh + 2 * var(--_spacing) + 2px);
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
    border-color: var(--_accent);
  }

  .summary.stale {
    border-color: var(--_warning);
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
    .form {
      --_section-inset: var(--_spacing);
    }
    .actions > .button {
      flex: 1 1 100%;
    }
  }
`;
