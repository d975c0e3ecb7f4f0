import { css } from 'lit';

/** The element's own rules, after managerStyles (components/internal/manager.styles.ts). */
export default css`
  .base {
    max-width: var(--sms-settings-max-width, 60rem);
    background: var(--_surface);
    color: var(--_text);
  }

  .form {
    display: grid;
    gap: calc(var(--_spacing) * 2);
  }

  .section {
    display: grid;
    gap: var(--_spacing);
    min-width: 0;
    padding-top: calc(var(--_spacing) * 1.5);
    border-top: 1px solid var(--_border);
  }

  .section h3 {
    font-size: 1em;
  }

  .intro {
    margin: 0;
  }

  .field > .input,
  .with-unit {
    max-width: 100%;
  }

  .country {
    width: 4.5rem;
    text-transform: uppercase;
  }

  .with-unit {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_spacing) / 2);
    justify-self: start;
  }

  .number {
    width: 7rem;
  }

  .unit {
    color: var(--_text-muted);
  }

  /* Each department's tags, two or three side by side as room allows. */
  .departments,
  .answers,
  .cost {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: var(--_spacing) calc(var(--_spacing) * 2);
    align-items: start;
  }

  .department {
    align-content: start;
  }

  .department legend {
    overflow-wrap: anywhere;
  }

  .none {
    margin: 0;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_spacing) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .tag {
    display: inline-flex;
    align-items: center;
    gap: 0.2em;
    min-height: 1.75rem;
    padding-inline: 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-alt);
    font-weight: 600;
    white-space: pre;
  }

  .tag.removable {
    padding-inline-end: 0.15em;
  }

  .tag-remove {
    min-width: 1.5rem;
    min-height: 1.5rem;
    border-radius: 999px;
    color: var(--_text-muted);
  }

  .tag-remove svg {
    width: 0.9rem;
    height: 0.9rem;
  }

  .tag-entry {
    display: flex;
    gap: calc(var(--_spacing) / 2);
  }

  .tag-entry .input {
    flex: 1 1 auto;
    min-width: 0;
  }

  .answer textarea {
    min-height: 4.5rem;
    max-height: 12rem;
  }

  .parts {
    justify-self: start;
  }

  .departments > *,
  .answers > *,
  .cost > * {
    min-width: 0;
  }

  .cost select.input {
    width: 100%;
  }

  /* The save bar stays in view at the foot of the page while the form scrolls. */
  .actions {
    position: sticky;
    bottom: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing);
    padding-block: var(--_spacing);
    border-top: 1px solid var(--_border);
    background: var(--_surface);
  }

  .unsaved {
    color: var(--_warning);
    font-weight: 600;
  }

  select.input:disabled {
    opacity: 1;
    color: var(--_text);
  }

  @container (max-width: 24rem) {
    .actions .button {
      flex: 1 1 auto;
    }
  }
`;
