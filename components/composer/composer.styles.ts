import { css } from 'lit';

export default css`
  :host {
    display: block;
  }

  .base {
    display: grid;
    gap: calc(var(--_spacing) * 0.75);
    padding: var(--_spacing);
    background: var(--sms-composer-background, var(--_surface));
    container-type: inline-size;
  }

  .from {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_spacing) / 2);
    color: var(--_text-muted);
  }

  .textarea {
    width: 100%;
    min-height: calc(2lh + 2 * var(--_spacing) + 2px);
    max-height: calc(8lh + 2 * var(--_spacing) + 2px);
    line-height: 1.4;
  }

  .limit {
    margin: 0;
  }

  sms-segment-counter {
    --sms-segment-counter-background: transparent;
    --sms-segment-counter-padding: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_spacing) / 2);
  }

  .send {
    margin-inline-start: auto;
    min-width: 6rem;
  }

  .schedule {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_spacing) / 2) var(--_spacing);
  }

  .schedule .field-error:empty {
    display: none;
  }

  .cannot-send {
    padding: var(--_spacing) calc(var(--_spacing) * 1.5);
    background: var(--_surface-alt);
    border-inline-start: 3px solid var(--_text-muted);
    color: var(--_text);
  }

  .dialog-title {
    margin: 0 0 var(--_spacing);
    font-size: 1.1em;
  }

  .template-list {
    display: grid;
    gap: calc(var(--_spacing) / 2);
    max-height: 14rem;
    overflow-y: auto;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .template-option {
    display: flex;
    align-items: center;
    gap: var(--_spacing);
    padding: calc(var(--_spacing) / 2) var(--_spacing);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .template-option:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_surface-alt);
  }

  .template-name {
    flex: 1;
  }

  .template-preview {
    margin-top: var(--_spacing);
    padding: var(--_spacing);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }

  .preview-text {
    margin: calc(var(--_spacing) / 2) 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .missing {
    margin: calc(var(--_spacing) / 2) 0 0;
    color: var(--_warning);
  }

  @container (max-width: 22rem) {
    .send {
      flex: 1 0 100%;
    }
  }
`;
