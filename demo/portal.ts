// <demo-portal>: the page `npm start` serves. A PBX portal's messaging area as a vendor would ship it: a header with
// the signed-in person, navigation that fits any width, the pbx-sms elements given their room, in English or French,
// light or dark, on the whole page or in a side panel beside the portal's own page.
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/inbox/sms-inbox.js';
import type { SmsSupportAccessDetail, SmsSupportAccessEvent } from '../components/events/sms-support-access-event.js';
import { DEFAULT_ORGANISATION_ID, type SmsClient } from '../src/index.js';
import { demoClient, onServer, organisationName, supportClient } from './backend.js';
import { PEOPLE, type Who } from './people.js';
import { portalStyles } from './portal.styles.js';
import { administrationSection } from './sections/administration.js';
import { campaignsSection } from './sections/campaigns.js';
import { composerSection } from './sections/composer.js';
import { contactsSection } from './sections/contacts.js';
import { inboundButtons, inboxSection } from './sections/inbox.js';
import { blocklistSection, listsSection } from './sections/lists.js';
import { organisationsSection } from './sections/organisations.js';
import type { DemoSection, SectionContext } from './sections/section.js';
import { type DemoTerm, LANGUAGES, demoTerm } from './terms.js';
import { loadTranslation } from './translations.js';

const SECTIONS: readonly DemoSection[] = [inboxSection, campaignsSection, listsSection, blocklistSection, composerSection];
/** What an organisation's administrator sees besides: the administration of its SMS. */
const ADMIN_SECTIONS: readonly DemoSection[] = [administrationSection];
/** What a user sees besides: their contacts (an administrator keeps the shared ones in the administration). */
const USER_SECTIONS: readonly DemoSection[] = [contactsSection];
/** What the hosting vendor's operator sees: the organisations, never their messages. */
const OPERATOR_SECTIONS: readonly DemoSection[] = [organisationsSection];
/** What the operator acting for support in an organisation reads, as its administrators do (nothing to send from). */
const SUPPORT_SECTIONS: readonly DemoSection[] = [inboxSection, campaignsSection, listsSection, blocklistSection, administrationSection];

type Scheme = 'auto' | 'light' | 'dark';
type Layout = 'page' | 'panel';

export class DemoPortal extends LitElement {
  static override styles = portalStyles;

  @state() private section = sectionFromHash();
  /** Who the portal is shown to; the header's account menu changes it (and fires `demo-person-change`). */
  @property() who: Who = 'alice';
  /** The organisation the portal shows; the operator opens another from the organisations page. */
  @property({ attribute: 'organisation' }) organisationId = DEFAULT_ORGANISATION_ID;
  @state() private organisationName = '';
  @state() private language = document.documentElement.lang || 'en';
  @state() private scheme: Scheme = 'auto';
  @state() private layout: Layout = 'page';
  /** Bumped by a section whose own state changed, to render again. */
  @state() private generation = 0;
  @state() private clients: Record<string, SmsClient> = {};
  /** The organisation the operator acts in for support (from `sms-support-access`), or null. */
  @state() private support: SmsSupportAccessDetail | null = null;

