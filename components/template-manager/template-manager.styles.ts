import { css } from 'lit';

/**
 * The element's own rules, after managerStyles (components/internal/manager.styles.ts), twoLineRowStyles and
 * mergeFieldStyles.
 */
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

  /* The name on the first line of its cell, the mark of a global template on the second. */
  .template-name {
    display: block;
    font-weight: 600;
    white-space: nowrap;
  }

  .badge {
    line-height: 1.3;
    text-transform: none;
    letter-spacing: 0;
    font-size: 0.8em;
  }

  .fields {
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  /* The form: the merge fields and the preview (mergeFieldStyles), the preview's notes and its counter. */
  .preview {
    gap: calc(var(--_spacing) / 2);
  }

  .preview p {
    margin: 0;
  }

  .merge-fields .hint {
    flex-basis: 100%;
  }

  .view-hint {
    margin: 0;
  }

  /*
   * Narrow: the parts and the merge fields leave the table (they show in the form); the message takes the two lines
   * of its cell.
   */
  @container (max-width: 36rem) {
    .col-parts { display: none; }
    .col-name { width: 45%; }
    .fields { display: none; }
    .message {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      white-space: normal;
      overflow-wrap: anywhere;
    }
  }
`;
