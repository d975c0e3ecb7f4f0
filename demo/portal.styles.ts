import { css } from 'lit';

/** The demo portal's look: a host page's own styles, which the elements then theme themselves into. */
export const portalStyles = css`
  :host {
    --page-bg: light-dark(#f3f5f8, #0f1115);
    --page-fg: light-dark(#1f2328, #e6e8eb);
    --muted: light-dark(#59636e, #9aa4af);
    --bar-bg: light-dark(#ffffff, #171a1f);
    --card-bg: light-dark(#ffffff, #1c1f24);
    --line: light-dark(#d8dee4, #343a42);
    --accent: light-dark(#0a58ca, #8ab4f8);
    --accent-fg: light-dark(#ffffff, #0f1115);
    --radius: 8px;
    display: flex;
    flex-direction: column;
    min-height: 100dvh;
    background: var(--page-bg);
    color: var(--page-fg);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    line-height: 1.4;
  }

  .appbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem 1.5rem;
    padding: 0.75rem clamp(0.75rem, 3vw, 1.5rem);
    background: var(--bar-bg);
    border-bottom: 1px solid var(--line);
  }

  .brand {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    align-self: center;
    margin-inline-end: auto;
  }

  .logo {
    width: 1.75rem;
    height: 1.75rem;
    fill: var(--accent);
  }

  .product {
    font-weight: 700;
    font-size: 1.1rem;
  }

  .area {
    color: var(--muted);
    padding-inline-start: 0.5rem;
    border-inline-start: 1px solid var(--line);
  }

  .tenant {
    color: var(--page-fg);
    font-weight: 600;
  }

  .settings {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
  }

  .field {
    display: grid;
    gap: 0.2rem;
    min-width: 0;
    font-size: 0.8rem;
    color: var(--muted);
  }

  .account {
    flex: 0 1 21rem;
  }

  .account .select {
    width: 100%;
  }

  .select,
  .input,
  .button {
    box-sizing: border-box;
    max-width: 100%;
    min-height: 2.25rem;
    padding: 0.35rem 0.6rem;
    font: inherit;
    font-size: 0.9rem;
    color: var(--page-fg);
    background: var(--card-bg);
    border: 1px solid var(--line);
    border-radius: 6px;
  }

  .button {
    padding-inline: 0.9rem;
    cursor: pointer;
  }

  .button:hover {
    border-color: var(--accent);
  }

  .button.chip {
    border-radius: 999px;
    min-height: 2rem;
    font-size: 0.85rem;
  }

  :is(.select, .input, .button, .tabs a):focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: 2px;
  }

  .tabs {
    display: flex;
    gap: 0.25rem;
    padding: 0 clamp(0.25rem, 3vw, 1.25rem);
    overflow-x: auto;
    scrollbar-width: thin;
    background: var(--bar-bg);
    border-bottom: 1px solid var(--line);
  }

  .tabs a {
    flex: none;
    padding: 0.7rem 0.8rem;
    color: inherit;
    text-decoration: none;
    white-space: nowrap;
    border-bottom: 3px solid transparent;
  }

  .tabs a[aria-current='page'] {
    border-bottom-color: var(--accent);
    font-weight: 600;
  }

  .body {
    flex: 1;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    min-height: 0;
    padding: clamp(0.75rem, 3vw, 1.5rem);
  }

  .body.with-panel {
    grid-template-columns: minmax(0, 1fr) 22.5rem;
  }

  main {
    display: flex;
    flex-direction: column;
    gap: 1rem;
    min-width: 0;
  }

  .side-panel {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    position: sticky;
    top: 0.5rem;
    align-self: start;
    height: calc(100dvh - 1rem);
    min-height: 28rem;
  }

  .side-panel sms-inbox {
    flex: 1;
    min-height: 0;
    border: 1px solid var(--line);
    border-radius: var(--radius);
    overflow: hidden;
  }

  .side-panel .actions .button {
    flex: 1 1 auto;
  }

  /* A phone, or a window too narrow for a page and a panel: the panel is the page. */
  @media (max-width: 50rem) {
    .body.with-panel {
      grid-template-columns: minmax(0, 1fr);
    }

    .body.with-panel main {
      order: 2;
    }

    .body.with-panel main > .hint {
      display: none;
    }

    .side-panel {
      position: static;
      height: 36rem;
    }
  }

  .page-toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .hint {
    margin: 0;
    color: var(--muted);
    max-width: 60rem;
  }

  h2 {
    margin: 0.5rem 0 0;
    font-size: 1rem;
  }

  .administration {
    display: grid;
    gap: 1rem;
  }

  .card {
    display: block;
    background: var(--card-bg);
    border: 1px solid var(--line);
    border-radius: var(--radius);
  }

  /* The managers draw no frame of their own: their titles and tables keep off the card's edge. */
  :is(sms-list-manager, sms-blocklist-manager, sms-number-manager, sms-keyword-manager, sms-usage-report, sms-settings, sms-contact-manager, sms-template-manager).card {
    padding: 0.75rem 1rem;
  }

  @media (max-width: 30rem) {
    :is(sms-list-manager, sms-blocklist-manager, sms-number-manager, sms-keyword-manager, sms-usage-report, sms-settings, sms-contact-manager, sms-template-manager).card {
      padding: 0.5rem;
    }
  }

  /* The operator's page: the organisation manager, framed as the managers are. */
  sms-organisation-manager.card {
    padding: clamp(0.5rem, 2vw, 0.75rem) clamp(0.5rem, 2.5vw, 1rem);
  }

  .support-banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.6rem 1rem;
    border: 1px solid var(--accent);
    border-radius: var(--radius);
    background: var(--card-bg);
  }

  .support-banner p {
    margin: 0;
  }

  sms-inbox.fill {
    height: max(30rem, calc(100dvh - 14rem));
    border: 1px solid var(--line);
    border-radius: var(--radius);
    overflow: hidden;
  }

  .composer {
    display: grid;
    gap: 0.75rem;
    max-width: 48rem;
    padding: 1rem;
  }

  .composer .field {
    font-size: 0.9rem;
  }

  .sent {
    display: grid;
    gap: 0.25rem;
    max-width: 48rem;
    margin: 0;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
`;
