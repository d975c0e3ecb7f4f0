import { css } from 'lit';

/**
 * The element's own rules, after managerStyles (components/internal/manager.styles.ts) and twoLineRowStyles (rows of one
 * height: where messages go, or the reply and its parts, on two single-line lines).
 */
export default css`
  .base {
    background: var(--_surface);
    color: var(--_text);
  }

  .table-scroll {
    max-height: var(--sms-keyword-manager-height, 28rem);
    background: var(--_surface);
  }

  .col-keyword {
    width: 11rem;
  }
  .col-routes {
    width: 40%;
  }

  .keyword {
    font-weight: 600;
    letter-spacing: 0.02em;
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

  tr.off .keyword,
  .off-badge,
  .none {
    color: var(--_text-muted);
  }

  .parts {
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .parts.many {
    color: var(--_warning);
  }

  .keyword-input {
    text-transform: uppercase;
  }

  .keyword-input::placeholder {
    text-transform: none;
  }

  /* Narrow: the auto-reply leaves the table (it shows in the form); the keyword and where it goes stay. */
  @container (max-width: 36rem) {
    .col-reply { display: none; }
    .col-keyword { width: 6.5rem; }
    .route-label { display: none; }
    .col-routes { width: auto; }
  }
`;
