// <demo-sign-in>: the first page `npm start` shows in a new window, standing in for a host portal's own sign-in. It
// lists the people of the server's directory, by organisation, and the hosting vendor's operator; choosing one signs
// this window in as them (another window can sign in as someone else, and each sees the other's messages live).
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { type ServerPerson, serverPeople } from './server-backend.js';

/** Fired when a person is chosen: the portal opens as them. */
export class DemoSignInEvent extends Event {
  constructor(readonly person: ServerPerson) {
    super('demo-sign-in', { bubbles: true, composed: true });
  }
}

export class DemoSignIn extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100dvh;
      box-sizing: border-box;
      padding: clamp(1rem, 5vw, 3rem) clamp(0.75rem, 4vw, 2rem);
      background: light-dark(#f3f5f8, #0f1115);
      color: light-dark(#1f2328, #e6e8eb);
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      line-height: 1.4;
    }
    main {
      max-width: 44rem;
      margin: 0 auto;
    }
    h1 {
      font-size: 1.5rem;
      margin: 0 0 0.25rem;
    }
    h2 {
      font-size: 1rem;
      margin: 1.5rem 0 0.5rem;
      color: light-dark(#59636e, #9aa4af);
    }
    p {
      margin: 0 0 1rem;
      color: light-dark(#59636e, #9aa4af);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 0.5rem;
    }
    button {
      inline-size: 100%;
      text-align: start;
      font: inherit;
      padding: 0.625rem 0.75rem;
      border: 1px solid light-dark(#d8dee4, #343a42);
      border-radius: 8px;
      background: light-dark(#ffffff, #1c1f24);
      color: inherit;
      cursor: pointer;
    }
    button:hover {
      border-color: light-dark(#0a58ca, #8ab4f8);
    }
    button:focus-visible {
      outline: 2px solid light-dark(#0a58ca, #8ab4f8);
      outline-offset: 2px;
    }
    .name {
      display: block;
      font-weight: 600;
    }
    .detail {
      display: block;
      font-size: 0.875rem;
      color: light-dark(#59636e, #9aa4af);
    }
    [role='alert'] {
      color: light-dark(#b3261e, #f2b8b5);
    }
  `;

  @state() private people: ServerPerson[] | null = null;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    serverPeople().then(
      (people) => (this.people = people),
      (error: unknown) => (this.error = error instanceof Error ? error.message : String(error)),
    );
  }

  override render() {
    const groups = new Map<string, ServerPerson[]>();
    // The portal knows the demo's people by their part (alice, admin...): someone added since has none to be shown as.
    for (const person of (this.people ?? []).filter((candidate) => candidate.key !== null)) {
      const group = person.organisationName ?? 'Hosting vendor';
      groups.set(group, [...(groups.get(group) ?? []), person]);
    }
    return html`<main>
      <h1>Sign in to the pbx-sms demo</h1>
      <p>Choose who to be in this window. Open a second window as someone else to see messages arrive live.</p>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.people === null && !this.error ? html`<p role="status">Loading the directory…</p>` : nothing}
      ${[...groups].map(
        ([group, people]) => html`<section aria-label=${group}>
          <h2>${group}</h2>
          <ul>
            ${people.map(
              (person) => html`<li>
                <button type="button" @click=${() => this.dispatchEvent(new DemoSignInEvent(person))}>
                  <span class="name">${person.name}</span>
                  <span class="detail">${person.detail}</span>
                </button>
              </li>`,
            )}
          </ul>
        </section>`,
      )}
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-sign-in': DemoSignIn;
  }
}
