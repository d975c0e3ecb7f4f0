import { css } from 'lit';

export default css`
  :host {
    display: flex;
    flex-direction: column;
    height: 36rem;
    min-height: 16rem;
  }

  .base {
    position: relative;
    display: flex;
    flex: 1;
    flex-direction: column;
    min-height: 0;
    background: var(--_surface);
    border-radius: var(--_radius);
    container-type: inline-size;
    transition: box-shadow var(--_duration) ease;
  }

  :host([highlight]) .base {
    box-shadow: 0 0 0 3px var(--_accent);
    animation: pulse 1.2s ease-in-out 3;
  }

  @keyframes pulse {
    50% {
      box-shadow: 0 0 0 6px color-mix(in srgb, var(--_accent) 40%, transparent);
    }
  }

  /* A host's back button (the header-start slot) above the loading, error and other states; no room taken without one. */
  .start-bar {
    display: flex;
  }

  .start-bar ::slotted(*) {
    margin: var(--_spacing) calc(var(--_spacing) * 1.5) 0;
  }

  .header ::slotted(*) {
    flex: none;
  }

  .status-block {
    display: grid;
    flex: 1;
    align-content: center;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_spacing);
    padding: var(--_spacing) calc(var(--_spacing) * 1.5);
    border-bottom: 1px solid var(--_border);
  }

  .who {
    flex: 1;
    min-width: 10rem;
  }

  .title {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .subtitle {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2em 0.6em;
    color: var(--_text-muted);
  }

  .shared,
  .muted {
    color: var(--_text);
  }

  .actions {
    display: flex;
    align-items: center;
    gap: calc(var(--_spacing) / 2);
  }

  .add-contact svg {
    display: none;
    width: 1.1rem;
    height: 1.1rem;
    fill: currentColor;
  }

  .menu-anchor {
    position: relative;
  }

  .menu {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + 4px);
    z-index: 2;
    display: grid;
    min-width: 14rem;
    padding: calc(var(--_spacing) / 2) 0;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
  }

  .menu [role='menuitem'] {
    padding: var(--_spacing) calc(var(--_spacing) * 1.5);
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .menu [role='menuitem']:hover,
  .menu [role='menuitem']:focus-visible {
    background: var(--_surface-alt);
  }

  .menu .danger {
    color: var(--_danger);
  }

  .notice {
    margin: 0;
    padding: calc(var(--_spacing) * 0.75) calc(var(--_spacing) * 1.5);
    background: var(--_warning-surface);
    color: var(--_warning);
    border-bottom: 1px solid var(--_border);
  }

  .action-error {
    padding: calc(var(--_spacing) / 2) calc(var(--_spacing) * 1.5);
  }

  .thread {
    position: relative;
    display: flex;
    flex: 1;
    flex-direction: column;
    min-height: 0;
  }

  .scroller {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
  }

  /* Short threads sit at the bottom, above the composer, as in every messenger. */
  .rows {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    min-height: 100%;
    padding-inline: calc(var(--_spacing) * 1.5);
  }

  /* Rows are measured: no margins, spacing inside. */
  .row {
    display: flex;
    padding-block: 3px;
  }

  .edge,
  .day {
    justify-content: center;
    padding-block: var(--_spacing);
    color: var(--_text-muted);
    font-size: 0.9em;
  }

  .edge {
    gap: var(--_spacing);
    align-items: center;
  }

  .day-label {
    padding: 0.1em 0.8em;
    border-radius: 999px;
    background: var(--_surface-alt);
    font-weight: 600;
  }

  .outbound {
    justify-content: flex-end;
  }

  .bubble {
    max-width: min(80%, 36rem);
    padding: calc(var(--_spacing) * 0.75) var(--_spacing);
    border-radius: calc(var(--_radius) * 2);
    background: var(--sms-conversation-bubble-inbound, var(--_surface-alt));
    line-height: 1.4;
  }

  .outbound .bubble {
    background: var(--sms-conversation-bubble-outbound, var(--_accent));
    color: var(--sms-conversation-bubble-outbound-text, var(--_on-accent));
  }

  .outbound .bubble.failed,
  .outbound .bubble.undelivered {
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_danger);
  }

  .outbound .bubble.scheduled,
  .outbound .bubble.canceled {
    background: var(--_surface);
    color: var(--_text);
    border: 1px dashed var(--_border);
  }

  .body {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0 0.6em;
    margin-top: 0.15em;
    font-size: 0.8em;
  }

  .sender {
    font-weight: 600;
  }

  .channel {
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  .failed .delivery,
  .undelivered .delivery,
  .failure {
    color: var(--_danger);
    font-weight: 600;
  }

  .scheduled .delivery {
    color: var(--_warning);
    font-weight: 600;
  }

  .failure {
    margin: 0.3em 0 0;
    font-size: 0.9em;
  }

  .bubble .button {
    margin-top: 0.4em;
    min-height: 1.75rem;
  }

  .new-messages {
    position: absolute;
    bottom: var(--_spacing);
    left: 50%;
    transform: translateX(-50%);
    border-radius: 999px;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.2);
  }

  .new-messages svg {
    width: 1rem;
    height: 1rem;
    fill: currentColor;
  }

  sms-composer {
    border-top: 1px solid var(--_border);
  }

  .field + .field {
    margin-top: var(--_spacing);
  }

  .field-error:empty {
    display: none;
  }

  .dialog-title {
    margin: 0 0 var(--_spacing);
    font-size: 1.1em;
  }

  @container (min-width: 48rem) {
    .bubble {
      max-width: min(65%, 40rem);
    }
  }

  /* A side panel: "Add to contacts" becomes an icon (its text still names it), so the header stays on one line. */
  @container (max-width: 30rem) {
    .header {
      padding-inline: var(--_spacing);
    }
    .who {
      min-width: 8rem;
    }
    .add-contact {
      min-width: 2rem;
      padding: 0;
      border-color: transparent;
      background: transparent;
    }
    .add-contact svg {
      display: block;
    }
    .add-contact-text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  @container (max-width: 24rem) {
    .rows {
      padding-inline: var(--_spacing);
    }
    .bubble {
      max-width: 88%;
    }
  }
`;
