import { css } from 'lit';

/** The element's own rules, after managerStyles (components/internal/manager.styles.ts). */
export default css`
  .base {
    background: var(--_surface);
    color: var(--_text);
  }

  .table-scroll {
    max-height: var(--sms-template-manager-height, 28rem);
    background: var(--_surface);
  }

  .col-name {
    width: 14rem;
  }
  .col-parts {
    width: 5.5rem;
    white-space: nowrap;
    color: var(--_text-muted);
  }
  .col-parts.many {
    color: var(--_warning);
  }

  .template-name {
    font-weight: 600;
    text-align: start;
    overflow-wrap: anywhere;
  }

  .badge {
    margin-inline-start: 0.4em;
    vertical-align: middle;
    line-height: 1.3;
    text-transform: none;
    letter-spacing: 0;
    font-size: 0.8em;
  }

  /*
   * Rows of one height, as the row window needs: two single-line lines in the message cell (the message, its merge
   * fields), long text ending in an ellipsis, whole in the cell's title and in the form.
   */
  .table-scroll tbody th,
  .table-scroll tbody td {
    height: 2.9rem;
  }

  .line {
    display: block;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .fields {
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  /* The form: merge fields to insert, and the preview with its counter. */
  .merge-fields {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_spacing) / 2);
  }

  .merge-fields .hint {
    flex-basis: 100%;
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
    gap: calc(var(--_spacing) / 2);
    padding: var(--_spacing);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .preview p {
    margin: 0;
  }

  .preview-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .view-hint {
    margin: 0;
  }

  /* Narrow: the parts leave the table (they show in the form); the name and the message stay. */
  @container (max-width: 36rem) {
    .col-parts { display: none; }
    .col-name { width: 40%; }
  }
`;