  private readonly onHashChange = () => {
    this.section = sectionFromHash();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void this.signIn(this.who);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('language')) {
      document.documentElement.lang = this.language;
      void loadTranslation(this.language);
    }
    if (changed.has('scheme')) {
      document.documentElement.dataset.scheme = this.scheme;
      document.documentElement.style.colorScheme = this.scheme === 'auto' ? 'light dark' : this.scheme;
    }
  }

  private clientKey(who: Who = this.who): string {
    if (who === 'operator') return this.support ? `support:${this.support.organisationId}` : who;
    return `${this.organisationId}:${who}`;
  }

  private async signIn(who: Who): Promise<void> {
    this.who = who;
    this.support = null;
    this.dispatchEvent(new CustomEvent('demo-person-change', { detail: { who, organisationId: this.organisationId } }));
    const key = this.clientKey(who);
    if (!this.clients[key]) this.clients = { ...this.clients, [key]: await demoClient(this.organisationId, who) };
    this.organisationName = await organisationName(this.organisationId);
  }

  /**
   * The operator acts as support in an organisation (`sms-support-access`): the portal shows its pages, read-only, with
   * a client for the principal the event carries; the engine records each call in the organisation's support trail.
   */
  private readonly onSupportAccess = async (event: SmsSupportAccessEvent) => {
    const { detail } = event;
    const client = await supportClient(detail.principal);
    this.clients = { ...this.clients, [`support:${detail.organisationId}`]: client };
    this.support = detail;
    this.organisationId = detail.organisationId;
    this.organisationName = detail.name;
    location.hash = SUPPORT_SECTIONS[0]!.id;
  };

  /** Back from support to the organisations. */
  private endSupport(): void {
    this.support = null;
    location.hash = organisationsSection.id;
  }

  private t = (key: DemoTerm): string => demoTerm(this.language, key);

  private get visibleSections(): readonly DemoSection[] {
    if (this.who === 'operator') return this.support ? SUPPORT_SECTIONS : OPERATOR_SECTIONS;
    const sections = this.who === 'admin' ? [...SECTIONS, ...ADMIN_SECTIONS] : [...SECTIONS, ...USER_SECTIONS];
    // In the side panel layout the inbox is in the panel, not a page of its own.
    return this.layout === 'panel' ? sections.filter((section) => section !== inboxSection) : sections;
  }

  override render() {
    const client = this.clients[this.clientKey()];
    const sections = this.visibleSections;
    const current = sections.find((section) => section.id === this.section) ?? sections[0]!;
    const context: SectionContext | null = client
      ? { client, who: this.who, organisationId: this.organisationId, t: this.t, scheme: this.scheme === 'auto' ? undefined : this.scheme, redraw: () => (this.generation += 1) }
      : null;
    return html`
      <header class="appbar">
        <div class="brand">
          <svg class="logo" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" /></svg>
          <span class="product">${this.t('portalName')}</span>
          <span class="area">${this.t('portalSection')}${this.organisationName ? html` · <span class="tenant">${this.organisationName}</span>` : nothing}</span>
        </div>
        <label class="field account">
          <span>${this.t('signedInAs')}</span>
          <select class="select" @change=${(event: Event) => void this.signIn((event.target as HTMLSelectElement).value as Who)}>
            ${PEOPLE.map((who) => html`<option value=${who} ?selected=${who === this.who}>${this.t(who)}</option>`)}
          </select>
        </label>
        ${onServer() ? html`<button type="button" class="button sign-out" @click=${() => this.dispatchEvent(new Event('demo-sign-out'))}>${this.t('signOut')}</button>` : nothing}
        <div class="settings" role="group" aria-label=${this.t('settings')}>
          ${this.choice('language', this.language, LANGUAGES, (value) => (this.language = value))}
          ${this.choice('scheme', this.scheme, [['auto', this.t('schemeAuto')], ['light', this.t('schemeLight')], ['dark', this.t('schemeDark')]], (value) => (this.scheme = value as Scheme))}
          ${this.choice('layout', this.layout, [['page', this.t('layoutPage')], ['panel', this.t('layoutPanel')]], (value) => (this.layout = value as Layout))}
        </div>
      </header>
      <nav class="tabs" aria-label=${this.t('sections')}>
        ${sections.map(
          (section) => html`<a href="#${section.id}" aria-current=${ifDefined(section === current ? 'page' : undefined)}>${this.t(section.title)}</a>`,
        )}
      </nav>
      <div class="body ${this.layout === 'panel' && this.who !== 'operator' ? 'with-panel' : ''}" @sms-support-access=${this.onSupportAccess}>
        <main id="page" aria-label=${this.t(current.title)}>
          ${this.support
            ? html`<div class="support-banner" role="status">
                <p>${this.t('supportBanner').replace('{0}', this.support.name)}</p>
                <button type="button" class="button" @click=${() => this.endSupport()}>${this.t('endSupport')}</button>
              </div>`
            : nothing}
          ${this.layout === 'panel' && this.who !== 'operator' ? html`<p class="hint">${this.t('panelHint')}</p>` : nothing}
          ${context ? current.render(context) : nothing}
        </main>
        ${this.layout === 'panel' && context && this.who !== 'operator'
          ? html`<aside class="side-panel" aria-label=${this.t('sidePanel')}>
              ${inboundButtons(context)}
              <sms-inbox .client=${context.client} layout="split" default-country="AU" scheme=${ifDefined(context.scheme)}></sms-inbox>
            </aside>`
          : nothing}
      </div>
    `;
  }

  private choice(label: DemoTerm, value: string, options: ReadonlyArray<readonly [string, string]>, set: (value: string) => void) {
    return html`<label class="field">
      <span>${this.t(label)}</span>
      <select class="select" @change=${(event: Event) => set((event.target as HTMLSelectElement).value)}>
        ${options.map(([key, name]) => html`<option value=${key} ?selected=${key === value}>${name}</option>`)}
      </select>
    </label>`;
  }
}

function sectionFromHash(): string {
  return location.hash.slice(1) || SECTIONS[0]!.id;
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-portal': DemoPortal;
  }
}
