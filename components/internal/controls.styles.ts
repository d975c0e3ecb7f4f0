import { css } from 'lit';

/**
 * The look every element shares for its controls: buttons (`.button`, `.button.primary`, `.button.danger`,
 * `.button.quiet`, `.icon-button`), text inputs and selects (`.input`), badges (`.badge`), a toolbar row, field
 * labels and inline errors (`.field`, `.field-error`), tables (`.table`) and the status blocks of states.ts.
 */
export const controlStyles = css`
  .button,
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_spacing) / 2);
    min-height: 2rem;
    padding: 0 calc(var(--_spacing) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
    transition: background-color var(--_duration), border-color var(--_duration);
  }
  .button:hover:not(:disabled),
  .icon-button:hover:not(:disabled) {
    background: var(--_surface-alt);
  }
  .button:disabled,
  .icon-button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.primary:hover:not(:disabled) {
    background: var(--_accent);
    filter: brightness(1.08);
  }
  .button.danger {
    color: var(--_danger);
    border-color: currentColor;
  }
  .button.quiet,
  .icon-button {
    border-color: transparent;
    background: transparent;
  }
  .icon-button {
    min-width: 2rem;
    padding: 0;
  }
  .icon-button svg {
    width: 1.1rem;
    height: 1.1rem;
    fill: currentColor;
  }
  .input {
    box-sizing: border-box;
    min-height: 2rem;
    padding: 0 var(--_spacing);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  textarea.input {
    padding: var(--_spacing);
    resize: vertical;
  }
  /* Grows with its text between its min and max height (fitTextarea where field-sizing is not supported). */
  textarea.grow {
    field-sizing: content;
    overflow-y: auto;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field {
    display: grid;
    gap: calc(var(--_spacing) / 2);
  }
  .field > label,
  .label {
    font-weight: 600;
  }
  .hint {
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .field-warning {
    color: var(--_warning);
    font-size: 0.9em;
  }
  .badge {
    display: inline-block;
    padding: 0 0.45em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.75em;
    font-weight: 600;
    line-height: 1.5;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing);
  }
  .table {
    width: 100%;
    border-collapse: collapse;
  }
  .table th,
  .table td {
    padding: calc(var(--_spacing) * 0.75) var(--_spacing);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .table th {
    color: var(--_text-muted);
    font-weight: 600;
  }
  .status {
    display: grid;
    justify-items: center;
    gap: var(--_spacing);
    padding: calc(var(--_spacing) * 3) var(--_spacing);
    color: var(--_text-muted);
    text-align: center;
  }
  .status.error {
    color: var(--_danger);
  }
  .config-error {
    padding: var(--_spacing);
    border: 1px dashed var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  dialog {
    max-width: min(32rem, 90vw);
    padding: calc(var(--_spacing) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_spacing);
    margin-top: calc(var(--_spacing) * 2);
  }
`;
