import { css } from 'lit';

/**
 * The merge fields a message form offers to insert (`.merge-fields` of `.chip` buttons reading `{{field}}`) and the
 * preview of the message with them filled in (`.preview`, its text in `.preview-text`).
 */
export const mergeFieldStyles = css`
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
`;
